import { Redis } from 'ioredis';
import { redisKeys } from '../server/redis/keys.ts';
import { performance } from 'node:perf_hooks';
import { withBenchProcesses } from './load/benchProcesses.ts';
import { cpuProfileDirIf, summarizeCpuProfile } from './load/cpuProfileSummary.ts';
import { busyShare, machineCpu } from './load/machineCpu.ts';
import { redisCpuMs } from './load/redisCpu.ts';
import { startLoadGenerator, type LoadGenerator } from './load/startLoadGenerator.ts';
import type { ServerHost } from './load/startServerHost.ts';
import { crewPositions } from './load/crewPositions.ts';
import type { RunSummary } from './load/loadProtocol.ts';
import { metricSum, readMetrics } from './load/serverMetrics.ts';
import { withoutOkKeys } from './load/withoutOkKeys.ts';

export interface BurstUnderPositionsOptions {
  /** Incidents per second from the call-takers, for `durationSeconds`. */
  incidentsPerSecond: number;
  durationSeconds: number;
  callTakers: number;
  /** Crews' devices, each signed on to a unit of its own, and the fixes per second they send in all. */
  crews: number;
  fixesPerSecond: number;
  /** Board consoles watching (they receive every incident and the coalesced position frames). */
  consoles: number;
}

export interface BurstUnderPositionsResult {
  options: BurstUnderPositionsOptions;
  incidents: Omit<RunSummary, 'okKeys'>;
  /** Incidents acknowledged ok that are in the store afterwards (none lost). */
  incidentsStored: number;
  incidentsAcknowledged: number;
  positions: Omit<RunSummary, 'okKeys'>;
  /** From the server's /metrics over the run. */
  positionsReceived: number;
  positionsShed: number;
  positionsCoalesced: number;
  server: { peakRssMiB: number; eventLoopDelayP99Ms: number; eventLoopDelayMaxMs: number; cpuMs: number };
  /** CPU over the burst, ms of one core: Redis, and the load generators (call-takers, crews and consoles). */
  redisCpuMs: number;
  generatorCpuMs: number;
  /** Wall time of the burst and the share of the whole machine's CPU that was busy over it (null off Linux). */
  wallMs: number;
  machineBusyShare: number | null;
}

/**
 * City load: Johannesburg's emergency fleet is a few hundred vehicles; 400 reporting every second is 400 fixes/s, so
 * five times city load is 2,000 fixes/s (the rate at which the outside trial saw incident creation stall).
 */
export const BURST_QUICK: BurstUnderPositionsOptions = { incidentsPerSecond: 50, durationSeconds: 8, callTakers: 5, crews: 100, fixesPerSecond: 1_000, consoles: 5 };
export const BURST_FULL: BurstUnderPositionsOptions = { incidentsPerSecond: 50, durationSeconds: 60, callTakers: 5, crews: 400, fixesPerSecond: 2_000, consoles: 5 };

/**
 * [Bench: incidents first, OPS12] Call-takers create incidents at `incidentsPerSecond` for `durationSeconds` while
 * crews' devices send position fixes at five times city load, all from real socket.io-client connections in a
 * load-generator process, against a server in its own process: every incident acknowledged must be stored, and
 * the incidents' acknowledgements stay quick; fixes are shed (counted) when the instance is busy, never commands.
 */
export async function benchBurstUnderPositions(options: BurstUnderPositionsOptions, log: (line: string) => void = () => undefined): Promise<BurstUnderPositionsResult> {
  // `BURST_PROFILE=1`: the server is CPU-profiled, for a look at where the time goes.
  const profileDir = cpuProfileDirIf(process.env.BURST_PROFILE === '1', 'burst');
  const result = await withBenchProcesses({ syntheticUnits: options.crews, ...(profileDir ? { cpuProfileDir: profileDir } : {}) }, async ({ redisPort, host, load }) => {
    // The call-takers have a process of their own, so that sending 2,000 fixes a second does not delay their timers.
    const callTakers = startLoadGenerator();
    try {
      return await burstWith(options, redisPort, host, load, callTakers, log);
    } finally {
      await callTakers.stop();
    }
  });
  if (profileDir) log(`  server CPU profile: ${JSON.stringify(summarizeCpuProfile(profileDir))}`);
  return result;
}

async function burstWith(options: BurstUnderPositionsOptions, redisPort: number, host: ServerHost, load: LoadGenerator, callTakers: LoadGenerator, log: (line: string) => void): Promise<BurstUnderPositionsResult> {
  const sessions = await host.call('sessions', { crewUnitIds: host.ready.syntheticUnitIds, dispatchers: options.consoles, callTakers: options.callTakers });
  await callTakers.call('connect', { group: 'callTakers', url: host.ready.url, sockets: sessions.callTakers, concurrency: 10, timeoutMs: 60_000 });
  await load.call('connect', { group: 'crews', url: host.ready.url, sockets: sessions.crews, concurrency: 20, timeoutMs: 60_000 });
  await load.call('connect', { group: 'consoles', url: host.ready.url, sockets: sessions.dispatchers, concurrency: 10, timeoutMs: 60_000 });
  const points = await host.call('metroPoints', { count: options.incidentsPerSecond * options.durationSeconds, seed: 71_003 });
  const before = await readMetrics(host.ready.url);
  const redis = new Redis({ port: redisPort, host: '127.0.0.1' });
  const redisCpuBefore = await redisCpuMs(redis);
  const machineBefore = machineCpu();
  const startedAt = performance.now();
  await host.call('probe', { reset: true });
  const [incidentRun, positionRun] = await Promise.all([
    callTakers.call('run', {
      group: 'callTakers',
      plan: { kind: 'incident', type: 'medical_emergency', points },
      pace: { kind: 'rate', ratePerSecond: options.incidentsPerSecond },
      durationSeconds: options.durationSeconds,
      drainMs: 20_000,
      maxInFlightPerSocket: 32,
      collectOk: true,
    }),
    load.call('run', crewPositions(options.fixesPerSecond, options.durationSeconds, 20_000)),
  ]);
  const probe = await host.call('probe', { reset: false });
  const machineBusy = busyShare(machineBefore, machineCpu());
  const wallMs = performance.now() - startedAt;
  const after = await readMetrics(host.ready.url);
  const delta = (name: string): number => metricSum(after, name) - metricSum(before, name);
  let stored = 0;
  let redisCpu = 0;
  try {
    redisCpu = (await redisCpuMs(redis)) - redisCpuBefore;
    const keys = redisKeys('jhb');
    const pipeline = redis.pipeline();
    for (const id of incidentRun.okKeys) pipeline.exists(keys.incident(id));
    stored = ((await pipeline.exec()) ?? []).filter(([error, exists]) => error === null && exists === 1).length;
  } finally {
    redis.disconnect();
  }
  const incidents = withoutOkKeys(incidentRun);
  const positions = withoutOkKeys(positionRun);
  log(
    `  incidents: ${incidentRun.okKeys.length} ok of ${incidents.sent} sent, ${stored} stored; ack p50 ${incidents.ack.p50.toFixed(1)} p99 ${incidents.ack.p99.toFixed(1)} max ${incidents.ack.max.toFixed(1)} ms; ` +
      `positions: ${JSON.stringify(positions.outcomes)}, ack p99 ${positions.ack.p99.toFixed(1)} ms, shed ${delta('cad_positions_shed_total')}, coalesced ${delta('cad_positions_coalesced_total')}; server loop p99 ${probe.eventLoopDelayP99Ms.toFixed(1)} ms, peak RSS ${probe.peakRssMiB.toFixed(0)} MiB`,
  );
  return {
    options,
    incidents,
    incidentsStored: stored,
    incidentsAcknowledged: incidentRun.okKeys.length,
    positions,
    positionsReceived: delta('cad_positions_received_total'),
    positionsShed: delta('cad_positions_shed_total'),
    positionsCoalesced: delta('cad_positions_coalesced_total'),
    server: { peakRssMiB: probe.peakRssMiB, eventLoopDelayP99Ms: probe.eventLoopDelayP99Ms, eventLoopDelayMaxMs: probe.eventLoopDelayMaxMs, cpuMs: probe.cpuMs },
    redisCpuMs: redisCpu,
    generatorCpuMs: incidents.generatorCpuMs + positions.generatorCpuMs,
    wallMs,
    machineBusyShare: machineBusy,
  };
}
