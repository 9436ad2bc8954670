import type { Redis } from 'ioredis';

/** One kind of stall Redis's latency monitor saw (`LATENCY LATEST`): how many times, and the longest. */
export interface RedisStallEvent {
  event: string;
  /** Times it ran over the threshold while watched (from `LATENCY HISTORY`, which keeps one sample a second). */
  seconds: number;
  maxMs: number;
}

/** What Redis itself reported about the watched stretch: its own stalls, and fsyncs it had to put off. */
export interface RedisStalls {
  thresholdMs: number;
  events: RedisStallEvent[];
  /** `aof_delayed_fsync`: fsyncs Redis had to wait for because the disk was still busy with the one before. */
  delayedFsyncs: number;
  /** AOF rewrites that ran in the watched stretch (`aof_rewrites`). */
  aofRewrites: number;
}

const infoNumber = (info: string, field: string): number => Number(new RegExp(`^${field}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);

/**
 * Watches Redis's own latency monitor over a stretch of a benchmark: every event over `thresholdMs` (an fsync, a slow
 * command, an expiry cycle, a fork) is recorded by Redis itself, so a command's wait can be laid on Redis or not.
 */
export async function watchRedisStalls(redis: Redis, thresholdMs: number): Promise<() => Promise<RedisStalls>> {
  const [, threshold] = (await redis.call('CONFIG', 'GET', 'latency-monitor-threshold')) as [string, string];
  await redis.call('CONFIG', 'SET', 'latency-monitor-threshold', String(thresholdMs));
  await redis.call('LATENCY', 'RESET');
  const before = await redis.info('persistence');
  return async () => {
    const latest = (await redis.call('LATENCY', 'LATEST')) as [string, number, number, number][];
    const events: RedisStallEvent[] = [];
    for (const [event, , , maxMs] of latest) {
      const history = (await redis.call('LATENCY', 'HISTORY', event)) as [number, number][];
      events.push({ event, seconds: history.length, maxMs: Math.max(maxMs, ...history.map(([, ms]) => ms)) });
    }
    const after = await redis.info('persistence');
    await redis.call('CONFIG', 'SET', 'latency-monitor-threshold', threshold);
    return {
      thresholdMs,
      events: events.sort((a, b) => b.maxMs - a.maxMs),
      delayedFsyncs: infoNumber(after, 'aof_delayed_fsync') - infoNumber(before, 'aof_delayed_fsync'),
      aofRewrites: infoNumber(after, 'aof_rewrites') - infoNumber(before, 'aof_rewrites'),
    };
  };
}

/** `aof-fsync-always 4× max 180 ms`, or `none over 20 ms`. */
export function redisStallsText(stalls: RedisStalls): string {
  const events = stalls.events.map((e) => `${e.event} in ${e.seconds} s, max ${e.maxMs} ms`);
  const parts = [events.length > 0 ? events.join('; ') : `none over ${stalls.thresholdMs} ms`];
  if (stalls.delayedFsyncs > 0) parts.push(`${stalls.delayedFsyncs} delayed fsyncs`);
  if (stalls.aofRewrites > 0) parts.push(`${stalls.aofRewrites} AOF rewrites`);
  return parts.join(', ');
}
