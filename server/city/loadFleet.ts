import type { Facility, FleetUnit } from '../../shared/city/citySchema.ts';
import { CityDataError } from './CityDataError.ts';
import { CITY_FILES } from './cityFiles.ts';
import { FleetFileEnvelopeSchema, FleetFileUnitSchema } from './fixtureSchemas.ts';
import { labelBy, parseFixtureEnvelope, parseFixtureRecords } from './parseFixtureRecords.ts';
import { readFixtureJson } from './readFixtureFile.ts';

/** Reads fleet.json: every unit valid, ids and call signs unique, every base a known facility id. */
export function loadFleet(dir: string, facilities: readonly Facility[]): FleetUnit[] {
  const { file, json } = readFixtureJson(dir, CITY_FILES.fleet);
  const { units } = parseFixtureEnvelope(file, FleetFileEnvelopeSchema, json);
  const label = labelBy('unit', [['id'], ['callSign']]);
  const fleet = parseFixtureRecords(file, units, FleetFileUnitSchema, label);
  const baseIds = new Set(facilities.map((f) => f.id));
  const ids = new Set<string>();
  const callSigns = new Set<string>();
  fleet.forEach((unit, index) => {
    const fail = (detail: string): never => {
      throw new CityDataError(file, label(unit, index), detail);
    };
    if (ids.has(unit.id)) fail(`duplicate unit id "${unit.id}"`);
    if (callSigns.has(unit.callSign)) fail(`duplicate call sign "${unit.callSign}"`);
    if (!baseIds.has(unit.baseId)) fail(`baseId "${unit.baseId}" is not a known facility`);
    ids.add(unit.id);
    callSigns.add(unit.callSign);
  });
  return fleet;
}
