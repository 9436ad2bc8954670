import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { DISPATCHER, incidentInput } from '../support/builders.ts';
import { connectClient, send } from '../support/testClient.ts';
import { postJson, sessionCookie } from '../support/testSession.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/**
 * Holds every write in Redis for `ms` (reads go on): a command sent now stays in flight that long, as one would
 * behind a slow disk.
 */
async function holdWrites(url: string, ms: number): Promise<void> {
  const client = new Redis(url);
  try {
    await client.call('CLIENT', 'PAUSE', String(ms), 'WRITE');
  } finally {
    client.disconnect();
  }
}

describe('[OPS4] a stopping server drains: no new command, those running answered, then the sockets close', () => {
  let t: TestServer | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('[OPS4] a command in flight when the drain begins completes and is answered; one sent during the drain is refused server_draining and not applied; readiness goes 503 at once', async () => {
    const server = await startTestServer();
    t = server;
    const dispatcher = await connectClient(server.url, DISPATCHER);
    const cookie = await sessionCookie(server.url, DISPATCHER);
    const versionBefore = Number((await server.server.ctx.redis.get(server.server.ctx.keys.version)) ?? 0);

    await holdWrites(server.redis.url, 1_500);
    const inFlight = send(dispatcher.socket, 'incident:create', incidentInput({ notes: 'in flight when the drain began' }));
    await expect.poll(() => server.server.ctx.ops.gate.inFlight, { timeout: 5_000, interval: 5 }).toBeGreaterThan(0);
    const drainStartedAt = performance.now();
    const drained = server.server.drain();

    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, reason: 'draining' });
    expect(performance.now() - drainStartedAt).toBeLessThan(1_000);

    const lateInput = incidentInput({ notes: 'sent during the drain' });
    const late = await send(dispatcher.socket, 'incident:create', lateInput);
    expect(late).toMatchObject({ ok: false, error: { code: 'server_draining' } });
    const lateHttp = await postJson(server.url, '/api/incidents', cookie, incidentInput({ notes: 'sent during the drain over HTTP' }));
    expect(lateHttp.status).toBe(503);
    expect(lateHttp.body).toMatchObject({ ok: false, error: { code: 'server_draining' } });

    const answered = await inFlight;
    if (!answered.ok) throw new Error(answered.error.message);
    expect(answered.data.notes).toBe('in flight when the drain began');
    expect(await drained).toEqual({ unfinished: 0 });

    // Only the command in flight was applied; the refused ones left nothing, not even under their command id.
    const ctx = server.server.ctx;
    expect(Number(await ctx.redis.get(ctx.keys.version))).toBe(versionBefore + 1);
    expect(await ctx.redis.exists(ctx.keys.commandFingerprint(lateInput.commandId))).toBe(0);

    // Closing drops the sockets at the transport, so a client reconnects by itself (to another instance).
    const reason = new Promise<string>((resolve) => dispatcher.socket.once('disconnect', resolve));
    await server.server.close();
    expect(await reason).toBe('transport close');
    expect((await fetch(`${server.url}/livez`).catch(() => null))?.status ?? 'closed').toBe('closed');
  });

  it('[OPS4] the drain waits no longer than its timeout for a command that does not finish', async () => {
    const server = await startTestServer();
    t = server;
    const dispatcher = await connectClient(server.url, DISPATCHER);
    await holdWrites(server.redis.url, 3_000);
    const stuck = send(dispatcher.socket, 'incident:create', incidentInput());
    await expect.poll(() => server.server.ctx.ops.gate.inFlight, { timeout: 5_000, interval: 5 }).toBeGreaterThan(0);
    const startedAt = performance.now();
    expect(await server.server.drain(300)).toEqual({ unfinished: 1 });
    const waited = performance.now() - startedAt;
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(1_500);
    // Still answered once Redis takes writes again, while the sockets are open: truthfully, as its script reached
    // Redis past its deadline (OPS10), `unavailable`, and nothing applied.
    expect(await stuck).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await server.server.ctx.redis.zcard(server.server.ctx.keys.openIncidents)).toBe(0);
    dispatcher.close();
  });
});
