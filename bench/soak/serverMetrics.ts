import { readFileSync } from 'node:fs';
import { readMetrics } from '../load/serverMetrics.ts';

/** One reading of the server process during the soak. */
export interface SoakSample {
  /** Minutes since the load started. */
  minute: number;
  /** `process_resident_memory_bytes` from /metrics, MB (10^6 bytes). */
  rssMB: number;
  /** VmRSS of the server's pid from /proc, MB (null off Linux). */
  procRssMB: number | null;
  heapUsedMB: number;
  /** prom-client's `nodejs_eventloop_lag_p99_seconds`: the p99 of the event-loop delays recorded since the previous scrape (its histogram is reset at each), ms. */
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  /** Open incidents on the board at that moment (as the soak's dispatcher counts them). */
  openIncidents: number;
}

/** The value of an unlabelled metric in a Prometheus text exposition. */
export function metricValue(text: string, name: string): number {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
  return match?.[1] === undefined ? Number.NaN : Number(match[1]);
}

function procRssMB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : (Number(kb) * 1024) / 1e6;
  } catch {
    return null;
  }
}

/** Scrapes `/metrics` once (which also resets prom-client's event-loop histogram) and reads /proc. */
export async function sampleServer(url: string, pid: number | undefined, minute: number, openIncidents: number): Promise<SoakSample> {
  const text = await readMetrics(url);
  return {
    minute,
    rssMB: metricValue(text, 'process_resident_memory_bytes') / 1e6,
    procRssMB: procRssMB(pid),
    heapUsedMB: metricValue(text, 'nodejs_heap_size_used_bytes') / 1e6,
    eventLoopP99Ms: metricValue(text, 'nodejs_eventloop_lag_p99_seconds') * 1000,
    eventLoopMaxMs: metricValue(text, 'nodejs_eventloop_lag_max_seconds') * 1000,
    openIncidents,
  };
}

/** Least-squares slope of `y` over `x` (per unit of x); NaN with fewer than two points. */
export function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  return sxx === 0 ? Number.NaN : sxy / sxx;
}
