import type { RedisClient } from '../redis/redisClient.ts';
import type { Facility, FleetUnit } from '../../shared/city/citySchema.ts';
import { UNIT_KIND_AGENCY } from '../../shared/units/unitKinds.ts';
import type { Unit } from '../../shared/units/unitSchema.ts';
import type { RedisKeys } from '../redis/keys.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { unitToFields } from './unitRecord.ts';

/** A fleet unit standing available at its base, as it enters the live store for the first time. */
export function unitAtBase(fleetUnit: FleetUnit, base: Facility, now: number): Unit {
  return {
    id: fleetUnit.id,
    callSign: fleetUnit.callSign,
    kind: fleetUnit.kind,
    agency: UNIT_KIND_AGENCY[fleetUnit.kind],
    baseId: base.id,
    baseName: base.name,
    status: 'available',
    statusAt: now,
    incidentId: null,
    position: base.position,
    fixAt: now,
    destinationId: null,
    unansweredAt: null,
    crew: [],
  };
}

/**
 * Adds every fleet unit not yet in the store; units already there keep their live state,
 * so a restart never resets a committed unit. Returns how many were added.
 */
export async function seedUnits(redis: RedisClient, keys: RedisKeys, units: readonly Unit[]): Promise<number> {
  let added = 0;
  const batchSize = 500;
  for (let start = 0; start < units.length; start += batchSize) {
    const replies = await Promise.all(
      units.slice(start, start + batchSize).map((unit) =>
        SCRIPTS.seedUnit.run(
          redis,
          [keys.unit(unit.id), keys.unitIds, keys.unitPositions, keys.availableUnits(unit.kind)],
          [unit.id, unit.position[0], unit.position[1], ...unitToFields(unit)],
        ),
      ),
    );
    added += replies.filter((reply) => reply === 1).length;
  }
  return added;
}

/** Seeds the city's fleet at its bases. */
export function seedFleet(redis: RedisClient, keys: RedisKeys, fleet: readonly FleetUnit[], facilities: readonly Facility[], now: number): Promise<number> {
  const bases = new Map(facilities.map((facility) => [facility.id, facility]));
  const units = fleet.map((fleetUnit) => {
    const base = bases.get(fleetUnit.baseId);
    if (!base) throw new Error(`fleet unit ${fleetUnit.id}: unknown base ${fleetUnit.baseId}`);
    return unitAtBase(fleetUnit, base, now);
  });
  return seedUnits(redis, keys, units);
}
