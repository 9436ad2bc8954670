import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING, positionAgePenaltySeconds, rankCandidates, type NearbyUnit } from '../../shared/dispatch/rankCandidates.ts';
import { queueScore } from '../../shared/incidents/incidentLifecycle.ts';
import { UnitIdSchema } from '../../shared/units/unitSchema.ts';

const now = 1_800_000_000_000;
const unit = (id: string, distanceMeters: number, ageSeconds: number): NearbyUnit => ({
  unitId: UnitIdSchema.parse(id), callSign: id.toUpperCase(), kind: 'als', position: [28, -26.2], distanceMeters, fixAt: now - ageSeconds * 1000, unansweredAt: null,
});

describe('[DS1] ranking candidates', () => {
  it('[DS1] ranks by estimated time to the scene, nearest first, with the reason shown', () => {
    const ranking = rankCandidates([unit('als-b', 4_000, 5), unit('als-a', 1_000, 5), unit('als-c', 9_000, 5)], { ...DEFAULT_RANKING, now });
    expect(ranking.candidates.map((c) => c.unitId)).toEqual(['als-a', 'als-b', 'als-c']);
    expect(ranking.candidates[0]?.etaSeconds).toBe(Math.round((1_000 * 1.35) / (50 / 3.6)));
    expect(ranking.candidates[0]?.reason).toMatch(/1\.0 km \(straight-line estimate\)/);
    expect(ranking.method).toBe('straight_line');
  });

  it('[DS4] a unit whose last fix is stale is passed over, with its age', () => {
    const ranking = rankCandidates([unit('als-old', 500, 3_600), unit('als-new', 5_000, 10)], { ...DEFAULT_RANKING, now });
    expect(ranking.candidates.map((c) => c.unitId)).toEqual(['als-new']);
    expect(ranking.passedOver).toEqual([expect.objectContaining({ unitId: 'als-old', reason: 'stale_position', detail: 'last position 1 h 0 min old' })]);
  });

  it('[DS1] equal ETAs tie-break on call sign so every console shows the same order', () => {
    const ranking = rankCandidates([unit('als-z', 2_000, 1), unit('als-y', 2_000, 1)], { ...DEFAULT_RANKING, now });
    expect(ranking.candidates.map((c) => c.unitId)).toEqual(['als-y', 'als-z']);
  });
});

describe('[DS5][DS6] ranking by drive time', () => {
  it('[DS5] with drive times from the router, the fastest drive wins over the nearest in a straight line', () => {
    const drives = new Map([
      ['als-near', { etaSeconds: 600, distanceMeters: 9_000 }],
      ['als-far', { etaSeconds: 240, distanceMeters: 4_000 }],
    ]);
    const ranking = rankCandidates([unit('als-near', 1_000, 5), unit('als-far', 3_000, 5)], { ...DEFAULT_RANKING, now, drives });
    expect(ranking.method).toBe('road_network');
    expect(ranking.candidates.map((c) => c.unitId)).toEqual(['als-far', 'als-near']);
    expect(ranking.candidates[0]).toMatchObject({ etaSeconds: 240, distanceMeters: 4_000 });
    expect(ranking.candidates[0]?.reason).toMatch(/drive 4 min, 4\.0 km by road/);
  });

  it('[DS5] a unit the router cannot reach is passed over as no_route', () => {
    const drives = new Map([['als-island', null]]);
    const ranking = rankCandidates([unit('als-island', 500, 5)], { ...DEFAULT_RANKING, now, drives });
    expect(ranking.candidates).toEqual([]);
    expect(ranking.passedOver[0]).toMatchObject({ unitId: 'als-island', reason: 'no_route' });
  });

  it('[DS6] an older fix adds uncertainty to the ETA, within a cap', () => {
    expect(positionAgePenaltySeconds(10)).toBe(0);
    expect(positionAgePenaltySeconds(130)).toBe(25);
    expect(positionAgePenaltySeconds(5_000)).toBe(120);
    const drives = new Map([['als-fresh', { etaSeconds: 300, distanceMeters: 5_000 }], ['als-aged', { etaSeconds: 280, distanceMeters: 5_000 }]]);
    const ranking = rankCandidates([unit('als-fresh', 2_000, 5), unit('als-aged', 2_000, 300)], { ...DEFAULT_RANKING, now, drives });
    expect(ranking.candidates.map((c) => [c.unitId, c.etaSeconds])).toEqual([['als-fresh', 300], ['als-aged', 348]]);
  });
});

describe('[IQ1] queue order', () => {
  it('[IQ1] more urgent first, then older first', () => {
    const echoNew = queueScore({ priority: 'echo', createdAt: now });
    const echoOld = queueScore({ priority: 'echo', createdAt: now - 60_000 });
    const deltaOld = queueScore({ priority: 'delta', createdAt: now - 3_600_000 });
    expect([deltaOld, echoNew, echoOld].sort((a, b) => a - b)).toEqual([echoOld, echoNew, deltaOld]);
  });
});

describe('[AK3] a unit stood down for not acknowledging', () => {
  it('[AK3] is passed over for a while, then recommended again', () => {
    const silent = { ...unit('als-silent', 500, 5), unansweredAt: now - 120_000 };
    const held = rankCandidates([silent, unit('als-other', 3_000, 5)], { ...DEFAULT_RANKING, now });
    expect(held.candidates.map((c) => c.unitId)).toEqual(['als-other']);
    expect(held.passedOver[0]).toMatchObject({ unitId: 'als-silent', reason: 'not_acknowledging' });
    const later = rankCandidates([{ ...silent, unansweredAt: now - 11 * 60_000 }], { ...DEFAULT_RANKING, now });
    expect(later.candidates.map((c) => c.unitId)).toEqual(['als-silent']);
  });
});
