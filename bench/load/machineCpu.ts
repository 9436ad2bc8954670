import { readFileSync } from 'node:fs';

/** The machine's CPU time so far, all cores, from /proc/stat's first line (in clock ticks); null off Linux. */
export interface MachineCpu {
  busy: number;
  /** Time the hypervisor gave this machine's CPUs to others while they had work (counted in `busy`). */
  steal: number;
  total: number;
}

export function machineCpu(): MachineCpu | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: idle and iowait are the time no process wanted a CPU.
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    const total = ticks.slice(0, 8).reduce((sum, tick) => sum + tick, 0);
    return { busy: total - idle, steal: ticks[7] ?? 0, total };
  } catch {
    return null;
  }
}

/** The share of the machine's CPU that was busy between two readings (0–1), or null when either is missing. */
export function busyShare(before: MachineCpu | null, after: MachineCpu | null): number | null {
  if (!before || !after || after.total <= before.total) return null;
  return (after.busy - before.busy) / (after.total - before.total);
}

/** The share of the machine's CPU taken by the hypervisor (steal) between two readings (0–1), or null when either is missing. */
export function stealShare(before: MachineCpu | null, after: MachineCpu | null): number | null {
  if (!before || !after || after.total <= before.total) return null;
  return (after.steal - before.steal) / (after.total - before.total);
}
