import type { Facility, FacilityKind } from '../../shared/city/citySchema.ts';
import { RegionSchema, type Region } from '../../shared/incidents/incidentSchema.ts';
import type { AreaIndex } from '../../shared/geo/areaIndex.ts';
import { CityDataError } from './CityDataError.ts';
import { CITY_FILES } from './cityFiles.ts';
import { facilityId } from './facilityId.ts';
import { FeatureCollectionEnvelopeSchema, HealthFacilityFeatureSchema, type HealthFacilityFeature } from './fixtureSchemas.ts';
import { labelBy, parseFixtureEnvelope, parseFixtureRecords } from './parseFixtureRecords.ts';
import { readFixtureJson } from './readFixtureFile.ts';

/** The facility kind of a Department of Health classification (`REGIONAL HOSPITAL`, `CHC`, `CLINIC`, …), or null if unknown. */
export function healthFacilityKind(classification: string): FacilityKind | null {
  const normalized = classification.trim().toUpperCase();
  if (normalized.endsWith('HOSPITAL')) return 'hospital';
  if (normalized === 'CHC' || normalized === 'COMMUNITY HEALTH CENTRE') return 'community_health_centre';
  if (normalized === 'CLINIC') return 'clinic';
  return null;
}

/** The region letter of a sub-district such as "Johannesburg B Health sub-District", or null. */
export function regionOfSubDistrict(subDistrict: string): Region | null {
  const letter = /\bJohannesburg ([A-G])\b/i.exec(subDistrict)?.[1]?.toUpperCase();
  const parsed = RegionSchema.safeParse(letter);
  return parsed.success ? parsed.data : null;
}

function toFacility(feature: HealthFacilityFeature, areas: AreaIndex, fail: (detail: string) => never): Facility {
  const p = feature.properties;
  const kind = healthFacilityKind(p.classification);
  if (kind === null) return fail(`properties.classification: unknown classification "${p.classification}"`);
  const position = feature.geometry.coordinates;
  const area = areas.locate(position);
  return {
    id: facilityId('hf', p.name),
    name: p.name,
    kind,
    classification: p.classification,
    address: p.street_address,
    hasEmergencyUnit24h: p.emergency_unit_hours_per_day === 24,
    // The health department's own sub-district wins over the approximate ward→region table.
    region: regionOfSubDistrict(p.sub_district) ?? area.region,
    ward: area.ward,
    position,
  };
}

/** Reads the public health facilities; ward comes from the area index, region from the sub-district letter. */
export function loadHealthFacilities(dir: string, areas: AreaIndex): Facility[] {
  const { file, json } = readFixtureJson(dir, CITY_FILES.healthFacilities);
  const { features } = parseFixtureEnvelope(file, FeatureCollectionEnvelopeSchema, json);
  const label = labelBy('feature', [['properties', 'name'], ['properties', 'uid']]);
  const records = parseFixtureRecords(file, features, HealthFacilityFeatureSchema, label);
  return records.map((feature, index) =>
    toFacility(feature, areas, (detail) => {
      throw new CityDataError(file, label(feature, index), detail);
    }),
  );
}
