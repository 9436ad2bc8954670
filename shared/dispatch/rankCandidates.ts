import type { LngLat } from '../geo/position.ts';
import type { UnitKind } from '../units/unitKinds.ts';
import type { Candidate, PassedOver, RankingMethod } from './dispatchSchema.ts';

/** An available unit found near an incident, before ranking. */
export interface NearbyUnit {
  unitId: Candidate['unitId'];
  callSign: string;
  kind: UnitKind;
  position: LngLat;
  /** Straight-line distance to the incident. */
  distanceMeters: number;
  fixAt: number;
  /** When the unit was last stood down for not acknowledging, or null. */
  unansweredAt: number | null;
}

/** A drive on the road network from the unit's last position to the incident; null when there is none. */
export interface DriveEstimate {
  etaSeconds: number;
  distanceMeters: number;
}

export interface RankingOptions {
  now: number;
  /** A fix older than this is too old to trust for a recommendation. */
  stalePositionSeconds: number;
  /** [AK3] A unit stood down for not acknowledging is passed over for this long. */
  unansweredHoldSeconds: number;
  /** Road distance is longer than the straight line; this factor estimates it. */
  detourFactor: number;
  /** Average emergency speed used for the straight-line estimate. */
  speedMetersPerSecond: number;
  /**
   * Drive times by unit id from the router. When given, units are ranked by drive time on the
   * road network ([DS5]); a unit with no route is passed over. When absent, straight-line estimates.
   */
  drives?: ReadonlyMap<string, DriveEstimate | null>;
}

export const DEFAULT_RANKING: Omit<RankingOptions, 'now'> = {
  stalePositionSeconds: 600,
  unansweredHoldSeconds: 600,
  detourFactor: 1.35,
  speedMetersPerSecond: 50 / 3.6,
};

/** A fix younger than this is taken as where the unit is. */
const FRESH_FIX_SECONDS = 30;
/** Seconds of ETA added per second of fix age beyond fresh: the unit may have moved since. */
const AGE_PENALTY_PER_SECOND = 0.25;
/** The age penalty never exceeds this. */
const MAX_AGE_PENALTY_SECONDS = 120;

/** [DS6] Uncertainty added to a unit's ETA for the age of its last position fix, seconds. */
export function positionAgePenaltySeconds(positionAgeSeconds: number): number {
  return Math.min(MAX_AGE_PENALTY_SECONDS, Math.max(0, positionAgeSeconds - FRESH_FIX_SECONDS) * AGE_PENALTY_PER_SECOND);
}

export interface Ranking {
  method: RankingMethod;
  candidates: Candidate[];
  passedOver: PassedOver[];
}

/**
 * [DS1][DS5][DS6] Ranks available units of one kind by time to the scene: the routed drive time when
 * the city has a road network, else a straight-line estimate (distance × detour factor at an average
 * emergency speed); plus a penalty for the age of the unit's last fix. A stale position or a unit
 * with no route is passed over, not ranked. This is the one ranking function of the system.
 */
export function rankCandidates(nearby: readonly NearbyUnit[], options: RankingOptions): Ranking {
  const { drives } = options;
  const candidates: Candidate[] = [];
  const passedOver: PassedOver[] = [];
  for (const unit of nearby) {
    const positionAgeSeconds = Math.max(0, Math.round((options.now - unit.fixAt) / 1000));
    const passOver = (reason: PassedOver['reason'], detail: string): void => {
      passedOver.push({ unitId: unit.unitId, callSign: unit.callSign, kind: unit.kind, status: 'available', distanceMeters: Math.round(unit.distanceMeters), reason, detail });
    };
    const unansweredSeconds = unit.unansweredAt === null ? null : Math.round((options.now - unit.unansweredAt) / 1000);
    if (unansweredSeconds !== null && unansweredSeconds < options.unansweredHoldSeconds) {
      passOver('not_acknowledging', `stood down ${formatAge(unansweredSeconds)} ago for not acknowledging; check the crew by radio`);
      continue;
    }
    if (positionAgeSeconds > options.stalePositionSeconds) {
      passOver('stale_position', `last position ${formatAge(positionAgeSeconds)} old`);
      continue;
    }
    const drive = drives ? drives.get(unit.unitId) ?? null : straightLineEstimate(unit.distanceMeters, options);
    if (!drive) {
      passOver('no_route', 'no route on the road network from its position');
      continue;
    }
    const penalty = positionAgePenaltySeconds(positionAgeSeconds);
    const etaSeconds = Math.round(drive.etaSeconds + penalty);
    const how = drives ? `drive ${formatAge(Math.round(drive.etaSeconds))}, ${(drive.distanceMeters / 1000).toFixed(1)} km by road` : `~${formatAge(etaSeconds)}, ${(unit.distanceMeters / 1000).toFixed(1)} km (straight-line estimate)`;
    const aged = penalty > 0 ? `, +${Math.round(penalty)} s for a fix ${formatAge(positionAgeSeconds)} old` : `, fix ${formatAge(positionAgeSeconds)} old`;
    candidates.push({
      unitId: unit.unitId, callSign: unit.callSign, kind: unit.kind, position: unit.position,
      distanceMeters: Math.round(drives ? drive.distanceMeters : unit.distanceMeters), etaSeconds, positionAgeSeconds,
      reason: `available, ${how}${aged}`,
    });
  }
  // Tie-break on call sign so every console shows the same order for equal ETAs.
  candidates.sort((a, b) => a.etaSeconds - b.etaSeconds || a.callSign.localeCompare(b.callSign));
  return { method: drives ? 'road_network' : 'straight_line', candidates, passedOver };
}

/** The straight-line estimate of a drive: distance × detour factor at an average emergency speed. */
export function straightLineEstimate(distanceMeters: number, options: Pick<RankingOptions, 'detourFactor' | 'speedMetersPerSecond'> = DEFAULT_RANKING): DriveEstimate {
  return { etaSeconds: (distanceMeters * options.detourFactor) / options.speedMetersPerSecond, distanceMeters };
}

/** "45 s", "3 min", "2 h 5 min". */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
