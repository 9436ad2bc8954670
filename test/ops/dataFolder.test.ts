import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/auth/demoUsers.ts';
import { incidentInput } from '../support/builders.ts';
import { connectWithCookie, send } from '../support/testClient.ts';
import { signIn } from '../support/testSession.ts';
import { isAlive, pidIn } from '../../server/stores/folderOwner.ts';
import { startServerProcess as startServer } from '../support/serverProcess.ts';


/** Live processes whose command line mentions `fragment` and `program` (Linux's /proc; redis-server rewrites its own, so it is found by its pid file). */
function processesWith(program: string, fragment: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const line = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (line.includes(program) && line.includes(fragment)) found.push(Number(entry));
    } catch {
      // the process ended while the list was read
    }
  }
  return found;
}

describe('[OPS8] one server per data folder: no orphaned or doubled embedded store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cad-folder-'));
  // The embedded PostgreSQL may run as its own account (the tests run as root on CI): it must reach the folder.
  chmodSync(dataDir, 0o755);
  const running: ChildProcess[] = [];
  const redisPidFile = join(dataDir, 'joburg', 'redis', 'redis.pid');
  afterAll(async () => {
    for (const child of running) child.kill('SIGTERM');
    await new Promise((done) => setTimeout(done, 3_000));
    const redis = pidIn(redisPidFile);
    if (redis !== null && isAlive(redis)) process.kill(redis, 'SIGKILL');
    for (const pid of processesWith('postgres', dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('[OPS8] kill -9 of the server, a restart on the same folder: one Redis and one PostgreSQL, nothing acknowledged lost; a second server on the folder is refused', async () => {
    const first = await startServer(dataDir);
    running.push(first.child);
    if (!first.url) throw new Error(`the first server did not start: ${(await first.exit).output}`);
    const cookie = await signIn(first.url, 'calltaker', DEMO_PASSWORD);
    const client = await connectWithCookie(first.url, cookie);
    const created = await send(client.socket, 'incident:create', incidentInput({ notes: 'before the crash' }));
    if (!created.ok) throw new Error(created.error.message);
    client.close();
    first.child.kill('SIGKILL');
    await first.exit;
    // The crash leaves the stores running: the next start must not start a second pair on the same files.
    const leftover = pidIn(redisPidFile);
    expect(leftover !== null && isAlive(leftover)).toBe(true);

    const second = await startServer(dataDir);
    running.push(second.child);
    if (!second.url) throw new Error(`the restart did not start: ${(await second.exit).output}`);
    const current = pidIn(redisPidFile);
    expect(leftover !== null && isAlive(leftover)).toBe(false);
    expect(current !== null && current !== leftover && isAlive(current)).toBe(true);
    // One postmaster on the cluster (its helpers rename themselves; the postmaster keeps its command line).
    expect(processesWith('bin/postgres -D', join(dataDir, 'joburg', 'postgres', 'cluster'))).toHaveLength(1);
    const again = await connectWithCookie(second.url, await signIn(second.url, 'calltaker', DEMO_PASSWORD));
    const found = await send(again.socket, 'incident:get', { reference: created.data.reference });
    again.close();
    expect(found.ok && found.data.id).toBe(created.data.id);

    const third = await startServer(dataDir);
    expect(third.url).toBeNull();
    const refused = await third.exit;
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/is in use: the server with process id \d+ runs the embedded Redis there/);
    expect(pidIn(redisPidFile)).toBe(current);
    expect(current !== null && isAlive(current)).toBe(true);
  }, 400_000);

  it('[OPS8] a start that fails (its port is taken) leaves nothing of its own running', async () => {
    const taken = running.at(-1);
    const otherDir = mkdtempSync(join(tmpdir(), 'cad-folder-failed-'));
    chmodSync(otherDir, 0o755);
    try {
      const blocker = await startServer(join(otherDir, 'blocker'));
      running.push(blocker.child);
      const port = blocker.url ? new URL(blocker.url).port : '';
      expect(port).not.toBe('');
      const failed = await startServer(join(otherDir, 'failed'), { PORT: port });
      expect(failed.url).toBeNull();
      expect((await failed.exit).code).not.toBe(0);
      const failedRedis = pidIn(join(otherDir, 'failed', 'joburg', 'redis', 'redis.pid'));
      expect(failedRedis === null || !isAlive(failedRedis)).toBe(true);
      expect(processesWith('postgres', join(otherDir, 'failed'))).toEqual([]);
      blocker.child.kill('SIGTERM');
      await blocker.exit;
    } finally {
      for (const pid of processesWith('postgres', otherDir)) process.kill(pid, 'SIGKILL');
      rmSync(otherDir, { recursive: true, force: true });
    }
    expect(taken).toBeDefined();
  }, 400_000);
});
