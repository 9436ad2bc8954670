import type { RedisClient } from './redisClient.ts';
import type { Logger } from '../ops/logger.ts';

/**
 * Logs a Redis connection going down once, and coming back once, instead of every retry.
 * ioredis queues commands while it reconnects, so a short outage delays commands rather than failing them.
 */
export function watchConnection(client: RedisClient, label: string, log: Logger): void {
  let isDown = false;
  client.on('error', (error: Error) => {
    if (isDown) return;
    isDown = true;
    log.error({ connection: label, error: error.message }, `Redis (${label}) unreachable: ${error.message}; reconnecting`);
  });
  client.on('ready', () => {
    if (!isDown) return;
    isDown = false;
    log.info({ connection: label }, `Redis (${label}) reachable again`);
  });
}
