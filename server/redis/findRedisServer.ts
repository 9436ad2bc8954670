import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The absolute path of a `redis-server` binary on PATH or in the usual Debian places, or null. */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | null {
  return findRedisBinary('redis-server', env);
}

/** The absolute path of a Redis binary (`redis-server`, `redis-cli`) on PATH or in the usual Debian places, or null. */
export function findRedisBinary(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs = [...(env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin', '/usr/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory; try the next one
    }
  }
  return null;
}

/** What to tell a person whose machine has no redis-server. */
export const REDIS_MISSING_MESSAGE =
  'No redis-server binary was found. Emergency Connect keeps its live state in Redis and starts its own ' +
  'redis-server when REDIS_URL is not set. Install it (Debian/Ubuntu: `sudo apt-get install redis-server`; ' +
  'macOS: `brew install redis`) and run the command again, or point the system at an existing Redis 7 ' +
  'server with REDIS_URL=redis://host:6379.';
