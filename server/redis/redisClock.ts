import { AsyncLocalStorage } from 'node:async_hooks';
import { nodeForKey } from './nodeForKey.ts';
import type { RedisClient } from './redisClient.ts';

/**
 * [OPS10] How long after the server takes a command its script may reach Redis: one that runs later is refused
 * `unavailable` and writes nothing. On Redis's clock.
 */
export const COMMAND_DEADLINE_MS = 2_000;

/** Redis's clock minus this server's, per connection, from the last `TIME` read (0 until one is read). */
const offsets = new WeakMap<RedisClient, number>();

/** When the command being run was taken (epoch ms, this server's clock), for the scripts it sends. */
const takenAt = new AsyncLocalStorage<number>();

/** [OPS10] Runs `work` as one command taken at `at` (epoch ms): every script it sends has its deadline counted from then. */
export function asCommandTakenAt<T>(at: number, work: () => Promise<T>): Promise<T> {
  return takenAt.run(at, work);
}

/**
 * The deadline for a script sent on `redis`: epoch ms on Redis's clock, counted from when its command was taken
 * (or from now, for a script sent outside a command).
 */
export function commandDeadline(redis: RedisClient): number {
  return (takenAt.getStore() ?? Date.now()) + (offsets.get(redis) ?? 0) + COMMAND_DEADLINE_MS;
}

/**
 * [OPS10] Reads Redis's clock and keeps its offset from this server's, taking the middle of the round trip as the
 * moment Redis read it (off by at most half the round trip). The deadline holds whatever the offset: Redis itself
 * compares; the offset only keeps a server whose clock is behind Redis's from having every command refused.
 * On a cluster the clock read is that of the master holding `slotKey`'s slot, where the metro's scripts compare.
 */
export async function readRedisClock(redis: RedisClient, slotKey: string): Promise<number> {
  const sentAt = Date.now();
  const [seconds, micros] = await nodeForKey(redis, slotKey).time();
  const receivedAt = Date.now();
  const offset = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - (sentAt + receivedAt) / 2;
  offsets.set(redis, offset);
  return offset;
}
