import type { Facility, FleetUnit } from '../../shared/city/citySchema.ts';
import { UnitIdSchema } from '../../shared/units/unitSchema.ts';
import type { UnitKind } from '../../shared/units/unitKinds.ts';

/** Call-sign prefixes, as the radio says them. */
const PREFIX: Record<UnitKind, string> = { als: 'ALS', bls: 'BLS', fire_engine: 'ENG', rescue: 'RES', metro_police: 'POL' };

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
 * A demo fleet at a city's real stations (deterministic: stations in id order). Where the extract
 * has no fire station, one engine and one rescue vehicle stand at each hospital and police station,
 * so that every kind of the response plans exists.
 */
export function planStationFleet(facilities: readonly Facility[]): FleetUnit[] {
  const stations = [...facilities].sort((a, b) => a.id.localeCompare(b.id));
  const hasFireStation = stations.some((s) => s.kind === 'fire_station');
  const counters = new Map<UnitKind, number>();
  const fleet: FleetUnit[] = [];
  for (const station of stations) {
    const kinds = [...AT_STATION[station.kind]];
    if (!hasFireStation && (station.kind === 'hospital' || station.kind === 'police_station')) kinds.push('fire_engine', 'rescue');
    for (const kind of kinds) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const callSign = `${PREFIX[kind]}-${String(n).padStart(2, '0')}`;
      fleet.push({ id: UnitIdSchema.parse(callSign.toLowerCase()), callSign, kind, baseId: station.id });
    }
  }
  return fleet;
}
