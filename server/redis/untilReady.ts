import type { RedisClient } from './redisClient.ts';

/**
 * Resolves once `redis` is connected and ready. A connection without an offline queue refuses commands until then,
 * so a start waits for it; it fails after `timeoutMs`, or when the client stops trying, with the reason.
 */
export function untilReady(redis: RedisClient, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    let lastError = '';
    const onError = (error: Error) => {
      lastError = `: ${error.message}`;
    };
    const finish = (error?: Error) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('end', onEnd);
      redis.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => finish();
    const onEnd = () => finish(new Error(`the connection to Redis ended before it was ready${lastError}`));
    const timer = setTimeout(() => finish(new Error(`Redis was not ready within ${timeoutMs / 1000} s${lastError}`)), timeoutMs);
    redis.on('ready', onReady);
    redis.on('end', onEnd);
    redis.on('error', onError);
  });
}
