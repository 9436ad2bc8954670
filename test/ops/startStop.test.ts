import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAlive, pidIn } from '../../server/stores/folderOwner.ts';
import { startTestPostgres } from '../support/testPostgres.ts';
import { startTestRedis } from '../support/testRedis.ts';
import { runUntilUrl as run } from '../support/serverProcess.ts';

const ROOT = resolve(import.meta.dirname, '../..');

const hasDocker = ((): boolean => {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
})();

if (!hasDocker) console.log('Docker is not available on this machine (`docker info` fails): the image build test is skipped; the image\'s command is tested without it.');

describe('[OPS9] start and stop', () => {
  it('[OPS9] `npm start` hands over to the server process: SIGTERM to npm stops the server and its embedded stores', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cad-start-'));
    chmodSync(dataDir, 0o755);
    try {
      const started = await run('npm', ['start', '--silent'], { DATA_DIR: dataDir });
      if (!started.url) throw new Error(`npm start did not start: ${started.output()}`);
      expect((await fetch(`${started.url}/api/health`)).status).toBe(200);
      const redisPid = pidIn(join(dataDir, 'joburg', 'redis', 'redis.pid'));
      expect(redisPid !== null && isAlive(redisPid)).toBe(true);
      started.child.kill('SIGTERM');
      const code = await Promise.race([started.exit.then((exit) => exit.code), new Promise<'hung'>((done) => setTimeout(() => done('hung'), 60_000))]);
      expect(code).not.toBe('hung');
      await expect(fetch(`${started.url}/api/health`)).rejects.toThrow();
      expect(redisPid !== null && isAlive(redisPid)).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);

  it('[OPS9] the image\'s command (the built server under node as the main process, production, external Redis and PostgreSQL) starts, serves and stops on SIGTERM', async () => {
    // As the image's build stage does: the server's bundle, then the image's CMD.
    execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
    const redis = await startTestRedis();
    const postgres = await startTestPostgres();
    try {
      const started = await run(process.execPath, ['--enable-source-maps', 'dist/server/main.mjs'], {
        NODE_ENV: 'production',
        REDIS_URL: redis.url,
        DATABASE_URL: postgres.url,
        SESSION_SECRET: 'an-image-test-secret-of-forty-characters!',
        ADMIN_USERNAME: 'chief',
        ADMIN_PASSWORD: 'a long image password',
        HOST: '127.0.0.1',
      });
      if (!started.url) throw new Error(`the image's command did not start: ${started.output()}`);
      const signIn = await fetch(`${started.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'chief', password: 'a long image password' }) });
      expect(signIn.status).toBe(200);
      started.child.kill('SIGTERM');
      expect((await started.exit).code).toBe(0);
    } finally {
      await redis.cleanup();
      await postgres.cleanup();
    }
  }, 300_000);

  it.skipIf(!hasDocker)('[OPS9] `docker build` builds the image (skipped where Docker is not available)', () => {
    execFileSync('docker', ['build', '-t', 'emergency-connect-cad:test', '.'], { cwd: ROOT, stdio: 'inherit', timeout: 900_000 });
    execFileSync('docker', ['compose', 'config', '--quiet'], { cwd: ROOT, env: { ...process.env, SESSION_SECRET: 'x'.repeat(40) }, stdio: 'inherit' });
  }, 900_000);
});
