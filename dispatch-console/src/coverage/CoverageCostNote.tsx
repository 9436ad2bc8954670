import type { CoverageCost } from '../../../shared/coverage/coverageCost.ts';
import { coverageCostLine, coverageCostTitle } from './coverageWords.ts';
import './coverage.css';

/** [CV4] Beside a candidate's ETA: the wards sending it would leave outside target, named in its title. Nothing when none. */
export function CoverageCostNote({ cost, callSign }: { cost: CoverageCost | undefined; callSign: string }) {
  const line = coverageCostLine(cost);
  if (!cost || line === null) return null;
  return (
    <span className="coverage-cost" data-testid={`coverage-cost-${callSign}`} data-count={cost.count} title={coverageCostTitle(cost)}>
      {line}
    </span>
  );
}
