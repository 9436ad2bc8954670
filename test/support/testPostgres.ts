import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../server/archive/embeddedPostgres.ts';
import { migrate } from '../../server/archive/migrate.ts';

/** A PostgreSQL server of the test's own, on a free port, in a fresh temporary folder (never the machine's service). */
export async function startTestPostgres(): Promise<EmbeddedPostgres & { cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'cad-pg-'));
  const postgres = await startEmbeddedPostgres({ dir, isThrowaway: true });
  return {
    ...postgres,
    async cleanup() {
      await postgres.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestArchiveDatabase {
  pool: pg.Pool;
  close(): Promise<void>;
}

/** An archive database of the test's own, migrated, with a pool on it: for tests of the record without a server. */
export async function startTestArchiveDatabase(): Promise<TestArchiveDatabase> {
  const postgres = await startTestPostgres();
  const pool = new pg.Pool({ connectionString: postgres.url });
  // The server's shutdown at the end ends any idle connection the pool still holds.
  pool.on('error', () => undefined);
  await migrate(pool);
  return {
    pool,
    async close() {
      await pool.end();
      await postgres.cleanup();
    },
  };
}
