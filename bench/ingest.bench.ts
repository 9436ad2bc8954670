import { withBenchProcesses } from './load/benchProcesses.ts';
import { crewPositions } from './load/crewPositions.ts';
import { withoutOkKeys } from './load/withoutOkKeys.ts';
import { cpuProfileDirIf, summarizeCpuProfile, type ProfileSummary } from './load/cpuProfileSummary.ts';
import type { ConnectSummary, RunSpec, RunSummary } from './load/loadProtocol.ts';
import { JOBURG_BBOX } from './random.ts';
import { rawGeoaddRate, type RawGeoaddResult } from './load/redisBenchmark.ts';
import { metricSum, readMetrics } from './load/serverMetrics.ts';
import { Redis } from 'ioredis';
import { redisKeys } from '../server/redis/keys.ts';
import { redisStallsText, watchRedisStalls, type RedisStalls } from './load/redisStalls.ts';

export interface IngestOptions {
  /** Crew sockets, each signed on to a synthetic unit of its own. */
  crews: number;
  /** Offered fixes per second, step by step (the steps stop once ack p99 passes `stopAboveP99Ms`). */
  rates: number[];
  stepSeconds: number;
  drainMs: number;
  stopAboveP99Ms: number;
  /** Answers a crew socket may have outstanding before it skips a turn (the server refuses past 32). */
  maxInFlightPerSocket: number;
  /** Dispatcher consoles connected, receiving the coalesced `units:moved` frames. */
  dispatchers: number;
  rawGeoadd: { requests: number; clients: number };
  /** Run the server under `--cpu-prof` and summarise where its time went. */
  cpuProfile: boolean;
  /**
   * [UP3] The same climb through the AVL gateway: `sockets` sessions of its account sending `units:positions`
   * batches of `batchSize` fixes over `units` synthetic units, at `rates` fixes/s.
   */
  gateway: { sockets: number; units: number; batchSize: number; rates: number[] };
}

export interface IngestStep {
  offeredPerSecond: number;
  /** Fixes stored (`ok`) per second, over the step's send-to-last-answer time. */
  storedPerSecond: number;
  run: Omit<RunSummary, 'okKeys'>;
  /** From the server's /metrics, the step's increase. */
  received: number;
  shed: number;
  coalesced: number;
  /** CPU the server process used in the step, and per fix stored, µs. */
  serverCpuMs: number;
  serverCpuPerFixUs: number;
  serverEventLoopP99Ms: number;
  serverEventLoopMaxMs: number;
  /** What Redis's own latency monitor saw over the step (over 10 ms). */
  redis: RedisStalls;
  /** p99 under the limit and at least 95 % of the offered fixes stored. */
  isSustained: boolean;
}

export interface IngestResult {
  options: IngestOptions;
  unitsInStore: number;
  crewsConnected: ConnectSummary;
  steps: IngestStep[];
  /** The highest offered rate sustained (see `IngestStep.isSustained`), or null. */
  bestSustained: IngestStep | null;
  /** [UP3] The climb through the AVL gateway, and its highest sustained rate. */
  gatewaySteps: IngestStep[];
  gatewayBestSustained: IngestStep | null;
  rawGeoadd: RawGeoaddResult;
  serverPeakRssMiB: number;
  /** [SO1] The Socket.IO adapter's stream in Redis after the gateway's climb (its position frames), and Redis's memory then. */
  adapterStream: { entries: number; bytes: number; redisUsedBytes: number };
  profile: ProfileSummary | null;
}

export const INGEST_QUICK: IngestOptions = {
  crews: 60,
  rates: [250, 500, 1_000, 2_000],
  stepSeconds: 4,
  drainMs: 5_000,
  stopAboveP99Ms: 50,
  maxInFlightPerSocket: 32,
  dispatchers: 2,
  rawGeoadd: { requests: 50_000, clients: 50 },
  cpuProfile: false,
  gateway: { sockets: 2, units: 2_000, batchSize: 200, rates: [2_000, 5_000] },
};

export const INGEST_FULL: IngestOptions = {
  crews: 200,
  rates: [500, 1_000, 2_000, 4_000, 6_000, 8_000, 10_000, 12_000, 16_000, 20_000, 24_000],
  stepSeconds: 8,
  drainMs: 10_000,
  stopAboveP99Ms: 50,
  maxInFlightPerSocket: 32,
  dispatchers: 5,
  rawGeoadd: { requests: 200_000, clients: 50 },
  // A profile costs the server CPU of its own; `INGEST_PROFILE=1` turns it on for a look at where the time goes.
  cpuProfile: process.env.INGEST_PROFILE === '1',
  gateway: { sockets: 4, units: 10_000, batchSize: 200, rates: [5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 35_000, 40_000, 50_000, 60_000] },
};

/**
 * [Bench: position ingest] Crews' devices (`crews` real socket.io-client connections in a load-generator process,
 * each signed on to a unit) send `unit:position` at rising rates on an absolute-time schedule to a server in a
 * process of its own (Redis AOF fsync always, as in production); per step: the ack latency, the fixes stored,
 * shed and coalesced, and the server's CPU per fix. Beside it, `redis-benchmark`'s raw unpipelined GEOADD rate on
 * the same Redis.
 */
export async function benchIngest(options: IngestOptions, log: (line: string) => void = () => undefined): Promise<IngestResult> {
  const profileDir = cpuProfileDirIf(options.cpuProfile, 'ingest');
  const result = await withBenchProcesses({ syntheticUnits: Math.max(options.crews, options.gateway.units), ...(profileDir ? { cpuProfileDir: profileDir } : {}) }, async ({ redisPort, host, load }) => {
    const rawGeoadd = await rawGeoaddRate({ port: redisPort, ...options.rawGeoadd });
    log(`  raw GEOADD (redis-benchmark -P 1 -c ${options.rawGeoadd.clients}): ${rawGeoadd.requestsPerSecond ?? rawGeoadd.reason}/s`);
    const sessions = await host.call('sessions', { crewUnitIds: host.ready.syntheticUnitIds.slice(0, options.crews), dispatchers: options.dispatchers, callTakers: 0, gateways: options.gateway.sockets });
    const crewsConnected = await load.call('connect', { group: 'crews', url: host.ready.url, sockets: sessions.crews, concurrency: 20, timeoutMs: 20_000 });
    await load.call('connect', { group: 'consoles', url: host.ready.url, sockets: sessions.dispatchers, concurrency: 10, timeoutMs: 20_000 });
    const gatewaysConnected = await load.call('connect', { group: 'gateways', url: host.ready.url, sockets: sessions.gateways, concurrency: 4, timeoutMs: 20_000 });
    if (gatewaysConnected.connected !== options.gateway.sockets) throw new Error(`${gatewaysConnected.connected} of ${options.gateway.sockets} gateway sockets connected`);
    let peakRssMiB = 0;
    const monitorRedis = new Redis({ port: redisPort, host: '127.0.0.1' });
    /** One climb: `spec(rate)` at each rate until two steps in a row pass the line. */
    const climb = async (label: string, rates: number[], spec: (rate: number) => RunSpec): Promise<IngestStep[]> => {
      const steps: IngestStep[] = [];
      for (const rate of rates) {
        const before = await readMetrics(host.ready.url);
        await host.call('probe', { reset: true });
        const redisStalls = await watchRedisStalls(monitorRedis, 10);
        const run = withoutOkKeys(await load.call('run', spec(rate)));
        const probe = await host.call('probe', { reset: false });
        const redis = await redisStalls();
        peakRssMiB = Math.max(peakRssMiB, probe.peakRssMiB);
        const after = await readMetrics(host.ready.url);
        const delta = (name: string): number => metricSum(after, name) - metricSum(before, name);
        const stored = run.fixesStored;
        const storedPerSecond = run.elapsedMs > 0 ? stored / (run.elapsedMs / 1000) : 0;
        const step: IngestStep = {
          offeredPerSecond: rate,
          storedPerSecond,
          run,
          received: delta('cad_positions_received_total'),
          shed: delta('cad_positions_shed_total'),
          coalesced: delta('cad_positions_coalesced_total'),
          serverCpuMs: probe.cpuMs,
          serverCpuPerFixUs: stored > 0 ? (probe.cpuMs * 1000) / stored : Number.NaN,
          serverEventLoopP99Ms: probe.eventLoopDelayP99Ms,
          serverEventLoopMaxMs: probe.eventLoopDelayMaxMs,
          redis,
          isSustained: run.ack.p99 < options.stopAboveP99Ms && stored >= 0.95 * rate * options.stepSeconds,
        };
        steps.push(step);
        log(
          `  ${label} ${rate}/s offered: ${Math.round(storedPerSecond)}/s stored, ack p50 ${run.ack.p50.toFixed(1)} p99 ${run.ack.p99.toFixed(1)} max ${run.ack.max.toFixed(0)} ms, ` +
            `loop p99 ${probe.eventLoopDelayP99Ms.toFixed(0)} max ${probe.eventLoopDelayMaxMs.toFixed(0)} ms, outcomes ${JSON.stringify(run.outcomes)}, skipped ${run.skipped}, shed ${step.shed}, coalesced ${step.coalesced}, server CPU ${Math.round(probe.cpuMs)} ms (${step.serverCpuPerFixUs.toFixed(0)} µs/fix), generator CPU ${Math.round(run.generatorCpuMs)} ms; Redis: ${redisStallsText(redis)}`,
        );
        // Two steps in a row over the line end the climb (one alone may be a pause of the machine's, not the ceiling).
        if (steps.length >= 2 && steps.slice(-2).every((s) => s.run.ack.p99 >= options.stopAboveP99Ms)) break;
      }
      return steps;
    };
    // A short warm-up so that the first step does not pay for the JIT.
    await load.call('run', crewPositions(500, 2, 2_000, options.maxInFlightPerSocket));
    const steps = await climb('devices', options.rates, (rate) => crewPositions(rate, options.stepSeconds, options.drainMs, options.maxInFlightPerSocket));
    const { batchSize } = options.gateway;
    const unitIds = host.ready.syntheticUnitIds.slice(0, options.gateway.units);
    const gatewayRun = (fixesPerSecond: number, seconds: number): RunSpec => ({
      group: 'gateways',
      plan: { kind: 'positionBatch', bbox: JOBURG_BBOX, unitIds, batchSize },
      pace: { kind: 'rate', ratePerSecond: fixesPerSecond / batchSize },
      durationSeconds: seconds,
      drainMs: options.drainMs,
      maxInFlightPerSocket: options.maxInFlightPerSocket,
      collectOk: false,
    });
    await load.call('run', gatewayRun(2_000, 2));
    const gatewaySteps = await climb(`gateway (batches of ${batchSize})`, options.gateway.rates, (rate) => gatewayRun(rate, options.stepSeconds));
    monitorRedis.disconnect();
    const best = (list: IngestStep[]): IngestStep | null => list.filter((s) => s.isSustained).at(-1) ?? null;
    const adapterStream = await readAdapterStream(redisPort);
    log(`  adapter stream after the gateway: ${adapterStream.entries} entries, ${(adapterStream.bytes / 1e6).toFixed(1)} MB; Redis used_memory ${(adapterStream.redisUsedBytes / 1e6).toFixed(1)} MB`);
    return {
      adapterStream,
      crewsConnected,
      steps,
      gatewaySteps,
      rawGeoadd,
      unitsInStore: host.ready.unitsInStore,
      serverPeakRssMiB: peakRssMiB,
      bestSustained: best(steps),
      gatewayBestSustained: best(gatewaySteps),
    };
  });
  return { options, ...result, profile: profileDir ? summarizeCpuProfile(profileDir) : null };
}

/** The adapter stream's length and memory (`MEMORY USAGE … SAMPLES 0`), and Redis's `used_memory`. */
async function readAdapterStream(port: number): Promise<IngestResult['adapterStream']> {
  const redis = new Redis({ port, host: '127.0.0.1' });
  try {
    const key = redisKeys('jhb').socketIoStream;
    const [entries, bytes, info] = await Promise.all([redis.xlen(key), redis.memory('USAGE', key, 'SAMPLES', 0), redis.info('memory')]);
    return { entries, bytes: bytes ?? 0, redisUsedBytes: Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? 0) };
  } finally {
    redis.disconnect();
  }
}
