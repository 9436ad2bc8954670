import { createHash } from 'node:crypto';
import type { RedisClient } from './redisClient.ts';
import { commandDeadline } from './redisClock.ts';

/**
 * A Lua script run by SHA with a fallback to EVAL when the server has not cached it (e.g. after a restart). A
 * command script (`hasDeadline`) gets its deadline as a last argument: now on Redis's clock plus
 * `COMMAND_DEADLINE_MS` (OPS10).
 */
export class LuaScript {
  readonly sha: string;

  constructor(
    readonly name: string,
    readonly source: string,
    readonly hasDeadline = false,
  ) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script atomically with `keys` and `args`; the reply is whatever the script returns. */
  async run(redis: RedisClient, keys: readonly string[], givenArgs: readonly (string | number)[]): Promise<unknown> {
    const args = this.hasDeadline ? [...givenArgs, commandDeadline(redis)] : givenArgs;
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      // NOSCRIPT after a Redis restart or failover: send the source once, Redis caches it again.
      if (error instanceof Error && error.message.startsWith('NOSCRIPT')) {
        return redis.eval(this.source, keys.length, ...keys, ...args);
      }
      throw error;
    }
  }
}
