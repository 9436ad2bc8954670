import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/redisClient.ts';
import type { RedisKeys } from '../redis/keys.ts';

/**
 * The secret sessions are signed with. Configured (`SESSION_SECRET`) in production; otherwise one is
 * generated once and kept in Redis so that every instance of the deployment shares it.
 */
export async function sessionSecret(redis: RedisClient, keys: RedisKeys, configured: string | undefined): Promise<{ secret: string; isGenerated: boolean }> {
  if (configured) return { secret: configured, isGenerated: false };
  await redis.set(keys.sessionSecret, randomBytes(32).toString('base64url'), 'NX');
  const secret = await redis.get(keys.sessionSecret);
  if (!secret) throw new Error('the session secret could not be kept in Redis');
  return { secret, isGenerated: true };
}
