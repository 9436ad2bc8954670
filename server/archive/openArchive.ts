import type { Redis } from 'ioredis';
import pg from 'pg';
import type { RedisKeys } from '../redis/keys.ts';
import { startArchiver, type Archiver } from './archiver.ts';
import { migrate } from './migrate.ts';

/** [AR1] The durable record as a server instance uses it: a connection pool and this instance's archiver. */
export interface Archive {
  pool: pg.Pool;
  archiver: Archiver;
  close(): Promise<void>;
}

export interface OpenArchiveOptions {
  databaseUrl: string;
  redis: Redis;
  redisUrl: string;
  keys: RedisKeys;
  consumer: string;
  keepEntries: number;
}

/** Connects to PostgreSQL, applies the archive's migrations, and starts copying the journal into it. */
export async function openArchive(options: OpenArchiveOptions): Promise<Archive> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 8, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // A database that restarts drops idle clients; the pool replaces them, so the event is only noted.
  pool.on('error', (error) => console.error(`archive: idle connection lost: ${error.message}`));
  try {
    const applied = await migrate(pool);
    if (applied.length > 0) console.log(`Archive schema: applied ${applied.join(', ')}`);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const archiver = startArchiver({ redis: options.redis, redisUrl: options.redisUrl, keys: options.keys, pool, consumer: options.consumer, keepEntries: options.keepEntries });
  return {
    pool,
    archiver,
    async close() {
      await archiver.stop();
      await pool.end();
    },
  };
}
