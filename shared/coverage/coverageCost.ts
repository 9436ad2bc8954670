import { z } from 'zod';
import { CoverageGroupSchema } from './coverageTargets.ts';

/** A ward as coverage names it: its number and the name a dispatcher reads. */
export const CoverageWardSchema = z.object({ ward: z.number().int().positive(), name: z.string() });
export type CoverageWardRef = z.infer<typeof CoverageWardSchema>;

/**
 * [CV4] What sending a unit costs the city's coverage: the wards it alone keeps within target (it is their nearest
 * of its group, within target, and the next nearest is not), which would fall outside target without it.
 */
export const CoverageCostSchema = z.object({
  group: CoverageGroupSchema,
  targetSeconds: z.number().int().positive(),
  wards: z.array(CoverageWardSchema),
  count: z.number().int().nonnegative(),
});
export type CoverageCost = z.infer<typeof CoverageCostSchema>;
