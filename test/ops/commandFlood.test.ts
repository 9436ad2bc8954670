import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/auth/demoUsers.ts';
import { FLOOD_REFUSALS_TO_CLOSE } from '../../server/realtime/connectionLoad.ts';
import { incidentInput } from '../support/builders.ts';
import { commandId, connectWithCookie, send, type TestClient } from '../support/testClient.ts';
import { signIn } from '../support/testSession.ts';
import { startServerProcess, type StartedServer } from '../support/serverProcess.ts';
import { setTimeout as sleep } from 'node:timers/promises';


/** One figure of the server process's own metrics (a line without labels). */
async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((row) => row.startsWith(`${name} `));
  return Number(line?.split(' ')[1] ?? Number.NaN);
}

/** Emits `incident:create` as fast as the socket takes it, never waiting for answers, until `isRunning` is false; counts the answers by code. */
async function flood(client: TestClient, isRunning: () => boolean, answers: Map<string, number>): Promise<number> {
  let sent = 0;
  while (isRunning() && client.socket.connected) {
    for (let i = 0; i < 100; i += 1) {
      sent += 1;
      void send(client.socket, 'incident:create', { ...incidentInput({ notes: 'flood' }), commandId: commandId() }).then((answer) => {
        const code = answer.ok ? 'ok' : answer.error.code;
        answers.set(code, (answers.get(code) ?? 0) + 1);
      });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return sent;
}

describe('[OPS12] a client that floods commands is refused, and everyone else is still answered', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cad-flood-'));
  chmodSync(dataDir, 0o755);
  let server: StartedServer | null = null;
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    if (server) await Promise.race([server.exit, sleep(30_000)]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('[OPS12] two sockets flooding incident:create for 20 s: told rate_limited, then cut off; another console answered within a second throughout; the server under 512 MB', async () => {
    server = await startServerProcess(dataDir);
    const { url } = server;
    if (!url) throw new Error(`the server did not start: ${server.output()}`);
    const floodCookie = await signIn(url, 'calltaker', DEMO_PASSWORD);
    const [floodA, floodB] = await Promise.all([connectWithCookie(url, floodCookie), connectWithCookie(url, floodCookie)]);
    const dispatcher = await connectWithCookie(url, await signIn(url, 'dispatcher', DEMO_PASSWORD, 'combined'));
    let isRunning = true;
    const answers = new Map<string, number>();
    const floods = Promise.all([flood(floodA, () => isRunning, answers), flood(floodB, () => isRunning, answers)]);
    const waits: number[] = [];
    const refusedVictims: string[] = [];
    let peakRss = 0;
    const startedAt = performance.now();
    while (performance.now() - startedAt < 20_000) {
      const sentAt = performance.now();
      const answer = await send(dispatcher.socket, 'incident:create', { ...incidentInput({ notes: 'the other console' }), commandId: commandId() });
      waits.push(performance.now() - sentAt);
      if (!answer.ok) refusedVictims.push(answer.error.code);
      peakRss = Math.max(peakRss, await metric(url, 'process_resident_memory_bytes'));
      await sleep(250);
    }
    isRunning = false;
    const sent = (await floods).reduce((sum, n) => sum + n, 0);
    await sleep(2_000);
    console.log(`flood: ${sent} sent by two sockets in 20 s (${JSON.stringify(Object.fromEntries(answers))}), the other console's waits p50 ${waits.sort((a, b) => a - b)[Math.floor(waits.length / 2)]?.toFixed(0)} ms max ${Math.max(...waits).toFixed(0)} ms, server RSS peak ${(peakRss / 1048576).toFixed(0)} MB`);
    // The flooders were told they are limited, then cut off.
    expect(answers.get('rate_limited') ?? 0).toBeGreaterThanOrEqual(FLOOD_REFUSALS_TO_CLOSE);
    expect([...answers.keys()].filter((code) => code !== 'ok' && code !== 'rate_limited')).toEqual([]);
    expect([floodA.socket.connected, floodB.socket.connected]).toEqual([false, false]);
    expect(await metric(url, 'cad_flood_disconnects_total')).toBeGreaterThanOrEqual(2);
    // The other console: every command answered ok, each within a second.
    expect(refusedVictims).toEqual([]);
    expect(waits.length).toBeGreaterThan(40);
    expect(Math.max(...waits)).toBeLessThan(1_000);
    expect(peakRss).toBeLessThan(512 * 1024 * 1024);
    // And the server is itself again at once.
    const after = performance.now();
    expect((await send(dispatcher.socket, 'incident:create', { ...incidentInput({ notes: 'after the flood' }), commandId: commandId() })).ok).toBe(true);
    expect(performance.now() - after).toBeLessThan(1_000);
    for (const client of [floodA, floodB, dispatcher]) client.close();
  }, 180_000);
});
