import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentInput, CALL_TAKER } from '../support/builders.ts';
import { commandId, connectClient, send, waitForDelta, type TestClient } from '../support/testClient.ts';
import { headersAs } from '../support/testSession.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

describe('caller history, hoax registry and duplicates at intake', () => {
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

  it('[CH1] a callback number shows its earlier calls, whatever way it is written', async () => {
    const created = await send(callTaker.socket, 'incident:create', incidentInput({ callbackNumber: '082 555 0001' }));
    if (!created.ok) throw new Error(created.error.message);
    await send(callTaker.socket, 'call:dispose', { commandId: commandId(), callbackNumber: '0825550001', disposition: 'accidental' });
    const history = await send(callTaker.socket, 'caller:history', { callbackNumber: '+27 82 555 0001' });
    if (!history.ok) throw new Error(history.error.message);
    expect(history.data.number).toBe('27825550001');
    expect(history.data.calls.map((c) => c.outcome)).toEqual(['disposition', 'incident']);
    expect(history.data.calls[1]?.incidentId).toBe(created.data.id);
    expect(history.data.calls[0]?.operatorId).toBe('ct-1');
    expect(history.data.isFlagged).toBe(false);
  });

  it('[CH3] repeated hoaxes flag the number on its next call; the call is still taken', async () => {
    const number = '011 555 0666';
    for (let i = 0; i < 2; i += 1) {
      const disposed = await send(callTaker.socket, 'call:dispose', { commandId: commandId(), callbackNumber: number, disposition: 'hoax', notes: `prank ${i}` });
      expect(disposed.ok).toBe(true);
    }
    const history = await send(callTaker.socket, 'caller:history', { callbackNumber: number });
    if (!history.ok) throw new Error(history.error.message);
    expect(history.data.isFlagged).toBe(true);
    expect(history.data.hoaxCount).toBe(2);
    expect(history.data.flagReason).toMatch(/answer as usual/);
    const real = await send(callTaker.socket, 'incident:create', incidentInput({ callbackNumber: number, type: 'structure_fire' }));
    expect(real.ok).toBe(true);
  });

  it('[CH4] the hoax registry exports each hoax call with its time and call-taker, as JSON and CSV', async () => {
    const registry = await send(supervisor.socket, 'hoax:registry', {});
    if (!registry.ok) throw new Error(registry.error.message);
    const entry = registry.data.numbers.find((n) => n.number === '27115550666');
    expect(entry?.calls).toHaveLength(2);
    expect(entry?.calls.every((c) => c.operatorId === 'ct-1' && c.at > 0)).toBe(true);
    const csv = await fetch(`${app.url}/api/callers/hoax-registry.csv`, { headers: await headersAs(app.url, { role: 'supervisor', operatorId: 'sup-1' }) });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('number,flagged,call_time_utc,call_taker,caller_name,notes');
    expect(lines.filter((line) => line.startsWith('27115550666,'))).toHaveLength(2);
    const forbidden = await send(callTaker.socket, 'hoax:registry', {});
    expect(forbidden.ok ? 'ok' : forbidden.error.code).toBe('forbidden');
  });

  it('[DU1] a second caller nearby is offered the open incident, scored, with distance and age', async () => {
    const first = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'road_accident', location: [28.0300, -26.1500] }));
    if (!first.ok) throw new Error(first.error.message);
    const offered = await send(callTaker.socket, 'incident:duplicates', { location: [28.0310, -26.1505], type: 'road_accident_entrapment' });
    if (!offered.ok) throw new Error(offered.error.message);
    const top = offered.data[0];
    expect(top?.incident.id).toBe(first.data.id);
    expect(top?.distanceMeters).toBeGreaterThan(50);
    expect(top?.distanceMeters).toBeLessThan(150);
    expect(top?.isLikely).toBe(true);
    const farAway = await send(callTaker.socket, 'incident:duplicates', { location: [27.9, -26.3], type: 'road_accident' });
    expect(farAway.ok && farAway.data.map((c) => c.incident.id)).not.toContain(first.data.id);
  });

  it('[DU2] linking a duplicate adds the caller to the incident and creates nothing new', async () => {
    const first = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'structure_fire', location: [28.05, -26.19] }));
    if (!first.ok) throw new Error(first.error.message);
    const { redis, keys } = app.server.ctx;
    const openBefore = await redis.zcard(keys.openIncidents);
    const linked = await send(callTaker.socket, 'incident:link_caller', { commandId: commandId(), incidentId: first.data.id, callerName: 'Sipho Dlamini', callbackNumber: '072 555 0199', notes: 'smoke on the 4th floor too' });
    if (!linked.ok) throw new Error(linked.error.message);
    expect(linked.data.callerName).toBe(first.data.callerName);
    expect(linked.data.additionalCallers).toEqual([expect.objectContaining({ callerName: 'Sipho Dlamini', callbackNumber: '072 555 0199', linkedBy: 'ct-1' })]);
    expect(await redis.zcard(keys.openIncidents)).toBe(openBefore);
    const delta = await waitForDelta(supervisor, (d) => d.fact === 'incident:caller_linked');
    expect(delta.incidents[0]?.additionalCallers).toHaveLength(1);
    const history = await send(callTaker.socket, 'caller:history', { callbackNumber: '0725550199' });
    expect(history.ok && history.data.calls[0]?.outcome).toBe('linked');
  });

  it('[IC8] an incident is found by the reference as read back, forgiving case and spacing, not a wrong digit', async () => {
    const created = await send(callTaker.socket, 'incident:create', incidentInput());
    if (!created.ok) throw new Error(created.error.message);
    const spoken = created.data.reference.toLowerCase().replace(/-/g, ' ');
    const found = await send(callTaker.socket, 'incident:get', { reference: spoken });
    expect(found.ok && found.data.id).toBe(created.data.id);
    const last = Number(created.data.reference.at(-1));
    const misheard = `${created.data.reference.slice(0, -1)}${(last + 1) % 10}`;
    const wrong = await send(callTaker.socket, 'incident:get', { reference: misheard });
    expect(wrong.ok ? 'ok' : wrong.error.message).toMatch(/check digit/);
  });

  it('[IC13] today’s incident is found by its sequence number alone', async () => {
    const created = await send(callTaker.socket, 'incident:create', incidentInput());
    if (!created.ok) throw new Error(created.error.message);
    const sequence = created.data.reference.split('-')[2] ?? '';
    for (const typed of [sequence, String(Number(sequence)), ` ${sequence} `]) {
      const found = await send(callTaker.socket, 'incident:get', { reference: typed });
      expect(found.ok && found.data.id, typed).toBe(created.data.id);
    }
    const none = await send(callTaker.socket, 'incident:get', { reference: '9999' });
    expect(none.ok ? 'ok' : none.error.code).toBe('incident_not_found');
  });
});
