import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentSchema } from '../../shared/incidents/incidentSchema.ts';
import { CallRecordSchema } from '../../shared/callers/callerSchema.ts';
import { CBD, incidentInput, CALL_TAKER } from '../support/builders.ts';
import { commandId, connectClient, send, waitForDelta, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

describe('[IC9] anonymous and withheld callers', () => {
  let app: TestServer;
  let callTaker: TestClient;
  let supervisor: TestClient;

  beforeAll(async () => {
    app = await startTestServer();
    callTaker = await connectClient(app.url, CALL_TAKER);
    supervisor = await connectClient(app.url, { role: 'supervisor', operatorId: 'sup-1' });
  });
  afterAll(async () => {
    callTaker.close();
    supervisor.close();
    await app.close();
  });

  it('[IC9] an incident is created with only a location and a type: unknown caller, no number', async () => {
    const created = await send(callTaker.socket, 'incident:create', { commandId: commandId(), type: 'structure_fire', location: CBD });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.data).toMatchObject({ callerName: null, callbackNumber: null, callbackStatus: 'none', status: 'pending' });
    const delta = await waitForDelta(supervisor, (d) => d.fact === 'incident:created' && d.incidents[0]?.id === created.data.id);
    // No number: the call joins no number's history.
    expect(delta.calls[0]).toMatchObject({ number: null, callbackStatus: 'none', callerName: '' });
  });

  it('[IC9] empty strings and "withheld" are accepted and normalised; the name may still be given', async () => {
    const empty = await send(callTaker.socket, 'incident:create', incidentInput({ callerName: '  ', callbackNumber: '' }));
    expect(empty.ok && { name: empty.data.callerName, number: empty.data.callbackNumber, status: empty.data.callbackStatus }).toEqual({ name: null, number: null, status: 'none' });
    const withheld = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'structure_fire', callerName: 'Unknown', callbackNumber: 'Withheld' }));
    if (!withheld.ok) throw new Error(withheld.error.message);
    expect(withheld.data).toMatchObject({ callerName: null, callbackNumber: null, callbackStatus: 'withheld' });
    const named = await send(callTaker.socket, 'incident:create', incidentInput({ callerName: 'Gogo Mbeki', callbackNumber: 'private' }));
    expect(named.ok && [named.data.callerName, named.data.callbackStatus]).toEqual(['Gogo Mbeki', 'withheld']);
    const given = await send(callTaker.socket, 'incident:create', incidentInput({ callbackNumber: '082 555 7001' }));
    expect(given.ok && [given.data.callbackNumber, given.data.callbackStatus]).toEqual(['082 555 7001', 'given']);
  });

  it('[IC9][CM4] text that is neither a number nor "withheld" is still refused, naming the field', async () => {
    const refused = await send(callTaker.socket, 'incident:create', incidentInput({ callbackNumber: 'call me later' }));
    expect(refused.ok ? 'ok' : refused.error.issues?.map((i) => i.path)).toEqual(['callbackNumber']);
  });

  it('[IC9][CH1][CH3] caller history and the hoax flag skip a call with no number and still work for numbers', async () => {
    const { redis, keys } = app.server.ctx;
    const before = await redis.keys(keys.callerCalls('*'));
    for (let i = 0; i < 2; i += 1) {
      const hoax = await send(callTaker.socket, 'call:dispose', { commandId: commandId(), callbackNumber: 'withheld', disposition: 'hoax' });
      expect(hoax.ok && [hoax.data.number, hoax.data.callbackStatus]).toEqual([null, 'withheld']);
    }
    const abandoned = await send(callTaker.socket, 'call:dispose', { commandId: commandId(), disposition: 'abandoned' });
    expect(abandoned.ok && abandoned.data.callbackStatus).toBe('none');
    expect(await redis.keys(keys.callerCalls('*'))).toEqual(before);
    expect(await redis.smembers(keys.hoaxNumbers)).toEqual([]);

    const number = '011 555 0777';
    await send(callTaker.socket, 'call:dispose', { commandId: commandId(), callbackNumber: number, disposition: 'hoax' });
    await send(callTaker.socket, 'call:dispose', { commandId: commandId(), callbackNumber: number, disposition: 'hoax' });
    const history = await send(callTaker.socket, 'caller:history', { callbackNumber: number });
    expect(history.ok && [history.data.calls.length, history.data.isFlagged]).toEqual([2, true]);
  });

  it('[IC9][DU1][DU2] duplicates are offered for an anonymous call, and an anonymous caller can be linked', async () => {
    const first = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'road_accident', location: [28.1, -26.1], callbackNumber: '' }));
    if (!first.ok) throw new Error(first.error.message);
    const offered = await send(callTaker.socket, 'incident:duplicates', { location: [28.1001, -26.1001], type: 'road_accident' });
    expect(offered.ok && offered.data.map((c) => c.incident.id)).toContain(first.data.id);
    const linked = await send(callTaker.socket, 'incident:link_caller', { commandId: commandId(), incidentId: first.data.id, callbackNumber: 'withheld', notes: 'passer-by' });
    if (!linked.ok) throw new Error(linked.error.message);
    expect(linked.data.additionalCallers).toEqual([expect.objectContaining({ callerName: null, callbackNumber: null, callbackStatus: 'withheld', notes: 'passer-by' })]);
  });

  it('[IC9] incidents, linked callers and call records stored before IC9 still parse (strings, no status)', async () => {
    const created = await send(callTaker.socket, 'incident:create', incidentInput({ callbackNumber: '082 555 7002' }));
    if (!created.ok) throw new Error(created.error.message);
    const { redis, keys } = app.server.ctx;
    // As written before IC9: the same document without `callbackStatus`.
    const oldDoc: Record<string, unknown> = { ...created.data };
    delete oldDoc.callbackStatus;
    const oldCaller = { callerName: 'Sipho', callbackNumber: '072 555 0199', notes: '', linkedAt: 1, linkedBy: 'ct-1' };
    await redis.hset(keys.incident(created.data.id), 'doc', JSON.stringify({ ...oldDoc, additionalCallers: [oldCaller] }));
    const found = await send(callTaker.socket, 'incident:get', { reference: created.data.reference });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.data).toMatchObject({ callerName: 'Thandi Mokoena', callbackNumber: '082 555 7002', callbackStatus: 'given' });
    expect(found.data.additionalCallers[0]?.callbackStatus).toBe('given');
    expect(IncidentSchema.parse(oldDoc).callbackStatus).toBe('given');
    const oldRecord = { id: 'c1', at: 1, number: '27825557002', callerName: 'Thandi', operatorId: 'ct-1', outcome: 'incident', incidentId: created.data.id, disposition: null, notes: '' };
    expect(CallRecordSchema.parse(oldRecord).callbackStatus).toBe('given');
  });
});
