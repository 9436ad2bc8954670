import type { CoverageCost } from '../../../shared/coverage/coverageCost.ts';
import type { GroupCoverage } from '../../../shared/coverage/coverageSchema.ts';
import { COVERAGE_GROUP_LABELS, COVERAGE_NEAR_SHARE, COVERAGE_TARGET_SECONDS, type CoverageBand, type CoverageGroup } from '../../../shared/coverage/coverageTargets.ts';
import { formatEta } from '../dispatch/pickAssignment.ts';

/** [CV2] The legend line of each band for a group: "within 8 min", "8–10 min", "over 10 min or none". */
export function bandLabel(band: CoverageBand, group: CoverageGroup): string {
  const target = COVERAGE_TARGET_SECONDS[group];
  const near = target * COVERAGE_NEAR_SHARE;
  if (band === 'within') return `within ${formatEta(target)}`;
  if (band === 'near') return `${formatEta(target).replace(' min', '')}–${formatEta(near)}`;
  return `over ${formatEta(near)} or none`;
}

/** [CV4] "leaves 3 wards > 4 min" beside a candidate's ETA; null when sending it leaves no ward outside target. */
export function coverageCostLine(cost: CoverageCost | undefined): string | null {
  if (!cost || cost.count === 0) return null;
  return `leaves ${cost.count} ward${cost.count === 1 ? '' : 's'} > ${formatEta(cost.targetSeconds)}`;
}

/** The names behind the line, for its title: which wards, and of what. */
export function coverageCostTitle(cost: CoverageCost): string {
  return `Without it, no ${COVERAGE_GROUP_LABELS[cost.group].toLowerCase()} within ${formatEta(cost.targetSeconds)} of: ${cost.wards.map((w) => w.name).join(', ')}`;
}

/** A ward's nearest unit of a group, as the map's hover line reads it: "ENG-D02 3 min", or "none available". */
export function nearestLine(coverage: GroupCoverage): string {
  return coverage.callSign !== null && coverage.travelSeconds !== null ? `${coverage.callSign} ${formatEta(coverage.travelSeconds)}` : 'none available';
}

/**
 * [CV7] A travel time in minutes with one decimal, rounded up: 481 s reads "8.1 min", so a ward just outside an
 * 8-minute target never reads as on it. "—" when no unit can reach the ward.
 */
export function formatTravelMinutes(seconds: number | null): string {
  if (seconds === null) return '—';
  return `${(Math.ceil(seconds / 6 - 1e-9) / 10).toFixed(1)} min`;
}
