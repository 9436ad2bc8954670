import { bbox as turfBBox } from '@turf/turf';
import type { Facility } from '../../shared/city/citySchema.ts';
import { createAreaIndex } from '../../shared/geo/areaIndex.ts';
import { CityDataError } from './CityDataError.ts';
import type { CityGeography } from './cityData.ts';
import { CITY_ATTRIBUTION, CITY_FILES } from './cityFiles.ts';
import { loadBoundary } from './loadBoundary.ts';
import { loadHealthFacilities } from './loadHealthFacilities.ts';
import { loadPoliceStations } from './loadPoliceStations.ts';
import { loadWards } from './loadWards.ts';
import { fixtureDisplayPath } from './readFixtureFile.ts';

/** Two names that slug alike would make two facilities share an id (and a fleet base). */
function assertUniqueIds(dir: string, facilities: readonly Facility[]): void {
  const seen = new Set<string>();
  for (const facility of facilities) {
    if (seen.has(facility.id)) {
      const file = fixtureDisplayPath(dir, facility.kind === 'police_station' ? CITY_FILES.policeStations : CITY_FILES.healthFacilities);
      throw new CityDataError(file, facility.name, `duplicate facility id "${facility.id}"`);
    }
    seen.add(facility.id);
  }
}

/** Reads and validates everything of the city in `dir` but its fleet; throws CityDataError naming the file and record. */
export function loadCityGeography(dir: string): CityGeography {
  const { name, boundary } = loadBoundary(dir);
  const wards = loadWards(dir);
  const areas = createAreaIndex(boundary, wards);
  const facilities = [...loadHealthFacilities(dir, areas), ...loadPoliceStations(dir, wards)];
  assertUniqueIds(dir, facilities);
  const [west, south, east, north] = turfBBox(boundary);
  return {
    name,
    timeZone: 'Africa/Johannesburg',
    boundary,
    wards,
    facilities,
    center: [(west + east) / 2, (south + north) / 2],
    bounds: [west, south, east, north],
    attribution: [...CITY_ATTRIBUTION],
  };
}
