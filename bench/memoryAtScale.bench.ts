import { crewPositions } from './load/crewPositions.ts';
import { withBenchProcesses } from './load/benchProcesses.ts';
import { withoutOkKeys } from './load/withoutOkKeys.ts';
import type { ConnectSummary, ReconnectSummary, RunSummary } from './load/loadProtocol.ts';

export interface MemoryAtScaleOptions {
  /** Synthetic units seeded beside the city's fleet. */
  units: number;
  /** Crew sockets, each signed on to one of the synthetic units, sending its fixes. */
  crews: number;
  /** Fixes per second in all (10,000 units each every 7.5 s: 1,333/s), spread over the crews. */
  fixesPerSecond: number;
  /** Dispatcher consoles (combined desk: every unit, every frame). */
  consoles: number;
  durationSeconds: number;
  /** Consoles dropped and reconnected at once after the run (0: none). */
  reconnectStorm: number;
}

export interface MemoryAtScaleResult {
  options: MemoryAtScaleOptions;
  unitsInStore: number;
  crews: ConnectSummary;
  consoles: ConnectSummary;
  positions: Omit<RunSummary, 'okKeys'>;
  reconnect: ReconnectSummary | null;
  server: {
    /** RSS with the units seeded, before any socket connected. */
    idleRssMiB: number;
    /** Peak RSS from the first connection to the end (sampled every 100 ms in the server's process). */
    peakRssMiB: number;
    endRssMiB: number;
    endHeapUsedMiB: number;
    eventLoopDelayP99Ms: number;
  };
  generatorRssMiB: number;
}

export const MEMORY_AT_SCALE_QUICK: MemoryAtScaleOptions = { units: 2_000, crews: 500, fixesPerSecond: 300, consoles: 50, durationSeconds: 15, reconnectStorm: 50 };
/** 10,000 units reporting every 7.5 s in all (1,333 fixes/s), through 2,000 crew devices: 10,000 sockets in one load process take minutes to open. */
export const MEMORY_AT_SCALE_FULL: MemoryAtScaleOptions = { units: 10_000, crews: 2_000, fixesPerSecond: 1_333, consoles: 200, durationSeconds: 60, reconnectStorm: 200 };

/**
 * [Bench: memory at scale] The server alone in its process with `units` synthetic units, `consoles` dispatcher
 * consoles and `crews` crew devices connected (real socket.io-client connections in a load-generator process),
 * the crews reporting `fixesPerSecond` positions in all for `durationSeconds`, then a reconnect storm of the
 * consoles; the server's peak RSS is sampled in its own process.
 */
export async function benchMemoryAtScale(options: MemoryAtScaleOptions, log: (line: string) => void = () => undefined): Promise<MemoryAtScaleResult> {
  return withBenchProcesses({ syntheticUnits: options.units }, async ({ host, load }) => {
    const sessions = await host.call('sessions', { crewUnitIds: host.ready.syntheticUnitIds.slice(0, options.crews), dispatchers: options.consoles, callTakers: 0 });
    log(`  ${sessions.crews.length} crews signed on, ${sessions.dispatchers.length} console sessions (${Math.round(sessions.elapsedMs)} ms)`);
    const idle = await host.call('probe', { reset: true });
    const crews = await load.call('connect', { group: 'crews', url: host.ready.url, sockets: sessions.crews, concurrency: 50, timeoutMs: 30_000 });
    const consoles = await load.call('connect', { group: 'consoles', url: host.ready.url, sockets: sessions.dispatchers, concurrency: 20, timeoutMs: 30_000 });
    log(`  connected ${crews.connected} crews (snapshot p99 ${crews.snapshotMs.p99.toFixed(0)} ms), ${consoles.connected} consoles (snapshot p50 ${consoles.snapshotMs.p50.toFixed(0)} p99 ${consoles.snapshotMs.p99.toFixed(0)} ms)`);
    const positions = withoutOkKeys(await load.call('run', crewPositions(options.fixesPerSecond, options.durationSeconds, 10_000)));
    log(`  ${positions.answered} fixes answered (${JSON.stringify(positions.outcomes)}), ack p50 ${positions.ack.p50.toFixed(1)} p99 ${positions.ack.p99.toFixed(1)} ms`);
    const reconnect = options.reconnectStorm > 0 ? await load.call('reconnect', { group: 'consoles', count: options.reconnectStorm, timeoutMs: 60_000, resume: false }) : null;
    if (reconnect) log(`  reconnect storm: ${reconnect.reconnected}/${reconnect.dropped} back, snapshot p50 ${reconnect.snapshotMs.p50.toFixed(0)} p99 ${reconnect.snapshotMs.p99.toFixed(0)} ms, all in ${Math.round(reconnect.elapsedMs)} ms`);
    const end = await host.call('probe', { reset: false });
    const usage = await load.call('usage', {});
    return {
      options,
      unitsInStore: host.ready.unitsInStore,
      crews,
      consoles,
      positions,
      reconnect,
      server: { idleRssMiB: idle.rssMiB, peakRssMiB: end.peakRssMiB, endRssMiB: end.rssMiB, endHeapUsedMiB: end.heapUsedMiB, eventLoopDelayP99Ms: end.eventLoopDelayP99Ms },
      generatorRssMiB: usage.rssMiB,
    };
  });
}
