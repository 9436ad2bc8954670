import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CityDataError } from '../../server/city/CityDataError.ts';
import { CITY_FILES } from '../../server/city/cityFiles.ts';
import { loadCity } from '../../server/city/loadCity.ts';
import { copyCityPack, type CityPackCopy } from './cityPackCopy.ts';

type Json = Record<string, unknown>;
type FeatureCollection = { features: Json[] };
type FleetFile = { units: Json[] };

/** Runs loadCity on the copy and returns the CityDataError it throws. */
function loadError(pack: CityPackCopy): CityDataError {
  try {
    loadCity(pack.dir);
  } catch (error) {
    if (error instanceof CityDataError) return error;
    throw error;
  }
  throw new Error('loadCity did not throw');
}

let pack: CityPackCopy;
beforeEach(() => {
  pack = copyCityPack();
});
afterEach(() => pack.dispose());

function readCollection(file: string): FeatureCollection {
  return pack.readJson(file) as FeatureCollection;
}

describe('loadCity rejects a broken city pack, naming the file and the record', () => {
  it('[CITY7] a bad coordinate in a ward: file, feature index and ward number, path and issue', () => {
    const wards = readCollection(CITY_FILES.wards);
    const feature = wards.features[12] as { properties: { ward: number }; geometry: { coordinates: unknown[][][][] } };
    const ring = feature.geometry.coordinates[0]?.[0];
    if (ring === undefined) throw new Error('fixture has no ring');
    ring[3] = [28.1, 'south'];
    pack.writeJson(CITY_FILES.wards, wards);
    const error = loadError(pack);
    expect(error.file).toContain(CITY_FILES.wards);
    expect(error.record).toBe(`feature #12 (ward ${feature.properties.ward})`);
    expect(error.message).toBe(
      `${error.file}: feature #12 (ward ${feature.properties.ward}): geometry.coordinates[0][0][3][1]: expected number, received string`,
    );
  });

  it('[CITY7] a health facility without a name: file, feature index and uid, and the field', () => {
    const facilities = readCollection(CITY_FILES.healthFacilities);
    const properties = facilities.features[5]?.properties as Json;
    delete properties.name;
    pack.writeJson(CITY_FILES.healthFacilities, facilities);
    const error = loadError(pack);
    expect(error.file).toContain(CITY_FILES.healthFacilities);
    expect(error.record).toBe(`feature #5 (${String(properties.uid)})`);
    expect(error.message).toMatch(/coj_public_health_facilities_2012\.geojson: feature #5 \(gp_[a-z0-9_]+\): properties\.name: expected string, received undefined$/);
  });

  it('[CITY7] a police station in a ward the ward file lacks: names the station', () => {
    const stations = readCollection(CITY_FILES.policeStations);
    (stations.features[0]?.properties as Json).coj_ward = 999;
    pack.writeJson(CITY_FILES.policeStations, stations);
    expect(loadError(pack).message).toMatch(/coj_saps_police_stations_2014\.geojson: feature #0 \(Alexandra\): properties\.coj_ward: ward 999 is not in/);
  });

  it('[CITY8] invalid JSON names the file', () => {
    pack.writeText(CITY_FILES.policeStations, '{"type": "FeatureCollection", "features": [');
    const error = loadError(pack);
    expect(error.file).toContain(CITY_FILES.policeStations);
    expect(error.record).toBeNull();
    expect(error.message).toMatch(/coj_saps_police_stations_2014\.geojson: invalid JSON: /);
  });

  it('[CITY8] a missing file names the file', () => {
    pack.remove(CITY_FILES.boundary);
    expect(loadError(pack).message).toMatch(/coj_municipal_boundary\.geojson: file not found$/);
  });

  it('[CITY8] a missing fleet.json names the file', () => {
    pack.remove(CITY_FILES.fleet);
    expect(loadError(pack).message).toMatch(/fleet\.json: file not found$/);
  });

  it('[CITY9] a ward in the CSV that the ward file does not have names the line and ward', () => {
    const csv = pack.readText(CITY_FILES.wardRegions);
    pack.writeText(CITY_FILES.wardRegions, `${csv}136,ZA7980136,D,facility-in-ward\n`);
    expect(loadError(pack).message).toMatch(/coj_ward_to_region_APPROX\.csv: line 137 \(ward 136\): ward 136 is not in coj_wards_135\.geojson$/);
  });

  it('[CITY9] a ward without a region row names the ward', () => {
    const lines = pack.readText(CITY_FILES.wardRegions).split('\n');
    pack.writeText(CITY_FILES.wardRegions, lines.filter((line) => !line.startsWith('57,')).join('\n'));
    expect(loadError(pack).message).toMatch(/coj_ward_to_region_APPROX\.csv: ward 57: ward 57 \(ZA7980057\) has no region row$/);
  });

  it('[CITY9] a region outside A–G names the line', () => {
    const csv = pack.readText(CITY_FILES.wardRegions).replace('\n2,ZA7980002,G,', '\n2,ZA7980002,H,');
    pack.writeText(CITY_FILES.wardRegions, csv);
    expect(loadError(pack).message).toMatch(/coj_ward_to_region_APPROX\.csv: line 3 \(ward 2\): region_approx: /);
  });

  it('[CITY10] a duplicate unit id names the unit', () => {
    const fleet = pack.readJson(CITY_FILES.fleet) as FleetFile;
    const first = fleet.units[0];
    if (first === undefined) throw new Error('empty fleet');
    fleet.units[7] = { ...first, callSign: 'ALS-Z99' };
    pack.writeJson(CITY_FILES.fleet, fleet);
    const error = loadError(pack);
    expect(error.record).toBe(`unit #7 (${String(first.id)})`);
    expect(error.message).toMatch(new RegExp(`fleet\\.json: unit #7 \\(${String(first.id)}\\): duplicate unit id "${String(first.id)}"$`));
  });

  it('[CITY10] a unit based at an unknown facility names the unit and the base', () => {
    const fleet = pack.readJson(CITY_FILES.fleet) as FleetFile;
    const unit = fleet.units[3];
    if (unit === undefined) throw new Error('empty fleet');
    unit.baseId = 'hf-nowhere';
    pack.writeJson(CITY_FILES.fleet, fleet);
    expect(loadError(pack).message).toMatch(/fleet\.json: unit #3 \(als-[a-g]\d\d\): baseId "hf-nowhere" is not a known facility$/);
  });

  it('[CITY10] a unit with a bad id names the unit and the rule', () => {
    const fleet = pack.readJson(CITY_FILES.fleet) as FleetFile;
    const unit = fleet.units[0];
    if (unit === undefined) throw new Error('empty fleet');
    unit.id = 'ALS B01';
    pack.writeJson(CITY_FILES.fleet, fleet);
    expect(loadError(pack).message).toMatch(/fleet\.json: unit #0 \(ALS B01\): id: unit id: 2-40 lowercase/);
  });

  it('[CITY8] CityDataError is an Error with file and record fields', () => {
    const error = new CityDataError('a.geojson', 'feature #1', 'bad');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CityDataError');
    expect(error.message).toBe('a.geojson: feature #1: bad');
  });
});
