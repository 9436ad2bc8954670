import type { Redis } from 'ioredis';
import type { RedisKeys } from '../server/redis/keys.ts';

/** The audit stream, and its three kinds of index (sorted sets of entry ids). */
export const AUDIT_KEY_FAMILIES = ['stream', 'by-user', 'by-incident', 'by-unit'] as const;
export type AuditKeyFamily = (typeof AUDIT_KEY_FAMILIES)[number];

/** What one family of keys holds and costs. */
export interface KeyBytes {
  keys: number;
  /** Stream entries or sorted-set members. */
  items: number;
  /** `MEMORY USAGE <key> SAMPLES 0` (every element counted), summed. */
  memoryBytes: number;
  /** Length of `DUMP <key>`: the key as an RDB file (and a rewritten AOF's base) holds it. */
  serializedBytes: number;
  /** Keys by `OBJECT ENCODING` (a sorted set past 128 members leaves the compact listpack for a skiplist). */
  encodings: Record<string, number>;
}

export type AuditFootprint = Record<AuditKeyFamily, KeyBytes>;

/** Every key matching `pattern`, by SCAN. */
async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found;
}

async function memoryUsage(redis: Redis, key: string): Promise<number> {
  const bytes: unknown = await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0');
  return typeof bytes === 'number' ? bytes : 0;
}

/** Sums what `keys` hold and cost; `count` reads one key's items (XLEN, ZCARD). */
export async function keyBytes(redis: Redis, keys: readonly string[], count: (key: string) => Promise<number>): Promise<KeyBytes> {
  const sizes = await Promise.all(
    keys.map(async (key) => {
      const [memory, dump, items, encoding] = await Promise.all([memoryUsage(redis, key), redis.dumpBuffer(key), count(key), redis.object('ENCODING', key)]);
      return { memory, serialized: dump?.length ?? 0, items, exists: dump !== null, encoding: typeof encoding === 'string' ? encoding : 'none' };
    }),
  );
  const encodings: Record<string, number> = {};
  for (const size of sizes) if (size.exists) encodings[size.encoding] = (encodings[size.encoding] ?? 0) + 1;
  return {
    encodings,
    keys: sizes.filter((size) => size.exists).length,
    items: sizes.reduce((sum, size) => sum + size.items, 0),
    memoryBytes: sizes.reduce((sum, size) => sum + size.memory, 0),
    serializedBytes: sizes.reduce((sum, size) => sum + size.serialized, 0),
  };
}

/** The audit record's keys (`<audit>` and every `<audit>:by-*`) by family, in memory and serialized. */
export async function auditFootprint(redis: Redis, keys: RedisKeys): Promise<AuditFootprint> {
  const indexKeys = await scanKeys(redis, `${keys.audit}:by-*`);
  const ofKind = (kind: 'user' | 'incident' | 'unit'): string[] => indexKeys.filter((key) => key.startsWith(keys.auditIndex(kind, '')));
  const zcard = (key: string): Promise<number> => redis.zcard(key);
  const [stream, byUser, byIncident, byUnit] = await Promise.all([
    keyBytes(redis, [keys.audit], (key) => redis.xlen(key)),
    keyBytes(redis, ofKind('user'), zcard),
    keyBytes(redis, ofKind('incident'), zcard),
    keyBytes(redis, ofKind('unit'), zcard),
  ]);
  return { stream, 'by-user': byUser, 'by-incident': byIncident, 'by-unit': byUnit };
}

/** Every key matching `pattern`, with what they hold and cost. */
export async function patternBytes(redis: Redis, pattern: string): Promise<KeyBytes> {
  return keyBytes(redis, await scanKeys(redis, pattern), () => Promise.resolve(1));
}

const EMPTY: KeyBytes = { keys: 0, items: 0, memoryBytes: 0, serializedBytes: 0, encodings: {} };

/** Two sets of keys together. */
export function addBytes(a: KeyBytes, b: KeyBytes): KeyBytes {
  const encodings = { ...a.encodings };
  for (const [encoding, n] of Object.entries(b.encodings)) encodings[encoding] = (encodings[encoding] ?? 0) + n;
  return { keys: a.keys + b.keys, items: a.items + b.items, memoryBytes: a.memoryBytes + b.memoryBytes, serializedBytes: a.serializedBytes + b.serializedBytes, encodings };
}

/** The growth from `before` to `after`; the encodings are those of `after`. */
export function growthOf(after: KeyBytes, before: KeyBytes): KeyBytes {
  return {
    keys: after.keys - before.keys,
    items: after.items - before.items,
    memoryBytes: after.memoryBytes - before.memoryBytes,
    serializedBytes: after.serializedBytes - before.serializedBytes,
    encodings: after.encodings,
  };
}

/** The totals over the families. */
export function footprintTotal(footprint: AuditFootprint): KeyBytes {
  return AUDIT_KEY_FAMILIES.reduce<KeyBytes>((sum, family) => addBytes(sum, footprint[family]), EMPTY);
}
