import type { Redis } from 'ioredis';

/**
 * Logs a Redis connection going down once, and coming back once, instead of every retry.
 * ioredis queues commands while it reconnects, so a short outage delays commands rather than failing them.
 */
export function watchConnection(client: Redis, label: string): void {
  let isDown = false;
  client.on('error', (error: Error) => {
    if (isDown) return;
    isDown = true;
    console.error(`Redis (${label}) unreachable: ${error.message}; reconnecting`);
  });
  client.on('ready', () => {
    if (!isDown) return;
    isDown = false;
    console.log(`Redis (${label}) reachable again`);
  });
}
