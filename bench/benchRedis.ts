import type { Redis } from 'ioredis';

export { startTestRedis as startBenchRedis } from '../test/support/testRedis.ts';

/** `used_memory_human` from `INFO memory`. */
export async function redisUsedMemory(redis: Redis): Promise<string> {
  const info = await redis.info('memory');
  const match = /^used_memory_human:(\S+)/m.exec(info);
  return match?.[1] ?? 'unknown';
}

/** Resident set size of this Node process, in MiB. */
export function processRssMiB(): number {
  return Math.round((process.memoryUsage().rss / 1_048_576) * 10) / 10;
}
