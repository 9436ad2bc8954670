import type { AreaGeometry } from '../../shared/city/citySchema.ts';
import { CityDataError } from './CityDataError.ts';
import { CITY_FILES } from './cityFiles.ts';
import { BoundaryFeatureSchema, FeatureCollectionEnvelopeSchema } from './fixtureSchemas.ts';
import { labelBy, parseFixtureEnvelope, parseFixtureRecords } from './parseFixtureRecords.ts';
import { readFixtureJson } from './readFixtureFile.ts';

/** Reads the municipal boundary file: exactly one (Multi)Polygon feature, named by its admin-3 name. */
export function loadBoundary(dir: string): { name: string; boundary: AreaGeometry } {
  const { file, json } = readFixtureJson(dir, CITY_FILES.boundary);
  const { features } = parseFixtureEnvelope(file, FeatureCollectionEnvelopeSchema, json);
  if (features.length !== 1) throw new CityDataError(file, null, `expected exactly 1 feature, found ${features.length}`);
  const [feature] = parseFixtureRecords(file, features, BoundaryFeatureSchema, labelBy('feature', [['properties', 'admin3Name_en']]));
  if (feature === undefined) throw new CityDataError(file, null, 'no boundary feature');
  return { name: feature.properties.admin3Name_en, boundary: feature.geometry };
}
