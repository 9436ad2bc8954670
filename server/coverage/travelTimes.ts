import type { RankingMethod } from '../../shared/dispatch/dispatchSchema.ts';
import { straightLineEstimate } from '../../shared/dispatch/rankCandidates.ts';
import { distanceMeters } from '../../shared/geo/distance.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import type { Router } from '../routing/router/createRouter.ts';

/** How coverage times a unit's travel to a ward's point. */
export interface TravelTimes {
  method: RankingMethod;
  /** How many units of a group, nearest by straight line, are timed for each ward (Infinity: all of them). */
  shortlist: number;
  /** Travel seconds from each of `from` to `to`, in order; null where there is no route. */
  secondsTo(from: readonly LngLat[], to: LngLat): (number | null)[];
  /** The fewest seconds a unit `meters` away in a straight line can take (for a walk nearest first without a shortlist). */
  lowerBoundSeconds(meters: number): number;
}

/** [CV3] Without a road network: the recommendation's straight-line estimate (distance × 1.35 at 50 km/h) for every unit. */
export function straightLineTravel(): TravelTimes {
  return {
    method: 'straight_line',
    shortlist: Number.POSITIVE_INFINITY,
    secondsTo: (from, to) => from.map((position) => straightLineEstimate(distanceMeters(position, to)).etaSeconds),
    lowerBoundSeconds: (meters) => straightLineEstimate(meters).etaSeconds,
  };
}

/**
 * [CV3] Units of a group timed by road per ward. The nearest by straight line need not be the nearest by road, so a
 * few are routed (as the recommendation routes a wider set); more would cost a CH query each, per ward, per check.
 */
export const ROUTED_SHORTLIST = 6;

/** [CV3] With a road network: drive times on it (one CH query per shortlisted unit), a unit with no route left out. */
export function routedTravel(router: Router): TravelTimes {
  const straight = straightLineTravel();
  return {
    method: 'road_network',
    shortlist: ROUTED_SHORTLIST,
    secondsTo(from, to) {
      const etas = router.etasFrom(from, to);
      // A ward point far from any road is still reached by someone: estimate it rather than leave the ward bare.
      if (etas.length > 0 && etas.every((eta) => !eta.ok && eta.code === 'to_off_network')) return straight.secondsTo(from, to);
      return etas.map((eta) => (eta.ok ? eta.etaSeconds : null));
    },
    // Timed from a shortlist, never walked to a bound; no drive is shorter than nothing.
    lowerBoundSeconds: () => 0,
  };
}
