import type { CityData } from './cityData.ts';
import { loadCityGeography } from './loadCityGeography.ts';
import { loadFleet } from './loadFleet.ts';

/**
 * Reads and validates the city pack in `dir` (boundary, wards, ward→region CSV, health facilities, police stations,
 * fleet.json) synchronously, for start-up. Throws CityDataError naming the file, the record and the issue.
 */
export function loadCity(dir: string): CityData {
  const geography = loadCityGeography(dir);
  return { ...geography, fleet: loadFleet(dir, geography.facilities) };
}
