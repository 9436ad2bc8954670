import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { busyShare, machineCpu } from './machineCpu.ts';

/** How the machine was left for a benchmark: what waited to be written, and how long it took to go quiet. */
export interface Settled {
  /** Dirty and write-back page cache before the `sync`, MiB (null off Linux). */
  dirtyMiB: number | null;
  /** How long the `sync` took, ms. */
  syncMs: number;
  /** Time spent waiting for a quiet machine after the `sync`, ms. */
  waitedMs: number;
  /** The machine's busy share in the last window looked at (0–1), or null off Linux. */
  busyShare: number | null;
  /** Whether the machine went quiet before `maxWaitMs`. */
  isQuiet: boolean;
}

export interface SettleOptions {
  /** The machine counts as quiet when less than this share of its CPU was busy over one window. */
  quietBelow: number;
  windowMs: number;
  maxWaitMs: number;
}

export const SETTLE_DEFAULTS: SettleOptions = { quietBelow: 0.1, windowMs: 1_000, maxWaitMs: 60_000 };

/**
 * Before a benchmark that shares the machine between a server, its Redis and a load generator: this process's garbage
 * is collected, the previous benchmark's writes are flushed to disk (`sync`, so `appendfsync always` does not queue behind them), then the machine is given
 * until its CPU is quiet for one window (the previous benchmark's processes gone, their exit work done), up to a bound.
 * What was found is reported beside the figures, so a run on a machine that never went quiet says so.
 */
export async function settleMachine(options: SettleOptions = SETTLE_DEFAULTS): Promise<Settled> {
  // The runner's own heap (benchmarks 1–8 leave hundreds of MB of garbage in it) is collected now, not in the middle of
  // the next benchmark, where a full collection would take a core from the server for a second.
  fullGarbageCollection();
  const dirtyMiB = dirtyPageCacheMiB();
  const syncStart = performance.now();
  execFileSync('sync');
  const syncMs = performance.now() - syncStart;
  const waitStart = performance.now();
  let share: number | null = null;
  for (;;) {
    const before = machineCpu();
    await new Promise((resolve) => setTimeout(resolve, options.windowMs));
    share = busyShare(before, machineCpu());
    const waitedMs = performance.now() - waitStart;
    if (share === null || share < options.quietBelow) return { dirtyMiB, syncMs, waitedMs, busyShare: share, isQuiet: true };
    if (waitedMs >= options.maxWaitMs) return { dirtyMiB, syncMs, waitedMs, busyShare: share, isQuiet: false };
  }
}

/** A full garbage collection of this process (V8's `gc()`, made available here rather than by a command-line flag). */
function fullGarbageCollection(): void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc === 'function') (gc as () => void)();
}

/** `Dirty` + `Writeback` of /proc/meminfo in MiB, or null when it cannot be read. */
function dirtyPageCacheMiB(): number | null {
  try {
    const text = readFileSync('/proc/meminfo', 'utf8');
    const kib = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return (kib('Dirty') + kib('Writeback')) / 1024;
  } catch {
    return null;
  }
}

/** One line for the docs: how the machine was found before a benchmark. */
export function settledText(settled: Settled): string {
  const dirty = settled.dirtyMiB === null ? '' : `${settled.dirtyMiB.toFixed(0)} MiB of page cache to write, `;
  const busy = settled.busyShare === null ? 'CPU not read' : `${(settled.busyShare * 100).toFixed(0)} % busy`;
  const quiet = settled.isQuiet ? `quiet after ${(settled.waitedMs / 1000).toFixed(1)} s (${busy})` : `**not quiet** after ${(settled.waitedMs / 1000).toFixed(0)} s (${busy})`;
  return `${dirty}\`sync\` ${(settled.syncMs / 1000).toFixed(1)} s, machine ${quiet}`;
}
