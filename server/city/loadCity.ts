import type { CityData } from './cityData.ts';
import { loadGazetteerFile } from './gazetteerFile.ts';
import { loadCareServicesFile } from './careServicesFile.ts';
import { loadCityGeography } from './loadCityGeography.ts';
import { loadFleet } from './loadFleet.ts';

/**
 * Reads and validates the city pack in `dir` (boundary, wards, ward→region CSV, health facilities, police stations,
 * fleet.json, and gazetteer.json when present) synchronously, for start-up. Throws CityDataError naming the file,
 * the record and the issue.
 */
export function loadCity(dir: string): CityData {
  const geography = loadCityGeography(dir);
  const gazetteer = loadGazetteerFile(dir);
  return {
    ...geography,
    attribution: gazetteer.attribution === null ? geography.attribution : [...geography.attribution, gazetteer.attribution],
    fleet: loadFleet(dir, geography.facilities),
    gazetteer: gazetteer.entries,
    care: loadCareServicesFile(dir),
  };
}
