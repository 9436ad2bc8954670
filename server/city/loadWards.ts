import type { Ward } from '../../shared/city/citySchema.ts';
import type { Region } from '../../shared/incidents/incidentSchema.ts';
import { CityDataError } from './CityDataError.ts';
import { CITY_FILES } from './cityFiles.ts';
import { FeatureCollectionEnvelopeSchema, WardFeatureSchema, type WardFeature } from './fixtureSchemas.ts';
import { labelBy, parseFixtureEnvelope, parseFixtureRecords } from './parseFixtureRecords.ts';
import { parseWardRegionCsv } from './parseWardRegionCsv.ts';
import { fixtureDisplayPath, readFixtureJson, readFixtureText } from './readFixtureFile.ts';

function readWardFeatures(dir: string): WardFeature[] {
  const { file, json } = readFixtureJson(dir, CITY_FILES.wards);
  const { features } = parseFixtureEnvelope(file, FeatureCollectionEnvelopeSchema, json);
  const label = labelBy('feature', [['properties', 'ward']], 'ward ');
  const wards = parseFixtureRecords(file, features, WardFeatureSchema, label);
  const seen = new Set<number>();
  wards.forEach((ward, index) => {
    if (seen.has(ward.properties.ward)) throw new CityDataError(file, label(ward, index), 'duplicate ward number');
    seen.add(ward.properties.ward);
  });
  return wards;
}

/** Reads the ward→region table, checking each row against the ward file: known ward, same code, one row per ward. */
function readWardRegions(dir: string, wards: readonly WardFeature[]): Map<number, Region> {
  const { file, text } = readFixtureText(dir, CITY_FILES.wardRegions);
  const codes = new Map(wards.map((w) => [w.properties.ward, w.properties.code]));
  const regions = new Map<number, Region>();
  parseWardRegionCsv(file, text).forEach((row) => {
    const record = `line ${row.line} (ward ${row.ward})`;
    const code = codes.get(row.ward);
    if (code === undefined) throw new CityDataError(file, record, `ward ${row.ward} is not in ${CITY_FILES.wards}`);
    if (code !== row.ward_pcode) throw new CityDataError(file, record, `ward_pcode ${row.ward_pcode} differs from ${code} in ${CITY_FILES.wards}`);
    if (regions.has(row.ward)) throw new CityDataError(file, record, 'ward listed twice');
    regions.set(row.ward, row.region_approx);
  });
  return regions;
}

/** Reads the wards and their approximate regions, sorted by ward number; every ward must have a region row. */
export function loadWards(dir: string): Ward[] {
  const features = readWardFeatures(dir);
  const regions = readWardRegions(dir, features);
  const wards = features.map((f): Ward => {
    const region = regions.get(f.properties.ward);
    if (region === undefined) {
      const file = fixtureDisplayPath(dir, CITY_FILES.wardRegions);
      throw new CityDataError(file, `ward ${f.properties.ward}`, `ward ${f.properties.ward} (${f.properties.code}) has no region row`);
    }
    return { ward: f.properties.ward, code: f.properties.code, region, geometry: f.geometry };
  });
  return wards.sort((a, b) => a.ward - b.ward);
}
