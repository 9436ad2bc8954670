import type { Facility, FleetUnit } from '../../shared/city/citySchema.ts';
import { UnitIdSchema } from '../../shared/units/unitSchema.ts';
import type { UnitKind } from '../../shared/units/unitKinds.ts';

/** Call-sign prefixes, as the radio says them. */
const PREFIX: Record<UnitKind, string> = {
  als: 'ALS',
  bls: 'BLS',
  fire_engine: 'ENG',
  rescue: 'RES',
  aerial_ladder: 'LAD',
  hazmat: 'HAZ',
  command: 'CMD',
  metro_police: 'POL',
};

/** The units that stand at one station of each kind. */
const AT_STATION: Record<Facility['kind'], readonly UnitKind[]> = {
  hospital: ['als', 'bls'],
  ambulance_station: ['als', 'bls', 'bls'],
  fire_station: ['fire_engine', 'fire_engine', 'rescue'],
  police_station: ['metro_police', 'metro_police'],
  community_health_centre: ['bls'],
  clinic: [],
};

/**
 * [US5] Kinds a service keeps only a few of, shared over its fire bases: one aerial ladder for every three
 * bases, one hazmat unit and one command vehicle for every ten (at least one of each).
 */
const SPECIALISTS: readonly { kind: UnitKind; basesPerUnit: number }[] = [
  { kind: 'aerial_ladder', basesPerUnit: 3 },
  { kind: 'hazmat', basesPerUnit: 10 },
  { kind: 'command', basesPerUnit: 10 },
];

/** The specialist units of each fire base: `count` units spread evenly over the bases in id order. */
function specialistsByBase(fireBases: readonly Facility[]): Map<string, UnitKind[]> {
  const byBase = new Map<string, UnitKind[]>();
  for (const { kind, basesPerUnit } of SPECIALISTS) {
    const count = Math.ceil(fireBases.length / basesPerUnit);
    for (let i = 0; i < count; i += 1) {
      const base = fireBases[Math.floor((i * fireBases.length) / count)];
      if (base) byBase.set(base.id, [...(byBase.get(base.id) ?? []), kind]);
    }
  }
  return byBase;
}

/**
 * A demo fleet at a city's real stations (deterministic: stations in id order). Where the extract
 * has no fire station, one engine and one rescue vehicle stand at each hospital and police station,
 * so that every kind of the response plans exists; the fire bases also share the ladders, hazmat
 * units and command vehicles.
 */
export function planStationFleet(facilities: readonly Facility[]): FleetUnit[] {
  const stations = [...facilities].sort((a, b) => a.id.localeCompare(b.id));
  const hasFireStation = stations.some((s) => s.kind === 'fire_station');
  const isFireBase = (s: Facility): boolean => (hasFireStation ? s.kind === 'fire_station' : s.kind === 'hospital' || s.kind === 'police_station');
  const specialists = specialistsByBase(stations.filter(isFireBase));
  const counters = new Map<UnitKind, number>();
  const fleet: FleetUnit[] = [];
  for (const station of stations) {
    const kinds = [...AT_STATION[station.kind]];
    if (!hasFireStation && isFireBase(station)) kinds.push('fire_engine', 'rescue');
    kinds.push(...(specialists.get(station.id) ?? []));
    for (const kind of kinds) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const callSign = `${PREFIX[kind]}-${String(n).padStart(2, '0')}`;
      fleet.push({ id: UnitIdSchema.parse(callSign.toLowerCase()), callSign, kind, baseId: station.id });
    }
  }
  return fleet;
}
