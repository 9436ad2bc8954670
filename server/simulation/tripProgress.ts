import type { LngLat } from '../../shared/geo/position.ts';
import { distanceMeters } from '../../shared/geo/distance.ts';

/** A simulated drive: along `path` ([lng, lat] points) over `durationSeconds`, from `startedAt` (epoch ms). */
export interface Trip {
  path: readonly LngLat[];
  startedAt: number;
  durationSeconds: number;
  /** Where the trip ends, for the simulator's next step. */
  purpose: 'to_scene' | 'to_hospital' | 'to_base';
}

/** Cumulative metres at each point of a path. */
function cumulative(path: readonly LngLat[]): number[] {
  const out = [0];
  for (let i = 1; i < path.length; i += 1) {
    const a = path[i - 1];
    const b = path[i];
    out.push((out[i - 1] ?? 0) + (a && b ? distanceMeters(a, b) : 0));
  }
  return out;
}

/**
 * [SI1] Where a vehicle on `trip` is at `now`: the point that far along its path at the trip's
 * average speed (road speeds are in the route's ETA), and whether it has arrived.
 */
export function tripPosition(trip: Trip, now: number): { position: LngLat; hasArrived: boolean } {
  const last = trip.path.at(-1);
  const first = trip.path[0];
  if (!first || !last) throw new Error('a trip without a path');
  const fraction = trip.durationSeconds <= 0 ? 1 : Math.min(1, Math.max(0, (now - trip.startedAt) / 1000 / trip.durationSeconds));
  if (fraction >= 1) return { position: last, hasArrived: true };
  const lengths = cumulative(trip.path);
  const target = fraction * (lengths.at(-1) ?? 0);
  for (let i = 1; i < trip.path.length; i += 1) {
    const end = lengths[i] ?? 0;
    if (end < target) continue;
    const start = lengths[i - 1] ?? 0;
    const a = trip.path[i - 1] ?? first;
    const b = trip.path[i] ?? last;
    const t = end > start ? (target - start) / (end - start) : 0;
    return { position: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], hasArrived: false };
  }
  return { position: last, hasArrived: false };
}
