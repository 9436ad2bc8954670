import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ward } from '../../shared/city/citySchema.ts';
import { COVERAGE_TARGET_SECONDS, coverageBand, coverageGroupOf } from '../../shared/coverage/coverageTargets.ts';
import { straightLineEstimate } from '../../shared/dispatch/rankCandidates.ts';
import { createAreaIndex } from '../../shared/geo/areaIndex.ts';
import { distanceMeters } from '../../shared/geo/distance.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import { UnitIdSchema } from '../../shared/units/unitSchema.ts';
import { computeCoverage, coverageAnswer, coverageCostOf, type CoverageUnit, type CoverageUnits } from '../../server/coverage/computeCoverage.ts';
import { coverageWards, type CoverageWard } from '../../server/coverage/coverageWards.ts';
import { seededRandom } from '../support/seededRandom.ts';
import { routedTravel, ROUTED_SHORTLIST, straightLineTravel, type TravelTimes } from '../../server/coverage/travelTimes.ts';
import { loadRoadGraph } from '../../server/routing/graph/roadGraphFile.ts';
import { createRouter } from '../../server/routing/router/createRouter.ts';

/** Near the equator a degree of latitude is 111.2 km: wards and units on one meridian, a tenth of a degree apart. */
const ward = (n: number, lat: number): CoverageWard => ({ ward: n, name: `Ward ${n}`, position: [0, lat] });
const unit = (id: string, position: LngLat): CoverageUnit => ({ unitId: UnitIdSchema.parse(id), callSign: id.toUpperCase(), position });
const straightSeconds = (a: LngLat, b: LngLat): number => Math.round(straightLineEstimate(distanceMeters(a, b)).etaSeconds);

const WARDS = [ward(1, 0), ward(2, 0.1), ward(3, 0.2)];
const UNITS: CoverageUnits = {
  ambulance: [unit('als-1', [0, 0.01]), unit('bls-2', [0, 0.03]), unit('als-3', [0, 0.2])],
  engine: [unit('eng-1', [0, 0.005])],
};

describe('[CV1][CV2] targets and bands', () => {
  it('[CV1] ambulances (ALS and BLS) within 480 s, the first engine within 240 s; other kinds are not counted', () => {
    expect(COVERAGE_TARGET_SECONDS).toEqual({ ambulance: 480, engine: 240 });
    expect([coverageGroupOf('als'), coverageGroupOf('bls'), coverageGroupOf('fire_engine'), coverageGroupOf('rescue')]).toEqual(['ambulance', 'ambulance', 'engine', null]);
  });

  it('[CV2] green within target, amber up to a quarter over it, red beyond it or with no unit', () => {
    expect([coverageBand(480, 'ambulance'), coverageBand(600, 'ambulance'), coverageBand(601, 'ambulance'), coverageBand(null, 'ambulance')]).toEqual(['within', 'near', 'outside', 'outside']);
    expect([coverageBand(240, 'engine'), coverageBand(300, 'engine'), coverageBand(301, 'engine')]).toEqual(['within', 'near', 'outside']);
  });
});

describe('[CV3] coverage per ward: the nearest and next nearest available unit of each group', () => {
  const index = computeCoverage(WARDS, UNITS, straightLineTravel(), 1_000);
  const answer = coverageAnswer(index);

  it('[CV3] names the nearest unit of each group per ward with its straight-line travel time, against the target', () => {
    const [w1, w2, w3] = answer.wards;
    expect(answer.method).toBe('straight_line');
    expect(w1?.ambulance).toEqual({ unitId: 'als-1', callSign: 'ALS-1', travelSeconds: straightSeconds([0, 0.01], [0, 0]), isWithinTarget: true });
    expect(w1?.engine).toMatchObject({ unitId: 'eng-1', isWithinTarget: true });
    // Ward 2 is 7.8 km from the nearest ambulance: about 12.6 minutes, outside the 8-minute target.
    expect(w2?.ambulance).toMatchObject({ unitId: 'bls-2', travelSeconds: straightSeconds([0, 0.03], [0, 0.1]), isWithinTarget: false });
    expect(w3?.ambulance).toMatchObject({ unitId: 'als-3', travelSeconds: 0, isWithinTarget: true });
    expect(answer.outsideTarget).toEqual({ ambulance: 1, engine: 2 });
    expect(answer.targets).toEqual({ ambulance: 480, engine: 240 });
  });

  it('[CV3] keeps the next nearest unit per ward and group', () => {
    const w1 = index.wards[0]?.reach.ambulance;
    expect([w1?.first?.unitId, w1?.second?.unitId]).toEqual(['als-1', 'bls-2']);
    const e2 = index.wards[1]?.reach.engine;
    expect([e2?.first?.unitId, e2?.second]).toEqual(['eng-1', null]);
  });

  it('[CV3] a group with no available unit leaves every ward without one, outside target', () => {
    const none = coverageAnswer(computeCoverage(WARDS, { ...UNITS, engine: [] }, straightLineTravel(), 1_000));
    expect(none.wards.map((w) => w.engine)).toEqual(WARDS.map(() => ({ unitId: null, callSign: null, travelSeconds: null, isWithinTarget: false })));
    expect(none.outsideTarget.engine).toBe(3);
  });

  it('[CV3] equal times name the same unit on every instance: the first call sign', () => {
    const twins = computeCoverage([ward(1, 0)], { ambulance: [unit('bls-9', [0, 0.01]), unit('als-9', [0, -0.01])], engine: [] }, straightLineTravel(), 0);
    expect(twins.wards[0]?.reach.ambulance.first?.unitId).toBe('als-9');
    expect(twins.wards[0]?.reach.ambulance.second?.unitId).toBe('bls-9');
  });
});

describe('[CV4] coverage cost: the wards a unit alone keeps within target', () => {
  const index = computeCoverage(WARDS, UNITS, straightLineTravel(), 1_000);

  it('[CV4] a unit nearest a ward whose next nearest is outside target costs that ward', () => {
    expect(coverageCostOf(index, 'als-3', 'ambulance')).toEqual({ group: 'ambulance', targetSeconds: 480, wards: [{ ward: 3, name: 'Ward 3' }], count: 1 });
    // The only engine: without it ward 1 has none at all.
    expect(coverageCostOf(index, 'eng-1', 'engine')).toMatchObject({ wards: [{ ward: 1, name: 'Ward 1' }], count: 1, targetSeconds: 240 });
  });

  it('[CV4] nothing when the next nearest is within target too, when the unit is not the nearest, or when the ward is outside target already', () => {
    // Ward 1 falls back on BLS-2, 3.3 km away: within 8 minutes.
    expect(coverageCostOf(index, 'als-1', 'ambulance').count).toBe(0);
    // BLS-2 is the nearest to ward 2 but ward 2 is outside target with it already.
    expect(coverageCostOf(index, 'bls-2', 'ambulance').count).toBe(0);
    expect(coverageCostOf(index, 'no-such-unit', 'ambulance')).toMatchObject({ wards: [], count: 0 });
  });

  it('[CV4] matches recomputing without the unit: exactly its wards leave the target', () => {
    for (const removed of UNITS.ambulance) {
      const without = coverageAnswer(computeCoverage(WARDS, { ...UNITS, ambulance: UNITS.ambulance.filter((u) => u !== removed) }, straightLineTravel(), 1_000));
      const before = coverageAnswer(index);
      const lost = before.wards.filter((w, i) => w.ambulance.isWithinTarget && without.wards[i]?.ambulance.isWithinTarget === false).map((w) => w.ward);
      expect(coverageCostOf(index, removed.unitId, 'ambulance').wards.map((w) => w.ward)).toEqual(lost);
    }
  });
});

describe('[CV3] ward points and travel by road', () => {
  it('[CV3] a ward is reached at its centroid, or inside it when the centroid is not (a U-shaped ward)', () => {
    const square: Ward = { ward: 1, code: 'W1', region: 'A', geometry: { type: 'Polygon', coordinates: [[[0, 0], [0.02, 0], [0.02, 0.02], [0, 0.02], [0, 0]]] } };
    const u: Ward = {
      ward: 2, code: 'W2', region: 'A',
      geometry: { type: 'Polygon', coordinates: [[[0.03, 0], [0.06, 0], [0.06, 0.03], [0.05, 0.03], [0.05, 0.01], [0.04, 0.01], [0.04, 0.03], [0.03, 0.03], [0.03, 0]]] },
    };
    const boundary = { type: 'Polygon' as const, coordinates: [[[0, 0], [0.06, 0], [0.06, 0.03], [0, 0.03], [0, 0]]] as LngLat[][] };
    const areas = createAreaIndex(boundary, [square, u]);
    const points = coverageWards([square, u], areas);
    expect(points[0]?.position[0]).toBeCloseTo(0.01, 6);
    expect(points[0]?.position[1]).toBeCloseTo(0.01, 6);
    expect(points.map((p) => [p.ward, p.name, areas.locate(p.position).ward])).toEqual([[1, 'Ward 1', 1], [2, 'Ward 2', 2]]);
  });

  it('[CV3] routes only the few nearest units of a group by straight line per ward', () => {
    const timed: number[] = [];
    const counting: TravelTimes = { ...straightLineTravel(), method: 'road_network', shortlist: 2, secondsTo: (from, to) => (timed.push(from.length), straightLineTravel().secondsTo(from, to)) };
    const many = Array.from({ length: 5 }, (_, i) => unit(`als-${i + 10}`, [0, 0.01 * (i + 1)]));
    const index = computeCoverage([ward(1, 0)], { ambulance: many, engine: [] }, counting, 0);
    expect(timed).toEqual([2, 0]);
    expect([index.wards[0]?.reach.ambulance.first?.unitId, index.wards[0]?.reach.ambulance.second?.unitId]).toEqual(['als-10', 'als-11']);
  });

  it('[CV3] with the Andorra road network, times are drive times, and a unit with no route is left out', () => {
    const router = createRouter(loadRoadGraph(resolve(import.meta.dirname, '../../fixtures/andorra/roads.bin')));
    const andorraLaVella: LngLat = [1.5218, 42.5075];
    const escaldes: LngLat = [1.5381782, 42.5075496];
    const encamp: LngLat = [1.5806, 42.5347];
    const offRoad: LngLat = [1.45, 42.62];
    const wards = [{ ward: 1, name: 'Ward 1', position: andorraLaVella }];
    const units: CoverageUnits = { ambulance: [unit('als-1', escaldes), unit('als-2', encamp), unit('als-3', offRoad)], engine: [] };
    const routed = computeCoverage(wards, units, routedTravel(router), 0);
    const reach = routed.wards[0]?.reach.ambulance;
    const [fromEscaldes, fromEncamp] = router.etasFrom([escaldes, encamp], andorraLaVella);
    if (!fromEscaldes?.ok || !fromEncamp?.ok) throw new Error('the test points should route');
    expect(router.snap(offRoad)).toBeNull();
    expect(routed.method).toBe('road_network');
    expect(reach?.first).toEqual({ unitId: 'als-1', callSign: 'ALS-1', seconds: Math.round(fromEscaldes.etaSeconds) });
    expect(reach?.second).toEqual({ unitId: 'als-2', callSign: 'ALS-2', seconds: Math.round(fromEncamp.etaSeconds) });
    // The off-road unit, 13 km away in the hills, is never timed as if it could drive.
    expect(ROUTED_SHORTLIST).toBeGreaterThanOrEqual(units.ambulance.length);
    const straight = computeCoverage(wards, units, straightLineTravel(), 0).wards[0]?.reach.ambulance.first?.seconds;
    expect(reach?.first?.seconds).not.toBe(straight);
  });
});

describe('[CV3] a fleet of thousands: each ward measures only the units near it, with the answer of timing them all', () => {
  /** The reference: every unit measured for every ward (a shortlist: the nearest by straight line, in fleet order on ties). */
  function bruteForce(wards: readonly CoverageWard[], units: readonly CoverageUnit[], travel: TravelTimes): (string | null)[][] {
    return wards.map((w) => {
      const byDistance = units.map((u) => ({ u, m: distanceMeters(u.position, w.position) })).sort((a, b) => a.m - b.m);
      const timed = (Number.isFinite(travel.shortlist) ? byDistance.slice(0, travel.shortlist) : byDistance).map(({ u }) => u);
      const seconds = travel.secondsTo(timed.map((u) => u.position), w.position);
      const reaches = timed
        .map((u, i) => ({ u, s: seconds[i] }))
        .filter((r): r is { u: CoverageUnit; s: number } => typeof r.s === 'number')
        .map(({ u, s }) => ({ id: u.unitId, callSign: u.callSign, s: Math.round(s) }))
        .sort((a, b) => a.s - b.s || a.callSign.localeCompare(b.callSign));
      return [reaches[0] ? `${reaches[0].id}@${reaches[0].s}` : null, reaches[1] ? `${reaches[1].id}@${reaches[1].s}` : null];
    });
  }

  const random = seededRandom(8_151);
  const inJoburg = (): LngLat => [27.714 + random() * 0.501, -26.526 + random() * 0.623];
  // Clusters of units at one point (a station), so that equal times fall to the call sign.
  const stations = Array.from({ length: 40 }, inJoburg);
  const fleet = Array.from({ length: 3_000 }, (_, i) => unit(`als-${String(i).padStart(4, '0')}`, i % 5 === 0 ? (stations[i % 40] as LngLat) : inJoburg()));
  const wards = Array.from({ length: 120 }, (_, i) => ({ ward: i + 1, name: `Ward ${i + 1}`, position: i % 10 === 0 ? (stations[i % 40] as LngLat) : inJoburg() }));
  // A ward beyond the fleet's edge, far to the north.
  wards.push({ ward: 999, name: 'Ward 999', position: [28.0, -25.0] });
  const pick = (index: ReturnType<typeof computeCoverage>): (string | null)[][] =>
    index.wards.map(({ reach }) => [reach.ambulance.first, reach.ambulance.second].map((r) => (r ? `${r.unitId}@${r.seconds}` : null)));

  it('[CV3] straight-line travel (no road network): the same nearest and next nearest as timing every unit', () => {
    for (const size of [0, 1, 2, 7, 3_000]) {
      const units = fleet.slice(0, size);
      expect(pick(computeCoverage(wards, { ambulance: units, engine: [] }, straightLineTravel(), 0))).toEqual(bruteForce(wards, units, straightLineTravel()));
    }
  });

  it('[CV3] a shortlist (routed travel): the same units timed as the nearest by straight line, so the same answer', () => {
    // Straight-line seconds stand in for drive times; what matters is which units are shortlisted.
    const shortlisted: TravelTimes = { ...straightLineTravel(), method: 'road_network', shortlist: ROUTED_SHORTLIST };
    for (const size of [3, 6, 3_000]) {
      const units = fleet.slice(0, size);
      expect(pick(computeCoverage(wards, { ambulance: units, engine: [] }, shortlisted, 0))).toEqual(bruteForce(wards, units, shortlisted));
    }
  });
});
