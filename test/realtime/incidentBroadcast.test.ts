import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidReference } from '../../shared/incidents/referenceNumber.ts';
import { incidentInput, CALL_TAKER, DISPATCHER } from '../support/builders.ts';
import { connectClient, send, waitForDelta, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

describe('incident capture reaches every console', () => {
  let app: TestServer;
  let callTaker: TestClient;
  let dispatcher: TestClient;

  beforeAll(async () => {
    app = await startTestServer();
    callTaker = await connectClient(app.url, CALL_TAKER);
    dispatcher = await connectClient(app.url, DISPATCHER);
  });
  afterAll(async () => {
    callTaker.close();
    dispatcher.close();
    await app.close();
  });

  it('[RT1] a new console gets a snapshot of the whole fleet at a version', () => {
    expect(dispatcher.snapshot.units).toHaveLength(197);
    expect(dispatcher.snapshot.version).toBe(callTaker.snapshot.version);
    expect(dispatcher.snapshot.units.every((unit) => unit.status === 'available')).toBe(true);
  });

  it('[RT1] a console on HTTP long-polling (no WebSocket) connects and gets the same snapshot', async () => {
    const polling = await connectClient(app.url, DISPATCHER, ['polling']);
    expect(polling.snapshot.units).toHaveLength(197);
    const answer = await send(polling.socket, 'dispatch:recommend', { incidentId: 'EC-000000-0000-0' });
    expect(answer.ok ? 'ok' : answer.error.code).toBe('incident_not_found');
    polling.close();
  });

  it('[RT2][IC1] one console creates an incident, the other receives it with the same version', async () => {
    const answer = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'structure_fire' }));
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const incident = answer.data;
    const seenByDispatcher = await waitForDelta(dispatcher, (d) => d.incidents.some((i) => i.id === incident.id));
    const seenByCallTaker = await waitForDelta(callTaker, (d) => d.incidents.some((i) => i.id === incident.id));
    expect(seenByDispatcher.fact).toBe('incident:created');
    expect(seenByDispatcher.version).toBe(seenByCallTaker.version);
    expect(seenByDispatcher.version).toBe(callTaker.snapshot.version + 1);
    expect(seenByDispatcher.incidents[0]).toEqual(incident);
    expect(seenByDispatcher.actor).toMatchObject({ role: 'call_taker', operatorId: 'ct-1' });
  });

  it('[IC2] references are phone-readable, check-digited and increase through the day', async () => {
    const first = await send(callTaker.socket, 'incident:create', incidentInput());
    const second = await send(callTaker.socket, 'incident:create', incidentInput());
    if (!first.ok || !second.ok) throw new Error('create failed');
    expect(isValidReference(first.data.reference)).toBe(true);
    expect(isValidReference(second.data.reference)).toBe(true);
    const seq = (ref: string): number => Number(ref.split('-')[2]);
    expect(seq(second.data.reference)).toBe(seq(first.data.reference) + 1);
  });

  it('[IC3] classifies the incident: priority, agencies, plan, ward and region from the location', async () => {
    const answer = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'road_accident_entrapment' }));
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.priority).toBe('echo');
    expect(new Set(answer.data.agencies)).toEqual(new Set(['ems', 'fire', 'metro_police']));
    expect(answer.data.plan).toContainEqual({ kind: 'rescue', count: 1 });
    expect(answer.data.isInsideMetro).toBe(true);
    expect(answer.data.ward).toBeTypeOf('number');
    expect(answer.data.region).toMatch(/^[A-G]$/);
  });

  it('[IC5] a location outside the metro is accepted but flagged', async () => {
    const answer = await send(callTaker.socket, 'incident:create', incidentInput({ location: [28.1881, -25.7461] }));
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.isInsideMetro).toBe(false);
    expect(answer.data.ward).toBeNull();
  });

  it('[RT3] a console that missed deltas gets exactly them from sync:since', async () => {
    const from = (await connectClient(app.url, DISPATCHER)).snapshot.version;
    await send(callTaker.socket, 'incident:create', incidentInput());
    await send(callTaker.socket, 'incident:create', incidentInput());
    const answer = await send(dispatcher.socket, 'sync:since', { version: from });
    if (!answer.ok || answer.data.kind !== 'deltas') throw new Error('expected deltas');
    expect(answer.data.deltas.map((d) => d.version)).toEqual([from + 1, from + 2]);
    const farBehind = await send(dispatcher.socket, 'sync:since', { version: 0 });
    expect(farBehind.ok && farBehind.data.kind).toBe('deltas');
  });

  it('[RT3] a console too far behind gets a snapshot instead', async () => {
    const small = await startTestServer({ settings: { maxReplayEntries: 2 } });
    try {
      const client = await connectClient(small.url, CALL_TAKER);
      for (let i = 0; i < 4; i += 1) await send(client.socket, 'incident:create', incidentInput());
      const answer = await send(client.socket, 'sync:since', { version: 0 });
      if (!answer.ok || answer.data.kind !== 'snapshot') throw new Error('expected a snapshot');
      expect(answer.data.snapshot.version).toBe(4);
      expect(answer.data.snapshot.incidents).toHaveLength(4);
      client.close();
    } finally {
      await small.close();
    }
  });
});
