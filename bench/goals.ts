import type { BroadcastResult } from './incidentBroadcast.bench.ts';
import type { NearestResult } from './nearestAvailable.bench.ts';

/** The goals the product's issue sets, as stated there. */
export const GOALS_TEXT = 'nearest < 1 ms p99 and ≥ 100× the Turf scan; incident to all consoles < 100 ms p99';

export interface GoalCheck {
  goal: string;
  measured: string;
  met: boolean;
}

const ms = (value: number): string => `${value.toFixed(3)} ms`;
const times = (value: number): string => `${value.toFixed(1)}×`;

export function checkGoals(nearest: NearestResult, broadcast: BroadcastResult): GoalCheck[] {
  return [
    { goal: 'nearest available unit: p99 < 1 ms', measured: ms(nearest.ours.p99), met: nearest.ours.p99 < 1 },
    { goal: 'nearest available unit: ≥ 100× the Turf scan (p99 / p99)', measured: times(nearest.p99Ratio), met: nearest.p99Ratio >= 100 },
    { goal: 'nearest available unit: ≥ 100× the Turf scan (p50 / p50)', measured: times(nearest.p50Ratio), met: nearest.p50Ratio >= 100 },
    { goal: 'incident create → all consoles: p99 < 100 ms', measured: ms(broadcast.delivery.p99), met: broadcast.delivery.p99 < 100 },
    { goal: 'incident create → all consoles: none lost', measured: `${broadcast.lost} lost`, met: broadcast.lost === 0 },
  ];
}
