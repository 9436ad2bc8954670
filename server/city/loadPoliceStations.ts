import type { Facility, Ward } from '../../shared/city/citySchema.ts';
import { CityDataError } from './CityDataError.ts';
import { CITY_FILES } from './cityFiles.ts';
import { facilityId } from './facilityId.ts';
import { FeatureCollectionEnvelopeSchema, PoliceStationFeatureSchema } from './fixtureSchemas.ts';
import { labelBy, parseFixtureEnvelope, parseFixtureRecords } from './parseFixtureRecords.ts';
import { readFixtureJson } from './readFixtureFile.ts';

/** The classification given to SAPS stations (the source has none). */
export const POLICE_STATION_CLASSIFICATION = 'SAPS POLICE STATION';

/** Reads the SAPS police stations; ward is the station's own `coj_ward`, region that ward's (approximate) region. */
export function loadPoliceStations(dir: string, wards: readonly Ward[]): Facility[] {
  const { file, json } = readFixtureJson(dir, CITY_FILES.policeStations);
  const { features } = parseFixtureEnvelope(file, FeatureCollectionEnvelopeSchema, json);
  const label = labelBy('feature', [['properties', 'name']]);
  const records = parseFixtureRecords(file, features, PoliceStationFeatureSchema, label);
  const wardByNumber = new Map(wards.map((w) => [w.ward, w]));
  return records.map((feature, index): Facility => {
    const { name, coj_ward: wardNumber } = feature.properties;
    const ward = wardByNumber.get(wardNumber);
    if (ward === undefined) {
      throw new CityDataError(file, label(feature, index), `properties.coj_ward: ward ${wardNumber} is not in ${CITY_FILES.wards}`);
    }
    return {
      id: facilityId('saps', name),
      name: `${name} Police Station`,
      kind: 'police_station',
      classification: POLICE_STATION_CLASSIFICATION,
      address: '',
      hasEmergencyUnit24h: false,
      region: ward.region,
      ward: ward.ward,
      position: feature.geometry.coordinates,
    };
  });
}
