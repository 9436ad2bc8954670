import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../server/archive/embeddedPostgres.ts';

export interface BenchPostgres extends EmbeddedPostgres {
  /** `SHOW server_version`. */
  version: string;
  /** Stops the server and deletes its folder. */
  cleanup(): Promise<void>;
}

/**
 * A PostgreSQL of the benchmark's own in a fresh temporary folder, on a free port, with the archive's production
 * settings (fsync and synchronous commit on): the figures are those of a durable record, not of a test's
 * throwaway one. Never the machine's own cluster.
 */
export async function startBenchPostgres(): Promise<BenchPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'cad-bench-pg-'));
  let postgres: EmbeddedPostgres;
  try {
    postgres = await startEmbeddedPostgres({ dir, isThrowaway: false });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const client = new pg.Client(postgres.url);
  await client.connect();
  const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? 'unknown';
  await client.end();
  return {
    ...postgres,
    version,
    async cleanup() {
      await postgres.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
