import type { IncidentFamily } from './catalogueTypes.ts';
import { INCIDENT_TYPES } from './incidentTypes.ts';
import type { IncidentTypeId } from './incidentTypes.ts';

/** [DU1] An open incident further than this from the new call is never a likely duplicate. */
export const DUPLICATE_RADIUS_METERS = 1000;
/** [DU1] An incident created longer ago than this is never a likely duplicate. */
export const DUPLICATE_WINDOW_MINUTES = 120;
/** [DU1] A candidate scoring at least this is offered to the call-taker as a likely duplicate. */
export const DUPLICATE_LIKELY_THRESHOLD = 0.5;

/** Weight of closeness in the place-and-time part of the score. */
export const DUPLICATE_DISTANCE_WEIGHT = 0.6;
/** Weight of recency in the place-and-time part of the score. */
export const DUPLICATE_RECENCY_WEIGHT = 0.4;
/** Type factor of two different types whose families are often one event (e.g. a road accident and an injured person). */
export const DUPLICATE_COMPATIBLE_FAMILY_FACTOR = 0.6;

/**
 * Pairs of different families that callers often report for one event: a crash with injuries
 * (traffic~injury), a crash that catches fire (traffic~fire), a fire with people trapped
 * (fire~rescue), a fire with a gas leak (fire~hazmat), an injury from an assault (injury~violence),
 * a robbery with a shooting (crime~violence), a medical call that is really an injury
 * (medical~injury), and a disaster reported as a flood, storm or fire at one address
 * (disaster~rescue, disaster~fire; floods and storms are `rescue` types).
 */
const COMPATIBLE_FAMILY_PAIRS: readonly (readonly [IncidentFamily, IncidentFamily])[] = [
  ['traffic', 'injury'],
  ['traffic', 'fire'],
  ['fire', 'rescue'],
  ['fire', 'hazmat'],
  ['injury', 'violence'],
  ['crime', 'violence'],
  ['medical', 'injury'],
  ['disaster', 'fire'],
  ['disaster', 'rescue'],
];

/** [DU1] Whether incidents of these two families may be one event: the same family, or a pair above (either order). */
export function areFamiliesCompatible(a: IncidentFamily, b: IncidentFamily): boolean {
  if (a === b) return true;
  return COMPATIBLE_FAMILY_PAIRS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

export interface DuplicateCandidate {
  /** Straight-line distance from the new call's location to the open incident. */
  distanceMeters: number;
  /** Minutes since the open incident was created. */
  ageMinutes: number;
  typeId: IncidentTypeId;
}

export interface DuplicateScore {
  /** In [0, 1]; 1 = same type at the same place at the same moment. */
  score: number;
  isLikely: boolean;
  /** In words, what the score is made of (or why it is 0). */
  reasons: string[];
}

/**
 * [DU1] How likely an open incident (`candidate`) is the same event as the call being captured.
 *
 *   closeness = 1 − distance / DUPLICATE_RADIUS_METERS      (1 on the spot, 0 at the radius)
 *   recency   = 1 − age / DUPLICATE_WINDOW_MINUTES          (1 just now, 0 at the window)
 *   typeFactor = 1 for the same type, 0.6 for a different type of a compatible family, 0 otherwise
 *   score = typeFactor × (0.6 × closeness + 0.4 × recency)
 *
 * Place weighs more than time: the same spot an hour and a half later is still likely one event
 * (0.6 × 1 + 0.4 × 0.25 = 0.7), while a call 900 m away a minute later is not (≈ 0.46).
 * Beyond the radius or the window, or with incompatible families, the score is 0.
 * `isLikely` when score ≥ DUPLICATE_LIKELY_THRESHOLD (0.5); so a compatible-family candidate must be
 * both close and recent to be offered. Pure: the caller measures distance and age.
 */
export function scoreDuplicate(candidate: DuplicateCandidate, intake: { typeId: IncidentTypeId }): DuplicateScore {
  const { distanceMeters, ageMinutes } = candidate;
  if (!Number.isFinite(distanceMeters) || !Number.isFinite(ageMinutes)) {
    return { score: 0, isLikely: false, reasons: ['distance or age unknown'] };
  }
  const distance = Math.max(0, distanceMeters);
  const age = Math.max(0, ageMinutes);
  if (distance > DUPLICATE_RADIUS_METERS) {
    return { score: 0, isLikely: false, reasons: [`${formatDistance(distance)} away, beyond ${formatDistance(DUPLICATE_RADIUS_METERS)}`] };
  }
  if (age > DUPLICATE_WINDOW_MINUTES) {
    return { score: 0, isLikely: false, reasons: [`${formatAge(age)} ago, older than ${formatAge(DUPLICATE_WINDOW_MINUTES)}`] };
  }

  const candidateType = INCIDENT_TYPES[candidate.typeId];
  const intakeType = INCIDENT_TYPES[intake.typeId];
  let typeFactor: number;
  let typeReason: string;
  if (candidate.typeId === intake.typeId) {
    typeFactor = 1;
    typeReason = `same type (${candidateType.label})`;
  } else if (areFamiliesCompatible(candidateType.family, intakeType.family)) {
    typeFactor = DUPLICATE_COMPATIBLE_FAMILY_FACTOR;
    typeReason = `related type (${candidateType.label} / ${intakeType.label})`;
  } else {
    return { score: 0, isLikely: false, reasons: [`unrelated type (${candidateType.label} / ${intakeType.label})`] };
  }

  const closeness = 1 - distance / DUPLICATE_RADIUS_METERS;
  const recency = 1 - age / DUPLICATE_WINDOW_MINUTES;
  const raw = typeFactor * (DUPLICATE_DISTANCE_WEIGHT * closeness + DUPLICATE_RECENCY_WEIGHT * recency);
  const score = Math.min(1, Math.max(0, raw));
  return {
    score,
    isLikely: score >= DUPLICATE_LIKELY_THRESHOLD,
    // Distance and age travel as numbers beside the score; the reason says why the type matches.
    reasons: [typeReason],
  };
}

function formatDistance(meters: number): string {
  return meters >= 1000 ? `${(meters / 1000).toFixed(1)} km` : `${Math.round(meters)} m`;
}

function formatAge(minutes: number): string {
  return minutes >= 120 ? `${(minutes / 60).toFixed(1)} h` : `${Math.round(minutes)} min`;
}
