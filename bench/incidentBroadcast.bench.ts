import { performance } from 'node:perf_hooks';
import type { LngLat } from '../shared/geo/position.ts';
import type { IncidentCreatePayload } from '../shared/incidents/incidentSchema.ts';
import type { CadServer } from '../server/app/createCadServer.ts';
import { startJoburgBenchServer } from './benchServer.ts';
import { processRssMiB, redisUsedMemory, startBenchRedis } from './benchRedis.ts';
import { connectBenchSocket, type BenchSocket } from './benchSocket.ts';
import { pointInBbox, seededRandom } from './random.ts';
import { summarize, type Summary } from './stats.ts';
import { nodeForKey } from '../server/redis/nodeForKey.ts';


export interface BroadcastOptions {
  ratePerSecond: number;
  durationSeconds: number;
  dispatchers: number;
  /** How long to wait for late acks and deltas once the last incident is sent. */
  drainMs: number;
}

export interface BroadcastResult {
  options: BroadcastOptions;
  sent: number;
  acknowledged: number;
  refused: number;
  /** Incidents every dispatcher console received. */
  receivedByAll: number;
  /** (incident, console) pairs expected and received. */
  pairsExpected: number;
  pairsReceived: number;
  lost: number;
  achievedRate: number;
  /** Send → `incident:created` at each dispatcher console, over all pairs. */
  delivery: Summary;
  /** Send → acknowledgement at the call-taker. */
  ack: Summary;
  /** Largest lag of a send behind its scheduled time. */
  maxScheduleLagMs: number;
  processRssMiB: number;
  redisMemory: string;
}

function pointInMetro(server: CadServer, random: () => number): LngLat {
  for (;;) {
    const at = pointInBbox(random);
    if (server.ctx.city.locate(at).isInsideMetro) return at;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, Math.max(0, ms)));

/**
 * [Bench 2] One call-taker creates incidents at a steady rate (scheduled by absolute time) against an
 * in-process server; each of `dispatchers` consoles times when its `incident:created` delta arrives.
 */
export async function benchIncidentBroadcast(options: BroadcastOptions): Promise<BroadcastResult> {
  const redisServer = await startBenchRedis();
  // The rate limit is counted on every command; its ceiling is raised (see BENCH_RATE_LIMITS).
  const server = await startJoburgBenchServer(redisServer.url);
  const sockets: BenchSocket[] = [];
  try {
    const callTaker = await connectBenchSocket(server.url, 'calltaker');
    sockets.push(callTaker);
    /** Arrival times per incident id, one entry per dispatcher console (filled whether or not the ack came first). */
    const arrivals = new Map<string, number[]>();
    for (let d = 0; d < options.dispatchers; d += 1) {
      const socket = await connectBenchSocket(server.url, 'dispatcher', 'combined');
      socket.on('incident:created', (delta) => {
        const at = performance.now();
        const id = delta.incidents[0]?.id;
        if (!id) return;
        const list = arrivals.get(id) ?? [];
        list.push(at);
        arrivals.set(id, list);
      });
      sockets.push(socket);
    }

    const random = seededRandom(7_031_955);
    const total = Math.round(options.ratePerSecond * options.durationSeconds);
    const intervalMs = 1000 / options.ratePerSecond;
    /** Send time per incident id, filled on the ack. */
    const sentAtById = new Map<string, number>();
    const ackMs: number[] = [];
    let refused = 0;
    let maxScheduleLagMs = 0;
    let lastAckAt = 0;
    const runId = Date.now().toString(36);
    const start = performance.now();
    for (let i = 0; i < total; i += 1) {
      const due = start + i * intervalMs;
      await sleep(due - performance.now());
      const input: IncidentCreatePayload = {
        commandId: `bench-${runId}-${String(i).padStart(5, '0')}`,
        type: 'medical_emergency',
        location: pointInMetro(server, random),
        locationNotes: 'benchmark',
        callerName: 'Bench Caller',
        callbackNumber: '082 555 0147',
        notes: 'synthetic incident',
      };
      const sentAt = performance.now();
      maxScheduleLagMs = Math.max(maxScheduleLagMs, sentAt - due);
      callTaker.emit('incident:create', input, (result) => {
        const at = performance.now();
        if (!result.ok) {
          refused += 1;
          return;
        }
        ackMs.push(at - sentAt);
        lastAckAt = at;
        sentAtById.set(result.data.id, sentAt);
      });
    }
    const sendEnd = performance.now();

    const drainDeadline = performance.now() + options.drainMs;
    const complete = (): boolean =>
      ackMs.length + refused === total && [...sentAtById.keys()].every((id) => (arrivals.get(id)?.length ?? 0) >= options.dispatchers);
    while (!complete() && performance.now() < drainDeadline) await sleep(20);

    const delivery: number[] = [];
    let receivedByAll = 0;
    for (const [id, sentAt] of sentAtById) {
      const times = arrivals.get(id) ?? [];
      if (times.length >= options.dispatchers) receivedByAll += 1;
      for (const at of times) delivery.push(at - sentAt);
    }
    const pairsExpected = total * options.dispatchers;
    return {
      options,
      sent: total,
      acknowledged: ackMs.length,
      refused,
      receivedByAll,
      pairsExpected,
      pairsReceived: delivery.length,
      lost: pairsExpected - delivery.length,
      achievedRate: ackMs.length / ((Math.max(lastAckAt, sendEnd) - start) / 1000),
      delivery: summarize(delivery),
      ack: summarize(ackMs),
      maxScheduleLagMs,
      processRssMiB: processRssMiB(),
      redisMemory: await redisUsedMemory(nodeForKey(server.ctx.redis, server.ctx.keys.version)),
    };
  } finally {
    for (const socket of sockets) socket.close();
    await server.close();
    await redisServer.cleanup();
  }
}
