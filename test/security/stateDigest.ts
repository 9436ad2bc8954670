import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * The parts of a tag's keyspace that are not live state: the audit record and its indexes (every
 * command, refused or not, appends to it), rate-limit counters, stored command answers and
 * fingerprints (a refusal is kept as a command's first answer), the Socket.IO adapter's stream, and the shared
 * recommendations (DS7: a read stores its answer for other desks for a few seconds; it is a cache, not state).
 */
export function excludedPrefixes(tag: string): string[] {
  const p = `cad:{${tag}}:`;
  return [`${p}audit`, `${p}ratelimit`, `${p}cmd:`, `${p}cmdfp:`, `${p}socket.io`, `${p}recommendation:`];
}

/** True when `key` is live state of the tag (of it, and not excluded). */
export function isLiveKey(key: string, tag: string): boolean {
  return key.startsWith(`cad:{${tag}}:`) && !excludedPrefixes(tag).some((prefix) => key.startsWith(prefix));
}

/**
 * One round trip: the keys named in ARGV after the first (or, with none, every key matching the
 * pattern ARGV[1]), each with a digest of its contents in a canonical order: hash fields and set
 * members sorted, sorted sets by rank, a stream by its length and last id (the journal only grows),
 * a key that does not exist left out.
 */
const KEY_DIGESTS_SCRIPT = `
local keys = {}
if #ARGV > 1 then
  for i = 2, #ARGV do keys[#keys + 1] = ARGV[i] end
else
  local cursor = '0'
  repeat
    local reply = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 1000)
    cursor = reply[1]
    for _, key in ipairs(reply[2]) do keys[#keys + 1] = key end
  until cursor == '0'
end
local out = {}
for _, key in ipairs(keys) do
  local kind = redis.call('TYPE', key).ok
  local body = nil
  if kind == 'string' then
    body = redis.call('GET', key)
  elseif kind == 'hash' then
    local flat = redis.call('HGETALL', key)
    local fields = {}
    for i = 1, #flat, 2 do fields[#fields + 1] = flat[i] .. '\\0' .. flat[i + 1] end
    table.sort(fields)
    body = table.concat(fields, '\\1')
  elseif kind == 'set' then
    local members = redis.call('SMEMBERS', key)
    table.sort(members)
    body = table.concat(members, '\\1')
  elseif kind == 'zset' then
    body = table.concat(redis.call('ZRANGE', key, 0, -1, 'WITHSCORES'), '\\1')
  elseif kind == 'list' then
    body = table.concat(redis.call('LRANGE', key, 0, -1), '\\1')
  elseif kind == 'stream' then
    local last = redis.call('XREVRANGE', key, '+', '-', 'COUNT', 1)
    body = redis.call('XLEN', key) .. '\\1' .. (last[1] and last[1][1] or '')
  end
  if body then
    out[#out + 1] = key
    out[#out + 1] = kind .. ':' .. redis.sha1hex(body)
  end
end
return out
`;

/** Each live key's content digest: the named keys, or every live key of the tag. */
export async function keyDigests(redis: Redis, tag: string, keys?: readonly string[]): Promise<Map<string, string>> {
  if (keys && keys.length === 0) return new Map();
  const reply = (await redis.eval(KEY_DIGESTS_SCRIPT, 0, `cad:{${tag}}:*`, ...(keys ?? []))) as string[];
  const digests = new Map<string, string>();
  for (let i = 0; i + 1 < reply.length; i += 2) {
    const key = reply[i] ?? '';
    if (isLiveKey(key, tag)) digests.set(key, reply[i + 1] ?? '');
  }
  return digests;
}

export interface StateDigest {
  keyCount: number;
  sha1: string;
}

/** One digest of the live state of a tag: its live keys, sorted, each with its content digest. */
export function digestOf(digests: ReadonlyMap<string, string>): StateDigest {
  const hash = createHash('sha1');
  const live = [...digests].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, digest] of live) hash.update(`${key}\u0002${digest}\u0003`);
  return { keyCount: live.length, sha1: hash.digest('hex') };
}

/** The digest of the live state of a tag in Redis (see `excludedPrefixes` for what is left out). */
export async function stateDigest(redis: Redis, tag = 'jhb'): Promise<StateDigest> {
  return digestOf(await keyDigests(redis, tag));
}
