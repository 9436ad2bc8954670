import { z } from 'zod';
import { RankingMethodSchema } from '../dispatch/dispatchSchema.ts';
import { UnitIdSchema } from '../units/unitSchema.ts';
import { CoverageWardSchema } from './coverageCost.ts';

/** [CV3] One ward for one group: its nearest available unit and the travel time from it (nulls when none can reach it). */
export const GroupCoverageSchema = z.object({
  unitId: UnitIdSchema.nullable(),
  callSign: z.string().nullable(),
  travelSeconds: z.number().nonnegative().nullable(),
  isWithinTarget: z.boolean(),
});
export type GroupCoverage = z.infer<typeof GroupCoverageSchema>;

export const WardCoverageSchema = CoverageWardSchema.extend({
  ambulance: GroupCoverageSchema,
  engine: GroupCoverageSchema,
});
export type WardCoverage = z.infer<typeof WardCoverageSchema>;

const PerGroupSchema = z.object({ ambulance: z.number().int().nonnegative(), engine: z.number().int().nonnegative() });

/** [CV3] The city's coverage as it stands: every ward, the targets it is measured against, and how it was timed. */
export const CoverageSchema = z.object({
  computedAt: z.number().int(),
  /** Drive times on the road network, or straight-line estimates (the same as the recommendation's). */
  method: RankingMethodSchema,
  targets: PerGroupSchema,
  wards: z.array(WardCoverageSchema),
  /** Wards outside target (or with no unit) per group. */
  outsideTarget: PerGroupSchema,
});
export type Coverage = z.infer<typeof CoverageSchema>;
