import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadServer, type CadServer } from '../../server/app/createCadServer.ts';
import { incidentInput, crewSession, CALL_TAKER, DISPATCHER } from '../support/builders.ts';
import { commandId, connectClient, connectWithCookie, send, waitForDelta } from '../support/testClient.ts';
import { joburgCity, testServerOptions } from '../support/testServer.ts';
import { postJson, sessionCookie } from '../support/testSession.ts';
import { startTestRedis } from '../support/testRedis.ts';

describe('[SO1] several stateless instances share one live state', () => {
  let redis: Awaited<ReturnType<typeof startTestRedis>>;
  let east: CadServer;
  let west: CadServer;

  beforeAll(async () => {
    redis = await startTestRedis();
    east = await createCadServer({ redisUrl: redis.url, city: joburgCity(), ...testServerOptions({ positionFrameMs: 50 }) });
    west = await createCadServer({ redisUrl: redis.url, city: joburgCity(), ...testServerOptions({ positionFrameMs: 50 }) });
  });
  afterAll(async () => {
    await east.close();
    await west.close();
    await redis.cleanup();
  });

  it('[SO1][AU6] a session signed in on one instance works on the other, and signing out on one ends it on both at once', async () => {
    const identity = { role: 'supervisor', operatorId: 'sup-scale' } as const;
    const cookie = await sessionCookie(east.url, identity);
    const onWest = await connectWithCookie(west.url, cookie);
    const ended = new Promise<string>((resolve) => onWest.socket.once('session:ended', (notice) => resolve(notice.reason)));
    const dropped = new Promise<void>((resolve) => onWest.socket.once('disconnect', () => resolve()));
    const out = await postJson(east.url, '/api/session/sign-out', cookie, {});
    expect(out.body.ok).toBe(true);
    expect(await ended).toBe('signed_out');
    await dropped;
    const again = await fetch(`${west.url}/api/state`, { headers: { cookie } });
    expect(again.status).toBe(401);
  });

  it('[SO1] a dispatcher on one instance sees at once what a call-taker on the other captured', async () => {
    const callTaker = await connectClient(east.url, CALL_TAKER);
    const dispatcher = await connectClient(west.url, DISPATCHER);
    const created = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'crime_in_progress' }));
    if (!created.ok) throw new Error(created.error.message);
    const seen = await waitForDelta(dispatcher, (d) => d.incidents[0]?.id === created.data.id);
    expect(seen.incidents[0]).toEqual(created.data);
    callTaker.close();
    dispatcher.close();
  });

  it('[SO1][DS2] dispatchers on two instances racing for one unit: one wins', async () => {
    const a = await connectClient(east.url, DISPATCHER);
    const b = await connectClient(west.url, { role: 'dispatcher', operatorId: 'disp-2' });
    const one = await send(a.socket, 'incident:create', incidentInput());
    const two = await send(b.socket, 'incident:create', incidentInput());
    if (!one.ok || !two.ok) throw new Error('create failed');
    const answers = await Promise.all([
      send(a.socket, 'dispatch:assign', { commandId: commandId(), incidentId: one.data.id, unitIds: ['jmpd-c01'] }),
      send(b.socket, 'dispatch:assign', { commandId: commandId(), incidentId: two.data.id, unitIds: ['jmpd-c01'] }),
    ]);
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    expect(answers.map((x) => (x.ok ? 'ok' : x.error.code)).sort()).toEqual(['ok', 'unit_not_available']);
    a.close();
    b.close();
  });

  it('[RT4] positions sent to one instance reach consoles on the other, coalesced into frames', async () => {
    const crew = await connectClient(east.url, crewSession('bls-c01'));
    const dispatcher = await connectClient(west.url, DISPATCHER);
    const frames: { unitId: string; position: [number, number] }[][] = [];
    dispatcher.socket.on('units:moved', (frame) => frames.push(frame));
    const start = Date.now();
    for (let i = 0; i < 20; i += 1) {
      const answer = await send(crew.socket, 'unit:position', { commandId: commandId(), unitId: 'bls-c01', position: [28.0 + i * 0.001, -26.2], fixAt: start + i });
      expect(answer.ok).toBe(true);
    }
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline && frames.flat().at(-1)?.position[0] !== 28.019) await new Promise((r) => setTimeout(r, 20));
    const fixes = frames.flat().filter((fix) => fix.unitId === 'bls-c01');
    expect(fixes.at(-1)?.position).toEqual([28.019, -26.2]);
    // 20 fixes sent back to back arrive in far fewer messages than fixes.
    expect(frames.length).toBeLessThan(20);
    crew.close();
    dispatcher.close();
  });
});
