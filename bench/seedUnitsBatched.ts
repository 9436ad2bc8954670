import type { Redis } from 'ioredis';
import type { Unit } from '../shared/units/unitSchema.ts';
import type { RedisKeys } from '../server/redis/keys.ts';
import { seedUnits } from '../server/units/seedFleet.ts';
import { unitToFields } from '../server/units/unitRecord.ts';
import { UNIT_KINDS } from '../shared/units/unitKinds.ts';
import type { RawRedis } from './rawRedis.ts';

const geoMembers = (units: readonly Unit[]): string[] => units.flatMap((unit) => [String(unit.position[0]), String(unit.position[1]), unit.id]);

/**
 * The commands that write what `seedUnits` (the `seedUnit` script) writes for each unit of a store that holds none of
 * them yet: the unit's hash (`unitToFields`), and — one multi-member command each — its id in `unitIds`, its position in
 * `unitPositions` and in its kind's `availableUnits`. Unlike `seedUnits`, a unit already in the store would be
 * overwritten: for a fresh store only.
 */
export function seedCommands(keys: RedisKeys, units: readonly Unit[]): string[][] {
  if (units.length === 0) return [];
  const commands: string[][] = units.map((unit) => ['HSET', keys.unit(unit.id), ...unitToFields(unit)]);
  commands.push(['SADD', keys.unitIds, ...units.map((unit) => unit.id)], ['GEOADD', keys.unitPositions, ...geoMembers(units)]);
  for (const kind of UNIT_KINDS) {
    const ofKind = units.filter((unit) => unit.kind === kind);
    if (ofKind.length > 0) commands.push(['GEOADD', keys.availableUnits(kind), ...geoMembers(ofKind)]);
  }
  return commands;
}

/** Seeds `units` into a fresh store through a bare RESP connection, in one write (see `seedCommands`). */
export function seedUnitsBatched(raw: RawRedis, keys: RedisKeys, units: readonly Unit[]): Promise<void> {
  return raw.send(seedCommands(keys, units));
}

/** Everything one unit's seeding left in the store, read back for a comparison. */
async function storedUnit(redis: Redis, keys: RedisKeys, unit: Unit): Promise<string> {
  const [hash, isMember, position, ofKind] = await Promise.all([
    redis.hgetall(keys.unit(unit.id)),
    redis.sismember(keys.unitIds, unit.id),
    redis.geopos(keys.unitPositions, unit.id),
    redis.geopos(keys.availableUnits(unit.kind), unit.id),
  ]);
  const sortedHash = Object.fromEntries(Object.entries(hash).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify({ sortedHash, isMember, position, ofKind });
}

/**
 * Seeds `units` twice, under two fresh key tags, once with `seedUnits` and once with `seedUnitsBatched`, and reads
 * back every key each wrote: the number of units whose stored state differs (0 when the batched path writes exactly
 * what `seedUnits` writes). The two tags' keys are deleted afterwards.
 */
export async function batchedSeedDifferences(redis: Redis, raw: RawRedis, scripted: RedisKeys, batched: RedisKeys, units: readonly Unit[]): Promise<number> {
  await seedUnits(redis, scripted, units);
  await seedUnitsBatched(raw, batched, units);
  let differences = 0;
  for (const unit of units) {
    const [a, b] = await Promise.all([storedUnit(redis, scripted, unit), storedUnit(redis, batched, unit)]);
    if (a !== b) differences += 1;
  }
  for (const keys of [scripted, batched]) {
    await redis.del(...units.map((unit) => keys.unit(unit.id)), keys.unitIds, keys.unitPositions, ...UNIT_KINDS.map((kind) => keys.availableUnits(kind)));
  }
  return differences;
}
