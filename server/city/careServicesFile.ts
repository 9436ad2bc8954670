import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CareServicesFileSchema, type CareServicesFile } from '../../shared/tickets/careServiceSchema.ts';
import { parseFixtureEnvelope } from './parseFixtureRecords.ts';
import { readFixtureJson } from './readFixtureFile.ts';

/** [CC1] A city pack's Care Connect line: its departments, services and phone menu. */
export const CARE_SERVICES_FILE = 'care-services.json';

/**
 * [CC1] Reads `care-services.json` of a city pack when there is one (none: the city runs no Care Connect line);
 * throws CityDataError naming the file and what is wrong (a service naming no department, a code listed twice…).
 */
export function loadCareServicesFile(dir: string): CareServicesFile | null {
  if (!existsSync(join(dir, CARE_SERVICES_FILE))) return null;
  const { file, json } = readFixtureJson(dir, CARE_SERVICES_FILE);
  return parseFixtureEnvelope(file, CareServicesFileSchema, json);
}
