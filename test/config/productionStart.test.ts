import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAlive, pidIn } from '../../server/stores/folderOwner.ts';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config/readConfig.ts';
import { DEMO_USERS, demoUsersPresent } from '../../server/auth/demoUsers.ts';
import { findUserByName, setDisabled } from '../../server/auth/userStore.ts';
import { startTestServer } from '../support/testServer.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Runs the server's entry point with an environment, in a data folder of its own, and returns its exit code and output
 * (it is expected to refuse before listening), and whether it left an embedded Redis running there.
 */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string; leftRedis: boolean }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cad-production-'));
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: dataDir, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const redis = pidIn(join(dataDir, 'joburg', 'redis', 'redis.pid'));
      const leftRedis = redis !== null && isAlive(redis);
      if (leftRedis && redis !== null) process.kill(redis, 'SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      done({ code, output, leftRedis });
    });
  });
}

describe('[AU8] a production server refuses to start with demo accounts or without its own secret', () => {
  it('[AU8] NODE_ENV=production without SESSION_SECRET stops at once with the reason', async () => {
    const { code, output, leftRedis } = await start({ NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toMatch(/set SESSION_SECRET/);
    expect(leftRedis).toBe(false);
  }, 90_000);

  it('[AU8] NODE_ENV=production with DEMO_USERS=on stops at once', async () => {
    const { code, output, leftRedis } = await start({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DEMO_USERS: 'on' });
    expect(code).toBe(1);
    expect(output).toMatch(/leave DEMO_USERS off/);
    expect(leftRedis).toBe(false);
  }, 90_000);

  it('[AU8] a short secret, or half of the first administrator, is refused by name and never echoed', () => {
    expect(() => readConfig({ SESSION_SECRET: 'short-secret' })).toThrow(/SESSION_SECRET=\(hidden\): must be at least 32 characters/);
    expect(() => readConfig({ ADMIN_USERNAME: 'chief' })).toThrow(/set both ADMIN_USERNAME and ADMIN_PASSWORD/);
    expect(() => readConfig({ ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'tiny' })).toThrow(/ADMIN_PASSWORD=\(hidden\)/);
    expect(readConfig({ NODE_ENV: 'production', SESSION_SECRET: 'y'.repeat(40) })).toMatchObject({ NODE_ENV: 'production', SESSION_MINUTES: 780 });
  });

  it('[AU8] the production check finds every enabled demo user, and none once they are disabled', async () => {
    const app = await startTestServer();
    try {
      const ctx = app.server.ctx;
      expect(await demoUsersPresent(ctx)).toEqual(DEMO_USERS.map((u) => u.username));
      for (const user of DEMO_USERS) {
        const stored = await findUserByName(ctx, user.username);
        if (stored) await setDisabled(ctx, stored.id, true);
      }
      expect(await demoUsersPresent(ctx)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
