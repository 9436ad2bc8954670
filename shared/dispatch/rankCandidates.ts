import type { LngLat } from '../geo/position.ts';
import type { UnitKind } from '../units/unitKinds.ts';
import type { Candidate, PassedOver, RankingMethod } from './dispatchSchema.ts';

/** An available unit found near an incident, before ranking. */
export interface NearbyUnit {
  unitId: Candidate['unitId'];
  callSign: string;
  kind: UnitKind;
  position: LngLat;
  distanceMeters: number;
  fixAt: number;
}

export interface RankingOptions {
  now: number;
  /** A fix older than this is too old to trust for a recommendation. */
  stalePositionSeconds: number;
  /** Road distance is longer than the straight line; this factor estimates it. */
  detourFactor: number;
  /** Average emergency speed used for the straight-line estimate. */
  speedMetersPerSecond: number;
}

export const DEFAULT_RANKING: Omit<RankingOptions, 'now'> = {
  stalePositionSeconds: 600,
  detourFactor: 1.35,
  speedMetersPerSecond: 50 / 3.6,
};

export interface Ranking {
  method: RankingMethod;
  candidates: Candidate[];
  passedOver: PassedOver[];
}

/**
 * [DS1] Ranks available units for one kind by estimated time to the scene (straight-line estimate:
 * distance × detour factor at an average emergency speed). A stale position is passed over, not ranked.
 * This is the one function the road-network ranking replaces.
 */
export function rankCandidates(nearby: readonly NearbyUnit[], options: RankingOptions): Ranking {
  const candidates: Candidate[] = [];
  const passedOver: PassedOver[] = [];
  for (const unit of nearby) {
    const positionAgeSeconds = Math.max(0, Math.round((options.now - unit.fixAt) / 1000));
    if (positionAgeSeconds > options.stalePositionSeconds) {
      passedOver.push({
        unitId: unit.unitId, callSign: unit.callSign, kind: unit.kind, status: 'available',
        distanceMeters: Math.round(unit.distanceMeters), reason: 'stale_position',
        detail: `last position ${formatAge(positionAgeSeconds)} old`,
      });
      continue;
    }
    const etaSeconds = Math.round((unit.distanceMeters * options.detourFactor) / options.speedMetersPerSecond);
    candidates.push({
      unitId: unit.unitId, callSign: unit.callSign, kind: unit.kind, position: unit.position,
      distanceMeters: Math.round(unit.distanceMeters), etaSeconds, positionAgeSeconds,
      reason: `available, ${(unit.distanceMeters / 1000).toFixed(1)} km away, ~${formatAge(etaSeconds)} (straight-line estimate), fix ${formatAge(positionAgeSeconds)} old`,
    });
  }
  // Tie-break on call sign so every console shows the same order for equal ETAs.
  candidates.sort((a, b) => a.etaSeconds - b.etaSeconds || a.callSign.localeCompare(b.callSign));
  return { method: 'straight_line', candidates, passedOver };
}

/** "45 s", "3 min", "2 h 5 min". */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
