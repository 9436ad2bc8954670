import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentInput, DISPATCHER } from '../support/builders.ts';
import { commandId, connectClient, send, type TestClient } from '../support/testClient.ts';
import { headersAs } from '../support/testSession.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

describe('[CM1] a command resent with the same id is applied once', () => {
  let app: TestServer;
  let dispatcher: TestClient;
  beforeAll(async () => {
    app = await startTestServer();
    dispatcher = await connectClient(app.url, DISPATCHER);
  });
  afterAll(async () => {
    dispatcher.close();
    await app.close();
  });

  const journalLength = (): Promise<number> => app.server.ctx.redis.xlen(app.server.ctx.keys.journal);

  it('[CM1] incident:create resent returns the first incident and creates nothing new; the id with another payload is refused', async () => {
    const input = incidentInput();
    const first = await send(dispatcher.socket, 'incident:create', input);
    const length = await journalLength();
    const again = await send(dispatcher.socket, 'incident:create', input);
    const third = await send(dispatcher.socket, 'incident:create', { ...input, notes: 'changed on resend' });
    expect(again).toEqual(first);
    expect(third.ok ? 'ok' : third.error.code).toBe('command_id_reused');
    expect(await journalLength()).toBe(length);
  });

  it('[CM1] resends racing the first attempt are applied once', async () => {
    const input = incidentInput();
    const length = await journalLength();
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(dispatcher.socket, 'incident:create', input)));
    const ids = new Set(answers.map((a) => (a.ok ? a.data.id : a.error.code)));
    expect(ids.size).toBe(1);
    expect(await journalLength()).toBe(length + 1);
  });

  it('[CM1] dispatch:assign resent after the state moved still returns its first answer', async () => {
    const created = await send(dispatcher.socket, 'incident:create', incidentInput());
    if (!created.ok) throw new Error(created.error.message);
    const assign = { commandId: commandId(), incidentId: created.data.id, unitIds: ['bls-b01'] };
    const first = await send(dispatcher.socket, 'dispatch:assign', assign);
    expect(first.ok).toBe(true);
    await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId: 'bls-b01', status: 'available' });
    const length = await journalLength();
    const resent = await send(dispatcher.socket, 'dispatch:assign', assign);
    expect(resent).toEqual(first);
    expect(await journalLength()).toBe(length);
    expect(await app.server.ctx.redis.hget(app.server.ctx.keys.unit('bls-b01'), 'status')).toBe('available');
  });

  it('[CM1] a refusal is the first answer too, and a command id cannot be reused for another command', async () => {
    const status = { commandId: commandId(), unitId: 'bls-b02', status: 'on_scene' };
    const refused = await send(dispatcher.socket, 'unit:status', status);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('status_transition_not_allowed');
    expect(await send(dispatcher.socket, 'unit:status', status)).toEqual(refused);
    // Even once the transition would be allowed, the resent command keeps its first answer.
    const created0 = await send(dispatcher.socket, 'incident:create', incidentInput());
    if (!created0.ok) throw new Error(created0.error.message);
    await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created0.data.id, unitIds: ['bls-b02'] });
    await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId: 'bls-b02', status: 'en_route' });
    expect(await send(dispatcher.socket, 'unit:status', status)).toEqual(refused);
    expect(await app.server.ctx.redis.hget(app.server.ctx.keys.unit('bls-b02'), 'status')).toBe('en_route');
    const input = incidentInput();
    const created = await send(dispatcher.socket, 'incident:create', input);
    if (!created.ok) throw new Error(created.error.message);
    const reused = await send(dispatcher.socket, 'incident:close', { commandId: input.commandId, incidentId: created.data.id, disposition: 'false_alarm' });
    expect(reused.ok ? 'ok' : reused.error.code).toBe('command_id_reused');
  });

  it('[CM1] the socket\'s gate binds a command id as HTTP does: sent on the socket, resent over HTTP, it gets its first answer; another payload is refused', async () => {
    const input = incidentInput();
    const first = await send(dispatcher.socket, 'incident:create', input);
    if (!first.ok) throw new Error(first.error.message);
    const length = await journalLength();
    const headers = await headersAs(app.url, DISPATCHER);
    const post = async (body: unknown): Promise<unknown> => (await fetch(`${app.url}/api/incidents`, { method: 'POST', headers, body: JSON.stringify(body) })).json();
    expect(await post(input)).toEqual(first);
    expect(await post({ ...input, notes: 'changed on resend' })).toMatchObject({ ok: false, error: { code: 'command_id_reused' } });
    expect(await journalLength()).toBe(length);
    // The binding is the one the gate wrote, in its round trip: the command's name and its payload's digest.
    expect(await app.server.ctx.redis.get(app.server.ctx.keys.commandFingerprint(input.commandId))).toMatch(/^incident:create [A-Za-z0-9_-]{22}$/);
  });

  it('[CM1][CM5] a socket command refused before it runs binds nothing: once put right, the same command id goes through', async () => {
    const input = incidentInput();
    const fromTheFuture = await send(dispatcher.socket, 'incident:create', { ...input, callStartedAt: Date.now() + 3_600_000 });
    expect(fromTheFuture.ok ? 'ok' : fromTheFuture.error.code).toBe('validation_failed');
    const crew = await connectClient(app.url, { role: 'crew', operatorId: 'idem-crew' });
    try {
      const forbidden = await send(crew.socket, 'incident:create', input);
      expect(forbidden.ok ? 'ok' : forbidden.error.code).toBe('forbidden');
    } finally {
      crew.close();
    }
    const malformed = await send(dispatcher.socket, 'incident:create', { ...input, location: 'nowhere' });
    expect(malformed.ok ? 'ok' : malformed.error.code).toBe('validation_failed');
    expect(await app.server.ctx.redis.exists(app.server.ctx.keys.commandFingerprint(input.commandId))).toBe(0);
    const created = await send(dispatcher.socket, 'incident:create', input);
    expect(created.ok ? 'ok' : created.error.code).toBe('ok');
  });

  it('[CM1] over HTTP as well: the same commandId is applied once', async () => {
    const input = incidentInput();
    const headers = await headersAs(app.url, { role: 'call_taker', operatorId: 'ct-http' });
    const post = (): Promise<Response> => fetch(`${app.url}/api/incidents`, { method: 'POST', headers, body: JSON.stringify(input) });
    const length = await journalLength();
    const first = (await (await post()).json()) as unknown;
    const second = (await (await post()).json()) as unknown;
    expect(second).toEqual(first);
    expect(await journalLength()).toBe(length + 1);
  });
});
