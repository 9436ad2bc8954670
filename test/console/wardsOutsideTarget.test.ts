import { describe, expect, it } from 'vitest';
import { wardsOutsideTarget } from '../../dispatch-console/src/coverage/wardsOutsideTarget.ts';
import type { Coverage, GroupCoverage } from '../../shared/coverage/coverageSchema.ts';
import { UnitIdSchema } from '../../shared/units/unitSchema.ts';

function reach(callSign: string | null, travelSeconds: number | null, target: number): GroupCoverage {
  return {
    unitId: callSign === null ? null : UnitIdSchema.parse(callSign.toLowerCase()),
    callSign,
    travelSeconds,
    isWithinTarget: travelSeconds !== null && travelSeconds <= target,
  };
}

/** Wards with their nearest ambulance and engine: [ward, ambulance seconds, engine seconds]; null: none available. */
function coverageOf(rows: readonly [number, number | null, number | null][]): Coverage {
  const wards = rows.map(([ward, ambulance, engine]) => ({
    ward,
    name: `Ward ${ward}`,
    ambulance: reach(ambulance === null ? null : `ALS-${ward}`, ambulance, 480),
    engine: reach(engine === null ? null : `ENG-${ward}`, engine, 240),
  }));
  return {
    computedAt: 1,
    method: 'straight_line',
    targets: { ambulance: 480, engine: 240 },
    wards,
    outsideTarget: { ambulance: wards.filter((w) => !w.ambulance.isWithinTarget).length, engine: wards.filter((w) => !w.engine.isWithinTarget).length },
  };
}

describe('[CV7] the wards outside target on the supervisor\'s figures', () => {
  const coverage = coverageOf([
    [1, 300, 200],
    [2, 540, 260],
    [3, null, 600],
    [4, 700, 240],
    [5, 481, null],
    [6, 700, 100],
  ]);

  it('lists the wards outside the group\'s target, those no unit reaches first, then the longest travel, ties by ward', () => {
    expect(wardsOutsideTarget(coverage, 'ambulance').map((w) => [w.ward, w.nearest.callSign, w.band])).toEqual([
      [3, null, 'outside'],
      [4, 'ALS-4', 'outside'],
      [6, 'ALS-6', 'outside'],
      [2, 'ALS-2', 'near'],
      [5, 'ALS-5', 'near'],
    ]);
    // 240 s is on the engine's target: within it, not listed.
    expect(wardsOutsideTarget(coverage, 'engine').map((w) => [w.ward, w.band])).toEqual([
      [5, 'outside'],
      [3, 'outside'],
      [2, 'near'],
    ]);
  });

  it('lists as many wards as the server counts outside target', () => {
    expect(wardsOutsideTarget(coverage, 'ambulance')).toHaveLength(coverage.outsideTarget.ambulance);
    expect(wardsOutsideTarget(coverage, 'engine')).toHaveLength(coverage.outsideTarget.engine);
    expect(wardsOutsideTarget(coverageOf([[1, 100, 100]]), 'engine')).toEqual([]);
  });
});
