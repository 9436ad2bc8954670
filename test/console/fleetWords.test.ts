import { describe, expect, it } from 'vitest';
import type { Facility } from '../../shared/city/citySchema.ts';
import { addVehicleErrorText, fleetByKind, isSuitedBase, searchBases, suggestUnitId, typedUnitId, vehicleFieldProblems, withUnit } from '../../dispatch-console/src/admin/fleetWords.ts';
import { makeUnit } from './fixtures.ts';

function facility(id: string, kind: Facility['kind'], name: string, address = ''): Facility {
  return { id, name, kind, classification: '', address, hasEmergencyUnit24h: kind === 'hospital', region: 'F', ward: null, position: [28.0, -26.2] };
}

describe('[FL3] the unit id offered for a new vehicle', () => {
  it('follows the highest numbered id of its kind, never an id the fleet has', () => {
    const units = [makeUnit('als-01'), makeUnit('als-02'), makeUnit('als-06'), makeUnit('bls-01', { kind: 'bls' })];
    expect(suggestUnitId('als', units)).toBe('als-07');
    expect(suggestUnitId('bls', units)).toBe('bls-02');
  });

  it("uses the prefix the kind's ids share (jmpd-…), and the kind's own where the fleet has none of it", () => {
    const units = [makeUnit('jmpd-a01', { kind: 'metro_police' }), makeUnit('jmpd-b02', { kind: 'metro_police' }), makeUnit('als-a01')];
    expect(suggestUnitId('metro_police', units)).toBe('jmpd-01');
    expect(suggestUnitId('als', units)).toBe('als-01');
    expect(suggestUnitId('fire_engine', units)).toBe('eng-01');
    expect(suggestUnitId('hazmat', [])).toBe('haz-01');
  });

  it('counts on past a number of the prefix whatever kind took it', () => {
    expect(suggestUnitId('als', [makeUnit('als-01'), makeUnit('als-02', { kind: 'bls' })])).toBe('als-03');
    expect(suggestUnitId('bls', [makeUnit('bls-01', { kind: 'bls' }), makeUnit('bls-02')])).toBe('bls-03');
  });

  it('takes capitals as meant: ids are kept in lowercase', () => {
    expect(typedUnitId('ALS-B07')).toBe('als-b07');
  });
});

describe('[FL3] the bases offered', () => {
  const facilities = [
    facility('saps-hillbrow', 'police_station', 'Hillbrow Police Station', 'Hillbrow'),
    facility('hf-charlotte', 'hospital', 'Charlotte Maxeke Hospital', 'Parktown'),
    facility('fs-central', 'fire_station', 'Central Fire Station', 'Marshalltown'),
    facility('amb-north', 'ambulance_station', 'North Ambulance Station', 'Randburg'),
    facility('hf-zola', 'community_health_centre', 'Zola CHC', 'Soweto'),
    facility('hf-hikhensile', 'clinic', 'Hikhensile Clinic', 'Midrand'),
  ];
  const ids = (list: readonly Facility[]): string[] => list.map((f) => f.id);

  it('lists the kinds each agency stands at first: fire stations, ambulance stations and hospitals, police stations', () => {
    expect(ids(searchBases('fire_engine', facilities, ''))).toEqual(['fs-central', 'saps-hillbrow', 'hf-charlotte', 'hf-zola', 'amb-north', 'hf-hikhensile']);
    expect(ids(searchBases('als', facilities, '')).slice(0, 2)).toEqual(['amb-north', 'hf-charlotte']);
    expect(ids(searchBases('metro_police', facilities, ''))[0]).toBe('saps-hillbrow');
    expect(isSuitedBase('hazmat', facilities[2] as Facility)).toBe(true);
    expect(isSuitedBase('bls', facilities[0] as Facility)).toBe(false);
  });

  it('finds a base by every typed word in its name, address or kind, accents and case aside', () => {
    expect(ids(searchBases('als', facilities, 'station'))).toEqual(['amb-north', 'fs-central', 'saps-hillbrow']);
    expect(ids(searchBases('als', facilities, 'PARKTOWN hosp'))).toEqual(['hf-charlotte']);
    expect(ids(searchBases('als', [facility('hp', 'hospital', "Hôpital Nostra Senyora de Meritxell")], 'hopital meritxell'))).toEqual(['hp']);
    expect(searchBases('als', facilities, 'nowhere')).toEqual([]);
  });
});

describe('[FL2] the fleet list', () => {
  it('groups by kind in the kinds’ order, by call sign with numbers in order, counting the available', () => {
    const groups = fleetByKind([
      makeUnit('eng-2', { kind: 'fire_engine', agency: 'fire', callSign: 'ENG-2', status: 'on_scene' }),
      makeUnit('als-10', { callSign: 'ALS-10' }),
      makeUnit('als-9', { callSign: 'ALS-9', status: 'dispatched' }),
    ]);
    const nonEmpty = groups.filter((g) => g.units.length > 0);
    expect(nonEmpty.map((g) => [g.kind, g.units.map((u) => u.callSign), g.available])).toEqual([
      ['als', ['ALS-9', 'ALS-10'], 1],
      ['fire_engine', ['ENG-2'], 0],
    ]);
    expect(groups).toHaveLength(8);
  });

  it('puts the answered unit in the list, in place of one of its id', () => {
    const list = [makeUnit('als-01')];
    expect(withUnit(list, makeUnit('als-02'))?.map((u) => u.id)).toEqual(['als-01', 'als-02']);
    expect(withUnit(list, makeUnit('als-01', { status: 'dispatched' }))?.[0]?.status).toBe('dispatched');
    expect(withUnit(null, makeUnit('als-01'))).toBeNull();
  });
});

describe('[FL1] what went wrong, in plain words', () => {
  it('names the id already in the fleet, the fields with problems, and otherwise the code’s sentence', () => {
    expect(addVehicleErrorText({ code: 'unit_exists', message: 'the fleet already has a unit als-01', unitId: 'als-01' }, 'als-01')).toBe('The fleet already has a unit als-01. Choose another id.');
    expect(addVehicleErrorText({ code: 'validation_failed', message: 'x', issues: [{ path: 'baseId', message: 'no station' }] }, 'als-01')).toBe(
      'Base: choose the station or hospital the vehicle stands at from the list.',
    );
    expect(addVehicleErrorText({ code: 'forbidden', message: 'x' }, 'als-01')).toBe('Your role or desk may not do this. Ask a supervisor if it needs doing.');
    expect(vehicleFieldProblems(['baseId', 'unitId'])).toEqual(['Unit id: 2 to 40 lowercase letters, digits or dashes, no spaces (e.g. als-07).', 'Base: choose the station or hospital the vehicle stands at from the list.']);
  });
});
