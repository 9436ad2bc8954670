import { z } from 'zod';
import type { UnitKind } from '../units/unitKinds.ts';

/** [CV1] What coverage is measured for: the nearest available ambulance, and the nearest available engine. */
export const COVERAGE_GROUPS = ['ambulance', 'engine'] as const;
export const CoverageGroupSchema = z.enum(COVERAGE_GROUPS);
export type CoverageGroup = z.infer<typeof CoverageGroupSchema>;

/**
 * [CV1] The unit kinds each group counts. Any ambulance counts for ambulance coverage: a BLS crew on scene first
 * still starts care, and the board ranks ALS and BLS apart anyway.
 */
export const COVERAGE_GROUP_KINDS: Record<CoverageGroup, readonly UnitKind[]> = {
  ambulance: ['als', 'bls'],
  engine: ['fire_engine'],
};

/**
 * [CV1] Target travel times, seconds: NFPA 1710 (2020) §4.1.2.1, an ALS unit within 480 s of travel and the first
 * engine within 240 s. The same figures the supervisor's response-time report measures against.
 */
export const COVERAGE_TARGET_SECONDS: Record<CoverageGroup, number> = {
  ambulance: 480,
  engine: 240,
};

/** [CV2] A ward is "near" target (amber) when outside it by at most this share: 8–10 min for an ambulance, 4–5 for an engine. */
export const COVERAGE_NEAR_SHARE = 1.25;

export const COVERAGE_GROUP_LABELS: Record<CoverageGroup, string> = {
  ambulance: 'Ambulance',
  engine: 'Engine',
};

/** The coverage group of a unit kind, or null for kinds coverage does not count (rescue, police, …). */
export function coverageGroupOf(kind: UnitKind): CoverageGroup | null {
  return COVERAGE_GROUPS.find((group) => COVERAGE_GROUP_KINDS[group].includes(kind)) ?? null;
}

/** [CV2] How a ward stands: within target, near it (amber), or outside it or with no unit at all. */
export type CoverageBand = 'within' | 'near' | 'outside';

export function coverageBand(travelSeconds: number | null, group: CoverageGroup): CoverageBand {
  if (travelSeconds === null) return 'outside';
  const target = COVERAGE_TARGET_SECONDS[group];
  if (travelSeconds <= target) return 'within';
  return travelSeconds <= target * COVERAGE_NEAR_SHARE ? 'near' : 'outside';
}
