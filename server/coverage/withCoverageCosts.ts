import type { KindRecommendation } from '../../shared/dispatch/dispatchSchema.ts';
import { coverageGroupOf } from '../../shared/coverage/coverageTargets.ts';
import type { CadContext } from '../app/cadContext.ts';
import { coverageCostOf } from './computeCoverage.ts';

/**
 * [CV4] Each ambulance and engine candidate, and divert candidate, with its coverage cost. A divert candidate is
 * committed already, so it covers no ward now and its cost is always none: diverting it leaves coverage as it is.
 */
export async function withCoverageCosts(ctx: CadContext, byKind: readonly KindRecommendation[]): Promise<KindRecommendation[]> {
  if (!byKind.some((kind) => coverageGroupOf(kind.kind) !== null)) return [...byKind];
  const { index } = await ctx.coverage.recent();
  return byKind.map((kind) => {
    const group = coverageGroupOf(kind.kind);
    if (group === null) return kind;
    return {
      ...kind,
      candidates: kind.candidates.map((candidate) => ({ ...candidate, coverageCost: coverageCostOf(index, candidate.unitId, group) })),
      divertCandidates: kind.divertCandidates.map((candidate) => ({ ...candidate, coverageCost: coverageCostOf(index, candidate.unitId, group) })),
    };
  });
}
