import { everyNode } from '../redis/nodeForKey.ts';
import type { RedisClient } from '../redis/redisClient.ts';

/** The Socket.IO Redis Streams adapter's public channel of the main namespace (its default prefix `socket.io`). */
export const ADAPTER_CHANNEL = 'socket.io#/#';

/** How many connections are subscribed to `channel`: on a cluster, where each node counts its own, on every node. */
export async function subscribersOf(redis: RedisClient, channel: string): Promise<number> {
  const counts = await Promise.all(
    everyNode(redis).map(async (node) => Number(((await node.call('PUBSUB', 'NUMSUB', channel)) as [string, number | string])[1])),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/**
 * [OPS4] Waits, at most `timeoutMs`, until `channel` has `count` subscribers. The adapter subscribes in the
 * background and leaves that SUBSCRIBE's failure unhandled if it is closed first, which would end the process: an
 * instance stopped moments after it started (a port already taken, an early SIGTERM) must not close it before then.
 * Answers whether the count was reached.
 */
export async function untilSubscribed(redis: RedisClient, channel: string, count: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await subscribersOf(redis, channel)) >= count) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}
