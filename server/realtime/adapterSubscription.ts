import type { Redis } from 'ioredis';

/** The Socket.IO Redis Streams adapter's public channel of the main namespace (its default prefix `socket.io`). */
export const ADAPTER_CHANNEL = 'socket.io#/#';

/** How many connections are subscribed to `channel` (on this Redis node). */
export async function subscribersOf(redis: Redis, channel: string): Promise<number> {
  const reply = (await redis.call('PUBSUB', 'NUMSUB', channel)) as [string, number | string];
  return Number(reply[1]);
}

/**
 * [OPS4] Waits, at most `timeoutMs`, until `channel` has `count` subscribers. The adapter subscribes in the
 * background and leaves that SUBSCRIBE's failure unhandled if it is closed first, which would end the process: an
 * instance stopped moments after it started (a port already taken, an early SIGTERM) must not close it before then.
 * Answers whether the count was reached.
 */
export async function untilSubscribed(redis: Redis, channel: string, count: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await subscribersOf(redis, channel)) >= count) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}
