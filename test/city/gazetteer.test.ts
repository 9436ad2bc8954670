import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../server/city/buildGazetteer.ts';
import { loadCity } from '../../server/city/loadCity.ts';
import { buildGazetteerIndex, GazetteerEntrySchema, searchGazetteer, type GazetteerEntry } from '../../shared/city/gazetteer.ts';
import { createAreaIndex } from '../../shared/geo/areaIndex.ts';
import { REGIONS } from '../../shared/incidents/incidentSchema.ts';
import { JOBURG_DIR } from './cityPackCopy.ts';

const city = loadCity(JOBURG_DIR);
const entries = buildGazetteer(city);
const index = buildGazetteerIndex(entries);

const names = (query: string, limit?: number): string[] => searchGazetteer(index, query, limit).map((e) => e.name);

function entry(id: string, name: string, kind: GazetteerEntry['kind'], detail = ''): GazetteerEntry {
  return { id, name, kind, detail, position: [28, -26.2] };
}

describe('searchGazetteer on the Johannesburg gazetteer', () => {
  it('[LO2] finds a facility from the start of its words: "helen jos" → Helen Joseph Hospital', () => {
    expect(names('helen jos')[0]).toBe('Helen Joseph Hospital');
    expect(names('jos hel')[0]).toBe('Helen Joseph Hospital');
    expect(names('HELEN joseph hosp')[0]).toBe('Helen Joseph Hospital');
  });

  it('[LO2] finds a facility by its street address, with road/rd, street/st, avenue/ave, drive/dr abbreviations', () => {
    expect(names('perth rd')).toEqual(['Helen Joseph Hospital']);
    expect(names('perth road')).toEqual(['Helen Joseph Hospital']);
    expect(names('1 perth')).toContain('Helen Joseph Hospital');
    expect(names('esselen st')).toContain('17 Esselen Street Clinic');
    expect(names('keyes ave')).toEqual(['Rosebank Clinic']);
    expect(names('arkwright avenue')).toEqual(['Alexandra CHC']);
    expect(names('clarendon dr')).toEqual(['Discoverers CHC']);
    // The address says "Rd." and the query the written-out word.
    expect(names('chris hani road diepkloof')).toEqual(['Lillian Ngoyi CHC']);
  });

  it('[LO2] finds wards as "ward 60" and "w60", and regions as "region f"', () => {
    expect(names('ward 60')[0]).toBe('Ward 60');
    expect(names('w60')[0]).toBe('Ward 60');
    expect(names('W60')[0]).toBe('Ward 60');
    expect(names('region f')[0]).toBe('Region F');
    // Then, by their detail, the police stations and wards of region F (and any "F…" name with a region in its detail).
    const regionF = searchGazetteer(index, 'region f', 100);
    const others = regionF.slice(1).filter((e) => !e.detail.includes('Region F'));
    expect(others.map((e) => e.name).filter((name) => !/\bf/i.test(name))).toEqual([]);
    const wardsF = city.wards.filter((w) => w.region === 'F').map((w) => `Ward ${w.ward}`);
    expect(regionF.filter((e) => e.kind === 'ward').map((e) => e.name)).toEqual(wardsF);
    const policeF = city.facilities.filter((f) => f.kind === 'police_station' && f.region === 'F');
    expect(regionF.filter((e) => e.kind === 'police_station' && e.detail.includes('Region F'))).toHaveLength(policeF.length);
  });

  it('[LO2] "alex" finds the Alexandra CHC, clinics and police station, health facilities first', () => {
    expect(names('alex')).toEqual(['Alexandra CHC', 'Alexandra 8th Avenue Clinic', 'Alexandra East Bank Clinic', 'Alexandra Police Station']);
  });

  it('[LO2] reads sap/saps/police and chc/community health centre as the same words', () => {
    const saps = searchGazetteer(index, 'saps', 100);
    // The 43 stations by name, then the places located at a station (their detail names it).
    expect(saps.filter((e) => e.kind === 'police_station')).toHaveLength(43);
    expect(saps.slice(0, 43).every((e) => e.kind === 'police_station')).toBe(true);
    expect(saps.slice(43).every((e) => e.kind === 'place' && e.detail.endsWith('Police Station'))).toBe(true);
    expect(names('sap alex')).toEqual(['Alexandra Police Station']);
    expect(names('hillbrow police')).toEqual(['Hillbrow Police Station']);
    expect(names('hillbrow community health')).toEqual(['Hillbrow CHC']);
    expect(names('chc', 20)).toHaveLength(10);
  });

  it('[LO2] ranks exact name, then name prefix, then words in the name, then words in the detail', () => {
    const small = buildGazetteerIndex([
      entry('d', 'Zeta Clinic', 'clinic', '1 Rosebank Road'),
      entry('c', 'Upper Rosebank Clinic', 'clinic'),
      entry('b', 'Rosebank Clinic North', 'clinic'),
      entry('a', 'Rosebank Clinic', 'clinic'),
    ]);
    // a: exact; b: name starts with the query; c: both words in the name; d: "rosebank" only in the detail.
    expect(searchGazetteer(small, 'rosebank clinic').map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(searchGazetteer(small, 'clinic rosebank').map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(searchGazetteer(small, 'rosebank road').map((e) => e.id)).toEqual(['d']);
    expect(searchGazetteer(small, 'rosebank').map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(searchGazetteer(small, 'rose').map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('[LO2] breaks ties by kind (hospital first) then name, numbers in numeric order', () => {
    const small = buildGazetteerIndex([
      entry('place', 'Orlando Place', 'place'),
      entry('saps', 'Orlando Police Station', 'police_station'),
      entry('clinic-b', 'Orlando West Clinic', 'clinic'),
      entry('clinic-a', 'Orlando East Clinic', 'clinic'),
      entry('hospital', 'Orlando Hospital', 'hospital'),
      entry('ward-10', 'Ward 10', 'ward'),
      entry('ward-9', 'Ward 9', 'ward'),
    ]);
    expect(searchGazetteer(small, 'orlando').map((e) => e.id)).toEqual(['hospital', 'clinic-a', 'clinic-b', 'saps', 'place']);
    expect(searchGazetteer(small, 'ward').map((e) => e.id)).toEqual(['ward-9', 'ward-10']);
  });

  it('[LO2] honours the limit (8 by default) and answers [] to an empty or punctuation-only query', () => {
    expect(searchGazetteer(index, 'clinic')).toHaveLength(8);
    expect(searchGazetteer(index, 'clinic', 3)).toHaveLength(3);
    expect(searchGazetteer(index, 'clinic', 0)).toEqual([]);
    expect(searchGazetteer(index, '')).toEqual([]);
    expect(searchGazetteer(index, '   ')).toEqual([]);
    expect(searchGazetteer(index, ' ,.- ')).toEqual([]);
    expect(searchGazetteer(index, 'no such place at all')).toEqual([]);
  });

  it('[LO2] ignores case and accents on both sides', () => {
    expect(names('HÉLÈN JÖS')[0]).toBe('Helen Joseph Hospital');
    const accented = buildGazetteerIndex([entry('x', 'Zoë’s Café Clinic', 'clinic', 'Rue de l’Église')]);
    expect(searchGazetteer(accented, 'zoes cafe').map((e) => e.id)).toEqual(['x']);
    expect(searchGazetteer(accented, 'ZOË').map((e) => e.id)).toEqual(['x']);
    expect(searchGazetteer(accented, 'eglise').map((e) => e.id)).toEqual(['x']);
  });

  it('[LO2] is fast enough to run on every keystroke: 1,000 queries over the whole gazetteer', () => {
    const queries = ['h', 'he', 'hel', 'helen', 'helen j', 'w6', 'w60', 'region f', 'perth rd', 'alex'];
    const started = performance.now();
    let found = 0;
    for (let i = 0; i < 1000; i += 1) found += searchGazetteer(index, queries[i % queries.length] ?? '').length;
    expect(found).toBeGreaterThan(1000);
    // Generous bound for a loaded CI machine; it typically takes a few tens of milliseconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('buildGazetteer on the real Johannesburg city', () => {
  it('[LO2] lists 119 health facilities, 43 police stations, 135 wards and 7 regions, each a valid entry', () => {
    const count = (kind: GazetteerEntry['kind']): number => entries.filter((e) => e.kind === kind).length;
    expect(count('hospital') + count('community_health_centre') + count('clinic')).toBe(119);
    expect(count('police_station')).toBe(43);
    expect(count('ward')).toBe(135);
    expect(count('region')).toBe(7);
    for (const e of entries) expect(GazetteerEntrySchema.parse(e)).toEqual(e);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('[LO2] gives facilities their address as detail, or their ward and approximate region when they have none', () => {
    const helen = entries.find((e) => e.id === 'hf-helen-joseph-hospital');
    expect(helen).toMatchObject({ name: 'Helen Joseph Hospital', kind: 'hospital', detail: '1 Perth Road,Auckland' });
    const alexandra = entries.find((e) => e.id === 'saps-alexandra');
    expect(alexandra?.detail).toMatch(/^Ward 107 · Region [A-G] \(approximate\)$/);
    for (const facility of city.facilities) {
      expect(entries.find((e) => e.id === facility.id)?.position, facility.name).toEqual(facility.position);
    }
  });

  it('[LO2] places each ward at a point inside that ward (per the area index)', () => {
    const areas = createAreaIndex(city.boundary, city.wards);
    for (const ward of city.wards) {
      const e = entries.find((x) => x.id === `ward-${ward.ward}`);
      expect(e, `ward ${ward.ward}`).toMatchObject({ name: `Ward ${ward.ward}`, kind: 'ward', detail: `Region ${ward.region} (approximate)` });
      if (e !== undefined) expect(areas.locate(e.position).ward, `ward ${ward.ward}`).toBe(ward.ward);
    }
  });

  it('[LO2] places each region A–G at the mean of its wards\' points', () => {
    for (const region of REGIONS) {
      const e = entries.find((x) => x.id === `region-${region.toLowerCase()}`);
      const points = entries.filter((x) => x.kind === 'ward' && x.detail === `Region ${region} (approximate)`).map((x) => x.position);
      expect(e?.name).toBe(`Region ${region}`);
      expect(e?.detail).toBe(`${points.length} wards (approximate)`);
      const lng = points.reduce((s, p) => s + p[0], 0) / points.length;
      const lat = points.reduce((s, p) => s + p[1], 0) / points.length;
      expect(e?.position[0]).toBeCloseTo(lng, 9);
      expect(e?.position[1]).toBeCloseTo(lat, 9);
    }
  });

  it('[LO2] lists well-known places only at a facility of the pack, never at invented coordinates', () => {
    const places = entries.filter((e) => e.kind === 'place');
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) {
      const facility = city.facilities.find((f) => place.detail === `at ${f.name}`);
      expect(facility, place.name).toBeDefined();
      expect(place.position).toEqual(facility?.position);
    }
    expect(names('soweto')[0]).toBe('Soweto');
    expect(names('cbd')[0]).toBe('Johannesburg CBD');
  });

  it('[LO2] leaves out a place whose facility is missing from the pack', () => {
    const withoutSandton = buildGazetteer({ ...city, facilities: city.facilities.filter((f) => f.id !== 'saps-sandton') });
    expect(withoutSandton.some((e) => e.name === 'Sandton')).toBe(false);
    expect(entries.some((e) => e.name === 'Sandton')).toBe(true);
  });
});
