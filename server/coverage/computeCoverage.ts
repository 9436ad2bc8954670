import type { Coverage, GroupCoverage } from '../../shared/coverage/coverageSchema.ts';
import type { CoverageCost } from '../../shared/coverage/coverageCost.ts';
import { COVERAGE_TARGET_SECONDS, type CoverageGroup } from '../../shared/coverage/coverageTargets.ts';
import type { RankingMethod } from '../../shared/dispatch/dispatchSchema.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import type { UnitId } from '../../shared/units/unitSchema.ts';
import type { CoverageWard } from './coverageWards.ts';
import { PointGrid } from './pointGrid.ts';
import type { TravelTimes } from './travelTimes.ts';

/** An available unit coverage counts, where it last reported. */
export interface CoverageUnit {
  unitId: UnitId;
  callSign: string;
  position: LngLat;
}

export type CoverageUnits = Record<CoverageGroup, readonly CoverageUnit[]>;

/** A unit reaching a ward, in whole seconds. */
export interface Reach {
  unitId: UnitId;
  callSign: string;
  seconds: number;
}

/** [CV3] The nearest unit of a group to a ward, and the next nearest: what the ward falls back on without the first. */
export interface WardReach {
  first: Reach | null;
  second: Reach | null;
}

export interface CoverageIndex {
  computedAt: number;
  method: RankingMethod;
  wards: readonly { ward: CoverageWard; reach: Record<CoverageGroup, WardReach> }[];
}

/** Sooner first; equal times by call sign, so every server instance names the same unit. */
function isBefore(a: Reach, b: Reach): boolean {
  return a.seconds < b.seconds || (a.seconds === b.seconds && a.callSign.localeCompare(b.callSign) < 0);
}

/**
 * A ward's nearest and next nearest unit of a group. With a shortlist (routed travel) the `shortlist` nearest by
 * straight line are timed; without one (straight-line travel, where time grows with distance) units are timed nearest
 * first until the next can only be later than the second found. Either way the grid spares measuring the whole fleet
 * for every ward, and the answer is the one timing every unit would give.
 */
function reachOf(ward: CoverageWard, grid: PointGrid<CoverageUnit>, count: number, travel: TravelTimes): WardReach {
  const best: WardReach = { first: null, second: null };
  const consider = (unit: CoverageUnit, time: number | null | undefined): void => {
    if (time === null || time === undefined) return;
    const reach = { unitId: unit.unitId, callSign: unit.callSign, seconds: Math.round(time) };
    if (best.first === null || isBefore(reach, best.first)) {
      best.second = best.first;
      best.first = reach;
    } else if (best.second === null || isBefore(reach, best.second)) best.second = reach;
  };
  const nearest = grid.nearestFirst(ward.position);
  if (Number.isFinite(travel.shortlist)) {
    const timed: CoverageUnit[] = [];
    for (const { item } of nearest) {
      if (timed.length >= Math.min(travel.shortlist, count)) break;
      timed.push(item);
    }
    const seconds = travel.secondsTo(timed.map((unit) => unit.position), ward.position);
    timed.forEach((unit, i) => consider(unit, seconds[i]));
    return best;
  }
  for (const { item, meters } of nearest) {
    // Rounded as a reach is: a unit as late as the second may still come before it by call sign.
    if (best.second !== null && Math.round(travel.lowerBoundSeconds(meters)) > best.second.seconds) break;
    consider(item, travel.secondsTo([item.position], ward.position)[0]);
  }
  return best;
}

/** [CV3] For every ward and group: the nearest and next nearest available unit by travel time. */
export function computeCoverage(wards: readonly CoverageWard[], units: CoverageUnits, travel: TravelTimes, computedAt: number): CoverageIndex {
  const ambulances = new PointGrid(units.ambulance, (unit) => unit.position);
  const engines = new PointGrid(units.engine, (unit) => unit.position);
  return {
    computedAt,
    method: travel.method,
    wards: wards.map((ward) => ({ ward, reach: { ambulance: reachOf(ward, ambulances, units.ambulance.length, travel), engine: reachOf(ward, engines, units.engine.length, travel) } })),
  };
}

function groupCoverage(reach: WardReach, group: CoverageGroup): GroupCoverage {
  const { first } = reach;
  if (first === null) return { unitId: null, callSign: null, travelSeconds: null, isWithinTarget: false };
  return { unitId: first.unitId, callSign: first.callSign, travelSeconds: first.seconds, isWithinTarget: first.seconds <= COVERAGE_TARGET_SECONDS[group] };
}

/** [CV3] The coverage as consoles read it: every ward's nearest unit per group, against the targets. */
export function coverageAnswer(index: CoverageIndex): Coverage {
  const wards = index.wards.map(({ ward, reach }) => ({
    ward: ward.ward,
    name: ward.name,
    ambulance: groupCoverage(reach.ambulance, 'ambulance'),
    engine: groupCoverage(reach.engine, 'engine'),
  }));
  const outside = (group: CoverageGroup): number => wards.filter((ward) => !ward[group].isWithinTarget).length;
  return {
    computedAt: index.computedAt,
    method: index.method,
    targets: { ...COVERAGE_TARGET_SECONDS },
    wards,
    outsideTarget: { ambulance: outside('ambulance'), engine: outside('engine') },
  };
}

/**
 * [CV4] What sending `unitId` costs: the wards where it is the group's nearest unit, within target, and the next
 * nearest is outside target or there is none. Without it those wards fall outside target; no other ward changes.
 */
export function coverageCostOf(index: CoverageIndex, unitId: string, group: CoverageGroup): CoverageCost {
  const targetSeconds = COVERAGE_TARGET_SECONDS[group];
  const wards = index.wards.flatMap(({ ward, reach }) => {
    const { first, second } = reach[group];
    const isSoleCover = first?.unitId === unitId && first.seconds <= targetSeconds && (second === null || second.seconds > targetSeconds);
    return isSoleCover ? [{ ward: ward.ward, name: ward.name }] : [];
  });
  return { group, targetSeconds, wards, count: wards.length };
}
