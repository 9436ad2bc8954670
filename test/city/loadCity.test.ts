import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../shared/incidents/incidentSchema.ts';
import { UNIT_KIND_AGENCY, UNIT_KINDS } from '../../shared/units/unitKinds.ts';
import { loadCity } from '../../server/city/loadCity.ts';
import { planFleet } from '../../server/city/planFleet.ts';
import { JOBURG_DIR } from './cityPackCopy.ts';

const city = loadCity(JOBURG_DIR);
const health = city.facilities.filter((f) => f.id.startsWith('hf-'));
const police = city.facilities.filter((f) => f.kind === 'police_station');

describe('loadCity on the real Johannesburg pack', () => {
  it('[CITY1] loads the metro boundary, its name, bounds and centre', () => {
    expect(city.name).toBe('City of Johannesburg');
    expect(city.boundary.type).toBe('MultiPolygon');
    const [west, south, east, north] = city.bounds;
    expect(west).toBeCloseTo(27.714, 3);
    expect(south).toBeCloseTo(-26.526, 3);
    expect(east).toBeCloseTo(28.214, 3);
    expect(north).toBeCloseTo(-25.903, 3);
    expect(city.center[0]).toBeGreaterThan(west);
    expect(city.center[1]).toBeLessThan(north);
  });

  it('[CITY2] loads 135 wards, numbered 1–135, each with a region A–G', () => {
    expect(city.wards).toHaveLength(135);
    expect(city.wards.map((w) => w.ward)).toEqual(Array.from({ length: 135 }, (_, i) => i + 1));
    for (const ward of city.wards) expect(REGIONS).toContain(ward.region);
    for (const region of REGIONS) expect(city.wards.some((w) => w.region === region)).toBe(true);
  });

  it('[CITY3] loads 119 health facilities, 15 with a 24-hour emergency unit, each in a ward and region', () => {
    expect(health).toHaveLength(119);
    expect(health.filter((f) => f.hasEmergencyUnit24h)).toHaveLength(15);
    expect(health.filter((f) => f.kind === 'hospital')).toHaveLength(8);
    expect(health.filter((f) => f.kind === 'community_health_centre')).toHaveLength(10);
    expect(health.filter((f) => f.kind === 'clinic')).toHaveLength(101);
    for (const f of health) {
      expect(f.ward, f.name).not.toBeNull();
      expect(f.region, f.name).not.toBeNull();
    }
    const helenJoseph = health.find((f) => f.id === 'hf-helen-joseph-hospital');
    expect(helenJoseph).toMatchObject({ kind: 'hospital', region: 'B', hasEmergencyUnit24h: true, address: '1 Perth Road,Auckland' });
  });

  it('[CITY4] loads 43 police stations with their ward and the region of that ward', () => {
    expect(police).toHaveLength(43);
    const regionOfWard = new Map(city.wards.map((w) => [w.ward, w.region]));
    for (const station of police) {
      expect(station.id).toMatch(/^saps-[a-z0-9-]+$/);
      expect(station.ward).not.toBeNull();
      expect(station.region).toBe(regionOfWard.get(station.ward ?? -1));
    }
    expect(police.find((f) => f.id === 'saps-alexandra')).toMatchObject({ ward: 107, name: 'Alexandra Police Station' });
  });

  it('[CITY5] gives every facility a unique id', () => {
    expect(new Set(city.facilities.map((f) => f.id)).size).toBe(city.facilities.length);
  });

  it('[CITY6] carries the attribution, with regions labelled approximate', () => {
    expect(city.attribution.join('\n')).toMatch(/OCHA/);
    expect(city.attribution.join('\n')).toMatch(/approximate/i);
    expect(city.attribution.join('\n')).toMatch(/OpenUp/);
    expect(city.attribution.join('\n')).toMatch(/SAPS/);
  });
});

describe('the demo fleet', () => {
  const countOf = (kind: string): number => city.fleet.filter((u) => u.kind === kind).length;

  it('[FLEET1][US5] has about 100 ambulances (~40 ALS, ~60 BLS), ~30 fire engines, ~10 rescue, a ladder and a command vehicle per region, 3 hazmat units, ~40 metro police', () => {
    expect(countOf('als')).toBeGreaterThanOrEqual(35);
    expect(countOf('als')).toBeLessThanOrEqual(45);
    expect(countOf('bls')).toBeGreaterThanOrEqual(55);
    expect(countOf('bls')).toBeLessThanOrEqual(65);
    expect(countOf('als') + countOf('bls')).toBeGreaterThanOrEqual(95);
    expect(countOf('fire_engine')).toBeGreaterThanOrEqual(25);
    expect(countOf('fire_engine')).toBeLessThanOrEqual(35);
    expect(countOf('rescue')).toBeGreaterThanOrEqual(8);
    expect(countOf('rescue')).toBeLessThanOrEqual(12);
    expect(countOf('aerial_ladder')).toBe(REGIONS.length);
    expect(countOf('command')).toBe(REGIONS.length);
    expect(countOf('hazmat')).toBe(3);
    expect(countOf('metro_police')).toBeGreaterThanOrEqual(35);
    expect(countOf('metro_police')).toBeLessThanOrEqual(45);
  });

  it('[FLEET2] bases every unit at a real facility of the right kind', () => {
    const byId = new Map(city.facilities.map((f) => [f.id, f]));
    for (const unit of city.fleet) {
      const base = byId.get(unit.baseId);
      expect(base, unit.id).toBeDefined();
      if (unit.kind === 'als' || unit.kind === 'bls') expect(base?.kind).not.toBe('police_station');
      if (unit.kind === 'metro_police') expect(base?.kind).toBe('police_station');
      if (UNIT_KIND_AGENCY[unit.kind] === 'fire') expect(base?.kind, unit.id).not.toBe('clinic');
    }
  });

  it('[FLEET3] has readable call signs <KIND>-<region><nn> and ids that are their lower case', () => {
    for (const unit of city.fleet) {
      expect(unit.callSign).toMatch(/^(ALS|BLS|ENG|RES|LAD|HAZ|CMD|JMPD)-[A-G]\d{2}$/);
      expect(unit.id).toBe(unit.callSign.toLowerCase());
      expect(unit.id).toMatch(/^[a-z0-9-]{2,40}$/);
    }
    expect(new Set(city.fleet.map((u) => u.id)).size).toBe(city.fleet.length);
  });

  it('[FLEET4][US5] spreads every kind over all regions A–G but hazmat, whose 3 units stand north, centre and south', () => {
    const byId = new Map(city.facilities.map((f) => [f.id, f]));
    const regionsOf = (kind: string): string[] => [...new Set(city.fleet.filter((u) => u.kind === kind).map((u) => byId.get(u.baseId)?.region ?? '?'))].sort();
    for (const kind of UNIT_KINDS.filter((k) => k !== 'hazmat')) expect(regionsOf(kind), kind).toEqual([...REGIONS]);
    expect(regionsOf('hazmat')).toEqual(['A', 'F', 'G']);
  });

  it('[FLEET5] fleet.json is what scripts/generateFleet.ts plans (deterministic, no randomness)', () => {
    expect(planFleet(city)).toEqual(city.fleet);
    expect(planFleet(city)).toEqual(planFleet(city));
  });
});
