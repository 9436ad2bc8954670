import { percentile, summarize, type Summary } from '../stats.ts';

/** `Summary` with the 95th percentile, for the goals stated at p95. */
export interface SummaryP95 extends Summary {
  p95: number;
}

/** p50, p95, p99, max and mean of `samples` (nearest rank, as `summarize`). */
export function summarizeP95(samples: readonly number[]): SummaryP95 {
  const sorted = [...samples].sort((a, b) => a - b);
  return { ...summarize(sorted), p95: percentile(sorted, 95) };
}
