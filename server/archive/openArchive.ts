import type { RedisTarget } from '../redis/connectRedis.ts';
import type { RedisClient } from '../redis/redisClient.ts';
import pg from 'pg';
import type { Logger } from '../ops/logger.ts';
import type { RedisKeys } from '../redis/keys.ts';
import { startArchiver, type Archiver } from './archiver.ts';
import { migrate } from './migrate.ts';
import { prepareMeasurements } from '../reports/measurements.ts';

/** [AR1] The durable record as a server instance uses it: a connection pool and this instance's archiver. */
export interface Archive {
  pool: pg.Pool;
  archiver: Archiver;
  close(): Promise<void>;
}

export interface OpenArchiveOptions {
  databaseUrl: string;
  redis: RedisClient;
  redisTarget: RedisTarget;
  keys: RedisKeys;
  consumer: string;
  keepEntries: number;
  log: Logger;
  /**
   * [RP2c] The city's time zone: the stored measurements' hours and months are in it, built at start when missing
   * or built for another zone. Without it the intervals report reads the source tables directly.
   */
  timeZone?: string;
}

/** Connects to PostgreSQL, applies the archive's migrations, and starts copying the journal into it. */
export async function openArchive(options: OpenArchiveOptions): Promise<Archive> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 8, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // A database that restarts drops idle clients; the pool replaces them, so the event is only noted.
  pool.on('error', (error) => options.log.warn({ error: error.message }, `archive: idle connection lost: ${error.message}`));
  // A connection that dies while in use (PostgreSQL killed mid-query) fails that query, which its caller handles, and
  // also emits an error event: without a listener it would stop the whole server.
  pool.on('connect', (client) => client.on('error', (error) => options.log.warn({ error: error.message }, `archive: connection lost: ${error.message}`)));
  try {
    const applied = await migrate(pool);
    if (applied.length > 0) options.log.info({ migrations: applied }, `Archive schema: applied ${applied.join(', ')}`);
    if (options.timeZone !== undefined && (await prepareMeasurements(pool, options.timeZone))) options.log.info({ timeZone: options.timeZone }, `Archive: report measurements built for ${options.timeZone}`);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const archiver = startArchiver({ redis: options.redis, redisTarget: options.redisTarget, keys: options.keys, pool, consumer: options.consumer, keepEntries: options.keepEntries, log: options.log });
  return {
    pool,
    archiver,
    async close() {
      await archiver.stop();
      await pool.end();
    },
  };
}
