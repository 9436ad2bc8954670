import type { Candidate, DivertCandidate, Recommendation } from '../../../shared/dispatch/dispatchSchema.ts';
import { MAX_UNITS_PER_ASSIGN } from '../../../shared/dispatch/dispatchSchema.ts';
import type { UnitId } from '../../../shared/units/unitSchema.ts';

/** A candidate with the number key that picks it (1-9), or null past the ninth. */
export interface NumberedCandidate {
  key: number | null;
  candidate: Candidate;
}

/** Candidates in the order the panel lists them (by kind of the plan, best first), numbered 1-9. */
export function numberCandidates(recommendation: Recommendation): NumberedCandidate[] {
  const numbered: NumberedCandidate[] = [];
  for (const kind of recommendation.byKind) {
    for (const candidate of kind.candidates) {
      const n = numbered.length + 1;
      numbered.push({ key: n <= 9 ? n : null, candidate });
    }
  }
  return numbered;
}

/**
 * The default assignment: for every kind still needed, its best candidates up to the number
 * still needed (the top unit when one is needed). A unit is never listed twice.
 */
export function recommendedUnitIds(recommendation: Recommendation): UnitId[] {
  const chosen: UnitId[] = [];
  for (const kind of recommendation.byKind) {
    if (kind.needed <= 0) continue;
    let taken = 0;
    for (const candidate of kind.candidates) {
      if (taken >= kind.needed) break;
      if (chosen.includes(candidate.unitId)) continue;
      chosen.push(candidate.unitId);
      taken += 1;
    }
  }
  return chosen.slice(0, MAX_UNITS_PER_ASSIGN);
}

/** The units Enter assigns: the ones picked with number keys, else the recommended ones. */
export function unitsToAssign(recommendation: Recommendation, picked: readonly UnitId[]): UnitId[] {
  const available = new Set(numberCandidates(recommendation).map((n) => n.candidate.unitId));
  const stillPickable = picked.filter((id) => available.has(id));
  return stillPickable.length > 0 ? stillPickable.slice(0, MAX_UNITS_PER_ASSIGN) : recommendedUnitIds(recommendation);
}

/** Toggles the candidate under number key `key` in the picked list. */
export function togglePick(recommendation: Recommendation, picked: readonly UnitId[], key: number): UnitId[] {
  const entry = numberCandidates(recommendation).find((n) => n.key === key);
  return entry ? togglePickUnit(recommendation, picked, entry.candidate.unitId) : [...picked];
}

/** [DS7] Toggles any candidate, numbered or not (reached with Tab and Space or a click), in the picked list. */
export function togglePickUnit(recommendation: Recommendation, picked: readonly UnitId[], unitId: UnitId): UnitId[] {
  if (!numberCandidates(recommendation).some((n) => n.candidate.unitId === unitId)) return [...picked];
  return picked.includes(unitId) ? picked.filter((p) => p !== unitId) : [...picked, unitId];
}

/** [DV3] The divert offer D takes: the best one of the first kind that has any. */
export function firstDivertCandidate(recommendation: Recommendation): DivertCandidate | null {
  for (const kind of recommendation.byKind) {
    const offer = kind.needed > 0 ? kind.divertCandidates[0] : undefined;
    if (offer) return offer;
  }
  return null;
}

/** Whether any kind of the plan still needs a unit. */
export function isStillNeeded(recommendation: Recommendation): boolean {
  return recommendation.byKind.some((kind) => kind.needed > 0);
}

/** "1.8 km" / "450 m". */
export function formatDistance(meters: number): string {
  return meters >= 1000 ? `${(meters / 1000).toFixed(1)} km` : `${Math.round(meters)} m`;
}

/** "6 min" / "45 s". */
export function formatEta(seconds: number): string {
  return seconds >= 60 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds)} s`;
}

/** "drive 4 min" on the road network; "ETA 4 min" for a straight-line estimate. */
export function formatEtaFor(seconds: number, ranking: Recommendation['ranking']): string {
  return ranking === 'road_network' ? `drive ${formatEta(seconds)}` : `ETA ${formatEta(seconds)}`;
}

/** "12 s ago" / "4 min ago". */
export function formatAge(seconds: number): string {
  return seconds >= 120 ? `${Math.round(seconds / 60)} min ago` : `${Math.round(seconds)} s ago`;
}
