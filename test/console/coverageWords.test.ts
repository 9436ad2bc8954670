import { describe, expect, it } from 'vitest';
import { bandLabel, coverageCostLine, coverageCostTitle, formatTravelMinutes, nearestLine } from '../../dispatch-console/src/coverage/coverageWords.ts';
import { RecommendationSchema } from '../../shared/dispatch/dispatchSchema.ts';
import { UnitIdSchema } from '../../shared/units/unitSchema.ts';

describe('[CV2][CV4] coverage in words', () => {
  it('[CV2] the legend names each band against the group\'s target', () => {
    const bands = ['within', 'near', 'outside'] as const;
    expect(bands.map((band) => bandLabel(band, 'ambulance'))).toEqual(['within 8 min', '8–10 min', 'over 10 min or none']);
    expect(bands.map((band) => bandLabel(band, 'engine'))).toEqual(['within 4 min', '4–5 min', 'over 5 min or none']);
  });

  it('[CV4] a cost reads "leaves N wards > target" with the ward names in its title; none, or no cost at all, reads nothing', () => {
    const cost = { group: 'engine' as const, targetSeconds: 240, wards: [{ ward: 58, name: 'Ward 58' }, { ward: 59, name: 'Ward 59' }], count: 2 };
    expect(coverageCostLine(cost)).toBe('leaves 2 wards > 4 min');
    expect(coverageCostLine({ ...cost, wards: [{ ward: 58, name: 'Ward 58' }], count: 1 })).toBe('leaves 1 ward > 4 min');
    expect(coverageCostTitle(cost)).toBe('Without it, no engine within 4 min of: Ward 58, Ward 59');
    expect(coverageCostLine({ ...cost, wards: [], count: 0 })).toBeNull();
    expect(coverageCostLine(undefined)).toBeNull();
  });

  it('[CV3] a ward\'s nearest unit on the map: its call sign and time, or none', () => {
    expect(nearestLine({ unitId: UnitIdSchema.parse('eng-d02'), callSign: 'ENG-D02', travelSeconds: 185, isWithinTarget: true })).toBe('ENG-D02 3 min');
    expect(nearestLine({ unitId: null, callSign: null, travelSeconds: null, isWithinTarget: false })).toBe('none available');
  });

  it('[CV7] a travel time in minutes rounds up to a tenth, so just outside a target never reads as on it', () => {
    expect(formatTravelMinutes(480)).toBe('8.0 min');
    expect(formatTravelMinutes(481)).toBe('8.1 min');
    expect(formatTravelMinutes(486)).toBe('8.1 min');
    expect(formatTravelMinutes(487)).toBe('8.2 min');
    expect(formatTravelMinutes(725.4)).toBe('12.1 min');
    expect(formatTravelMinutes(null)).toBe('—');
  });

  it('[CV4] a recommendation from before coverage (no coverageCost) still parses', () => {
    const older = {
      incidentId: 'EC-1', computedAt: 1, ranking: 'straight_line', routes: [],
      byKind: [{ kind: 'als', needed: 1, committed: 0, passedOver: [], divertCandidates: [], candidates: [{ unitId: 'als-1', callSign: 'ALS-1', kind: 'als', position: [28, -26], distanceMeters: 10, etaSeconds: 5, positionAgeSeconds: 0, reason: 'available' }] }],
    };
    expect(RecommendationSchema.parse(older).byKind[0]?.candidates[0]?.coverageCost).toBeUndefined();
  });
});
