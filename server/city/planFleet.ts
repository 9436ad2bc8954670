import { FleetUnitSchema, type Facility, type FleetUnit, type Ward } from '../../shared/city/citySchema.ts';
import { REGIONS, type Region } from '../../shared/incidents/incidentSchema.ts';
import type { UnitKind } from '../../shared/units/unitKinds.ts';
import { distanceMeters } from '../../shared/geo/distance.ts';
import { apportion } from './apportion.ts';

/**
 * How many units of one kind, their call-sign prefix, and how strongly each facility attracts them (0: never a base).
 * `regions` keeps a kind the city holds only a few of to those regions; without it every region gets its share.
 */
export type FleetPlanLine = { kind: UnitKind; prefix: string; count: number; weightOf: (facility: Facility) => number; regions?: readonly Region[] };

const isHospitalOrChc = (f: Facility): boolean => f.kind === 'hospital' || f.kind === 'community_health_centre';

/** Ambulance weight: 24-hour emergency units most, then other hospitals and CHCs, then clinics. */
const ambulanceWeight = (emergency: number) => (f: Facility): number =>
  f.hasEmergencyUnit24h ? emergency : isHospitalOrChc(f) ? 2 : f.kind === 'clinic' ? 1 : 0;

/** Fire and rescue stand at police stations, hospitals and CHCs (the city's fire stations have no public coordinates). */
const fireWeight = (f: Facility): number => (f.kind === 'police_station' || isHospitalOrChc(f) ? 1 : 0);

/**
 * The demo fleet: 40 ALS + 60 BLS ambulances, 30 fire engines, 10 rescue vehicles, an aerial ladder and a command
 * vehicle (the duty officer) in each of the seven regions, 3 hazmat units for the whole city, 40 metro police cars.
 * Hazmat units are few and specialised: one in the north (A: Midrand and the N1), one in the centre (F: the inner
 * city and the industrial south) and one in the far south (G), so none of the city is far from one.
 */
export const DEMO_FLEET_PLAN: readonly FleetPlanLine[] = [
  { kind: 'als', prefix: 'ALS', count: 40, weightOf: ambulanceWeight(4) },
  { kind: 'bls', prefix: 'BLS', count: 60, weightOf: ambulanceWeight(3) },
  { kind: 'fire_engine', prefix: 'ENG', count: 30, weightOf: fireWeight },
  { kind: 'rescue', prefix: 'RES', count: 10, weightOf: fireWeight },
  { kind: 'aerial_ladder', prefix: 'LAD', count: 7, weightOf: fireWeight },
  { kind: 'hazmat', prefix: 'HAZ', count: 3, weightOf: fireWeight, regions: ['A', 'F', 'G'] },
  { kind: 'command', prefix: 'CMD', count: 7, weightOf: fireWeight },
  { kind: 'metro_police', prefix: 'JMPD', count: 40, weightOf: (f) => (f.kind === 'police_station' ? 1 : 0) },
];

/** At most this many units of one kind share a base. */
export const MAX_UNITS_OF_A_KIND_PER_BASE = 3;

type Candidate = { facility: Facility; order: number; weight: number; units: number };

/** Farthest from the bases already chosen (spreads units over the region); Infinity when none is chosen yet. */
function distanceToChosen(candidate: Candidate, chosen: readonly Candidate[]): number {
  return chosen.reduce((min, c) => Math.min(min, distanceMeters(candidate.facility.position, c.facility.position)), Infinity);
}

/** Picks `count` bases one at a time by highest weight/(units+1) (D'Hondt), ties to the farthest from chosen bases, then file order. */
function pickBases(candidates: Candidate[], count: number): void {
  for (let n = 0; n < count; n += 1) {
    const open = candidates.filter((c) => c.units < MAX_UNITS_OF_A_KIND_PER_BASE);
    const chosen = candidates.filter((c) => c.units > 0);
    const score = (c: Candidate): number => c.weight / (c.units + 1);
    const best = open.reduce<Candidate | null>((top, c) => {
      if (top === null) return c;
      const diff = score(c) - score(top);
      if (diff !== 0) return diff > 0 ? c : top;
      const spread = distanceToChosen(c, chosen) - distanceToChosen(top, chosen);
      if (spread !== 0) return spread > 0 ? c : top;
      return c.order < top.order ? c : top;
    }, null);
    if (best === null) return;
    best.units += 1;
  }
}

function unitsOfRegion(line: FleetPlanLine, region: Region, candidates: readonly Candidate[]): FleetUnit[] {
  const units: FleetUnit[] = [];
  for (const c of [...candidates].sort((a, b) => a.order - b.order)) {
    for (let i = 0; i < c.units; i += 1) {
      const callSign = `${line.prefix}-${region}${String(units.length + 1).padStart(2, '0')}`;
      units.push(FleetUnitSchema.parse({ id: callSign.toLowerCase(), callSign, kind: line.kind, baseId: c.facility.id }));
    }
  }
  return units;
}

/**
 * Plans a deterministic demo fleet (no randomness): each kind's count is shared over regions A–G (or the line's
 * own regions) by ward count (wards hold about equal numbers of voters), then over the region's eligible
 * facilities. Call signs read `<PREFIX>-<region><nn>` (e.g. `ALS-B03`), ids are the call sign in lower case.
 */
export function planFleet(city: { wards: readonly Ward[]; facilities: readonly Facility[] }, plan = DEMO_FLEET_PLAN): FleetUnit[] {
  const wardsPerRegion = REGIONS.map((r) => city.wards.filter((w) => w.region === r).length);
  return plan.flatMap((line) => {
    const byRegion = REGIONS.map((region) =>
      city.facilities
        .map((facility, order): Candidate => ({ facility, order, weight: line.weightOf(facility), units: 0 }))
        .filter((c) => c.facility.region === region && c.weight > 0),
    );
    const shares = REGIONS.map((region, i) => {
      const takes = (byRegion[i]?.length ?? 0) > 0 && (line.regions?.includes(region) ?? true);
      return takes ? (wardsPerRegion[i] ?? 0) : 0;
    });
    const quotas = apportion(line.count, shares);
    return REGIONS.flatMap((region, i) => {
      const candidates = byRegion[i] ?? [];
      pickBases(candidates, quotas[i] ?? 0);
      return unitsOfRegion(line, region, candidates);
    });
  });
}
