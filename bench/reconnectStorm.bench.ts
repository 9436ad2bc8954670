import { withBenchProcesses } from './load/benchProcesses.ts';
import { cpuProfileDirIf, summarizeCpuProfile } from './load/cpuProfileSummary.ts';
import { startLoadGenerator, type LoadGenerator } from './load/startLoadGenerator.ts';
import type { ServerHost } from './load/startServerHost.ts';
import type { ConnectSummary, ReconnectSummary, RunSummary } from './load/loadProtocol.ts';
import { withoutOkKeys } from './load/withoutOkKeys.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { redisStallsText, watchRedisStalls, type RedisStalls } from './load/redisStalls.ts';

export interface ReconnectStormOptions {
  /** Open incidents on the board when the storm comes. */
  openIncidents: number;
  /** Crews' devices (one per unit, each signed on to it). */
  crews: number;
  /** Board consoles (dispatchers, combined desk). */
  consoles: number;
  /** Call-takers whose `incident:create` commands are timed through the storm, and their rate in all. */
  callTakers: number;
  probeRatePerSecond: number;
  /** How long the timed commands run; the storm starts `stormAfterMs` into it. */
  probeSeconds: number;
  stormAfterMs: number;
}

/** One storm: the sockets' way back, the commands timed through it, and the server's figures over it. */
export interface StormRun {
  /** [RT6] Whether the sockets said the version they held (a network blip) or asked for snapshots (consoles reloaded). */
  isResume: boolean;
  openIncidentsAtStorm: number;
  storm: { crews: ReconnectSummary; consoles: ReconnectSummary };
  /** The call-takers' commands, sent through the storm. */
  commands: Omit<RunSummary, 'okKeys'>;
  server: { peakRssMiB: number; eventLoopDelayP99Ms: number; eventLoopDelayMaxMs: number; cpuMs: number };
  /** What Redis's own latency monitor saw over the storm. */
  redis: RedisStalls;
}

export interface ReconnectStormResult {
  options: ReconnectStormOptions;
  incidentsCreated: number;
  connected: { crews: ConnectSummary; consoles: ConnectSummary };
  /** After a network blip: every socket reconnects holding its state and is sent what changed since (RT6). */
  blip: StormRun;
  /** Then every socket at once without its state (every console reloaded): each is sent its whole snapshot. */
  reload: StormRun;
}

export const RECONNECT_STORM_QUICK: ReconnectStormOptions = { openIncidents: 300, crews: 60, consoles: 10, callTakers: 2, probeRatePerSecond: 20, probeSeconds: 8, stormAfterMs: 2_000 };
export const RECONNECT_STORM_FULL: ReconnectStormOptions = { openIncidents: 2_000, crews: 200, consoles: 50, callTakers: 4, probeRatePerSecond: 20, probeSeconds: 20, stormAfterMs: 4_000 };


/**
 * [Bench: reconnect storm, OPS12, RT6] With `openIncidents` open on the board, every crew's device and `consoles`
 * board consoles drop and reconnect at once, while call-takers keep creating incidents; how long each of their
 * commands waited, and how long each reconnecting socket took to its state. Twice: after a network blip (each socket
 * holds its state and says its version, as the console does), then as if every console had been reloaded (each asks
 * for its whole snapshot). The server runs in a process of its own, the sockets (real socket.io-client connections)
 * in a load-generator process.
 */
export async function benchReconnectStorm(options: ReconnectStormOptions, log: (line: string) => void = () => undefined): Promise<ReconnectStormResult> {
  // `STORM_PROFILE=1`: the server is CPU-profiled through the storms, for a look at what holds a command up.
  const profileDir = cpuProfileDirIf(process.env.STORM_PROFILE === '1', 'storm');
  const result = await withBenchProcesses({ syntheticUnits: options.crews, ...(profileDir ? { cpuProfileDir: profileDir } : {}) }, async ({ redisPort, host, load }) => {
    // The call-takers whose commands are timed have a process of their own: the storm's sockets parse 50 whole boards
    // at once, which would hold up a timer in their process and be counted as the server's delay.
    const callTakers = startLoadGenerator();
    const redis = new Redis({ port: redisPort, host: '127.0.0.1' });
    try {
      return await stormWith(options, { host, load, callTakers, redis }, log);
    } finally {
      redis.disconnect();
      await callTakers.stop();
    }
  });
  // The folder too: a long turn of the event loop is found in the profile itself, not in the summary.
  if (profileDir) log(`  server CPU profile in ${profileDir}: ${JSON.stringify(summarizeCpuProfile(profileDir))}`);
  return result;
}

/** The processes a storm drives, and a connection to their Redis for its latency monitor. */
interface StormProcesses {
  host: ServerHost;
  load: LoadGenerator;
  callTakers: LoadGenerator;
  redis: Redis;
}

/** Redis's own stalls over this are recorded (its latency monitor's threshold). */
const REDIS_STALL_MS = 10;

async function stormWith(options: ReconnectStormOptions, processes: StormProcesses, log: (line: string) => void): Promise<ReconnectStormResult> {
  const { host, load, callTakers } = processes;
  const sessions = await host.call('sessions', { crewUnitIds: host.ready.syntheticUnitIds, dispatchers: options.consoles, callTakers: options.callTakers });
  await callTakers.call('connect', { group: 'callTakers', url: host.ready.url, sockets: sessions.callTakers, concurrency: 10, timeoutMs: 60_000 });
  const points = await host.call('metroPoints', { count: options.openIncidents, seed: 61_027 });
  const createRate = 200;
  const created = await callTakers.call('run', {
    group: 'callTakers',
    plan: { kind: 'incident', type: 'medical_emergency', points },
    pace: { kind: 'rate', ratePerSecond: createRate },
    durationSeconds: options.openIncidents / createRate,
    drainMs: 20_000,
    maxInFlightPerSocket: 32,
    collectOk: true,
  });
  log(`  ${created.okKeys.length} incidents created (${JSON.stringify(created.outcomes)})`);
  const crews = await load.call('connect', { group: 'crews', url: host.ready.url, sockets: sessions.crews, concurrency: 20, timeoutMs: 60_000 });
  const consoles = await load.call('connect', { group: 'consoles', url: host.ready.url, sockets: sessions.dispatchers, concurrency: 10, timeoutMs: 60_000 });
  log(`  connected ${crews.connected} crews (snapshot p50 ${crews.snapshotMs.p50.toFixed(1)} ms), ${consoles.connected} consoles (snapshot p50 ${consoles.snapshotMs.p50.toFixed(1)} ms)`);
  const blip = await stormOnce(options, true, created.okKeys.length, processes, log);
  const reload = await stormOnce(options, false, created.okKeys.length + (blip.commands.outcomes.ok ?? 0), processes, log);
  return { options, incidentsCreated: created.okKeys.length, connected: { crews, consoles }, blip, reload };
}

/** One storm: the call-takers' timed commands, and `stormAfterMs` into them every crew and console reconnecting at once. */
async function stormOnce(options: ReconnectStormOptions, isResume: boolean, openIncidentsAtStorm: number, processes: StormProcesses, log: (line: string) => void): Promise<StormRun> {
  const { host, load, callTakers } = processes;
  await host.call('probe', { reset: true });
  const redisStalls = await watchRedisStalls(processes.redis, REDIS_STALL_MS);
  const probePoints = await host.call('metroPoints', { count: options.probeRatePerSecond * options.probeSeconds, seed: isResume ? 61_028 : 61_029 });
  const commands = callTakers.call('run', {
    group: 'callTakers',
    plan: { kind: 'incident', type: 'medical_emergency', points: probePoints },
    pace: { kind: 'rate', ratePerSecond: options.probeRatePerSecond },
    durationSeconds: options.probeSeconds,
    drainMs: 20_000,
    maxInFlightPerSocket: 32,
    collectOk: false,
  });
  await sleep(options.stormAfterMs);
  const [crewStorm, consoleStorm] = await Promise.all([
    load.call('reconnect', { group: 'crews', count: options.crews, timeoutMs: 120_000, resume: isResume }),
    load.call('reconnect', { group: 'consoles', count: options.consoles, timeoutMs: 120_000, resume: isResume }),
  ]);
  const commandRun = withoutOkKeys(await commands);
  const probe = await host.call('probe', { reset: false });
  const redis = await redisStalls();
  log(
    `  storm (${isResume ? 'network blip: resuming' : 'reloaded: whole snapshots'}; ${crewStorm.saidVersion + consoleStorm.saidVersion} said their version): crews p50 ${crewStorm.snapshotMs.p50.toFixed(1)} max ${crewStorm.snapshotMs.max.toFixed(0)} ms, consoles p50 ${consoleStorm.snapshotMs.p50.toFixed(1)} max ${consoleStorm.snapshotMs.max.toFixed(0)} ms; ` +
      `commands p50 ${commandRun.ack.p50.toFixed(1)} p99 ${commandRun.ack.p99.toFixed(1)} max ${commandRun.ack.max.toFixed(1)} ms (${JSON.stringify(commandRun.outcomes)}); server loop delay p99 ${probe.eventLoopDelayP99Ms.toFixed(1)} max ${probe.eventLoopDelayMaxMs.toFixed(1)} ms; Redis: ${redisStallsText(redis)}`,
  );
  return {
    isResume,
    openIncidentsAtStorm,
    storm: { crews: crewStorm, consoles: consoleStorm },
    commands: commandRun,
    server: { peakRssMiB: probe.peakRssMiB, eventLoopDelayP99Ms: probe.eventLoopDelayP99Ms, eventLoopDelayMaxMs: probe.eventLoopDelayMaxMs, cpuMs: probe.cpuMs },
    redis,
  };
}
