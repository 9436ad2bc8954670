import type { Coverage, GroupCoverage } from '../../../shared/coverage/coverageSchema.ts';
import { coverageBand, type CoverageBand, type CoverageGroup } from '../../../shared/coverage/coverageTargets.ts';

/** A ward outside a group's target: its nearest unit of the group (none: nulls) and how it stands. */
export interface WardOutside {
  ward: number;
  name: string;
  nearest: GroupCoverage;
  band: Exclude<CoverageBand, 'within'>;
}

/**
 * [CV7] The wards outside a group's target, the worst first: those no unit of the group can reach, then the longest
 * travel, equal times by ward number (so the list does not reshuffle between pushes that change nothing there).
 */
export function wardsOutsideTarget(coverage: Coverage, group: CoverageGroup): WardOutside[] {
  const outside: WardOutside[] = [];
  for (const ward of coverage.wards) {
    const nearest = ward[group];
    // The server's flag and the band agree (both measure against the same target); the band says how far outside.
    const band = coverageBand(nearest.travelSeconds, group);
    if (nearest.isWithinTarget || band === 'within') continue;
    outside.push({ ward: ward.ward, name: ward.name, nearest, band });
  }
  const worst = (seconds: number | null): number => seconds ?? Number.POSITIVE_INFINITY;
  return outside.sort((a, b) => worst(b.nearest.travelSeconds) - worst(a.nearest.travelSeconds) || a.ward - b.ward);
}
