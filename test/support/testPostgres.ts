import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../server/archive/embeddedPostgres.ts';

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
