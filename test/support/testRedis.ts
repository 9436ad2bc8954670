import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedRedis, type EmbeddedRedis } from '../../server/redis/embeddedRedis.ts';

/** A redis-server of the test's own, on a free port, with its data in a fresh temporary folder. */
export async function startTestRedis(): Promise<EmbeddedRedis & { cleanup(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cad-redis-'));
  const redis = await startEmbeddedRedis({ dataDir });
  return {
    ...redis,
    async cleanup() {
      await redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
