import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Facility } from '../../shared/city/citySchema.ts';
import { UNIT_KIND_AGENCY, UNIT_KINDS } from '../../shared/units/unitKinds.ts';
import { loadOsmCityPack } from '../../server/city/loadOsmCityPack.ts';
import { planStationFleet } from '../../server/city/planStationFleet.ts';

const packDir = (city: string): string => fileURLToPath(new URL(`../../fixtures/${city}`, import.meta.url));

function station(id: string, kind: Facility['kind']): Facility {
  return { id, name: id, kind, classification: kind, address: '', hasEmergencyUnit24h: kind === 'hospital', region: null, ward: null, position: [7.42, 43.73] };
}

describe('the demo fleet of an imported city pack', () => {
  it.each(['andorra', 'monaco'])('[FLEET7][US5] %s: fleet.json is what planStationFleet plans, with every unit kind', (city) => {
    const pack = loadOsmCityPack(packDir(city));
    expect(planStationFleet(pack.facilities)).toEqual(pack.fleet);
    expect(new Set(pack.fleet.map((u) => u.kind))).toEqual(new Set(UNIT_KINDS));
  });

  it('[FLEET7][US5] shares ladders (one per three fire stations), one hazmat unit and one command vehicle over the fire stations', () => {
    const fireStations = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6'].map((id) => station(id, 'fire_station'));
    const fleet = planStationFleet([...fireStations, station('h1', 'hospital'), station('p1', 'police_station')]);
    const of = (kind: string) => fleet.filter((u) => u.kind === kind);
    expect(of('aerial_ladder').map((u) => [u.callSign, u.baseId])).toEqual([['LAD-01', 'f1'], ['LAD-02', 'f4']]);
    expect(of('hazmat').map((u) => [u.callSign, u.baseId])).toEqual([['HAZ-01', 'f1']]);
    expect(of('command').map((u) => [u.callSign, u.baseId])).toEqual([['CMD-01', 'f1']]);
    for (const unit of fleet) if (UNIT_KIND_AGENCY[unit.kind] === 'fire') expect(unit.baseId, unit.id).toMatch(/^f\d$/);
    expect(of('fire_engine')).toHaveLength(12);
  });

  it('[FLEET7][US5] with no fire station, the hospitals and police stations are the fire bases of every fire kind', () => {
    const fleet = planStationFleet([station('h1', 'hospital'), station('p1', 'police_station')]);
    expect(fleet.filter((u) => UNIT_KIND_AGENCY[u.kind] === 'fire').map((u) => `${u.callSign}@${u.baseId}`)).toEqual([
      'ENG-01@h1', 'RES-01@h1', 'LAD-01@h1', 'HAZ-01@h1', 'CMD-01@h1', 'ENG-02@p1', 'RES-02@p1',
    ]);
  });
});
