import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDelta, applySnapshot } from '../../dispatch-console/src/realtime/liveState.ts';
import { incidentInput } from '../support/builders.ts';
import { commandId, connectClient, send, waitForDelta, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { dataOf } from '../support/answers.ts';

describe('[LC6] a type change that takes an incident away from a desk', () => {
  let app: TestServer;
  let callTaker: TestClient;
  let dispatcher: TestClient;
  let fireDesk: TestClient;
  let policeDesk: TestClient;

  beforeAll(async () => {
    app = await startTestServer();
    callTaker = await connectClient(app.url, { role: 'call_taker', operatorId: 'tc-ct' });
    dispatcher = await connectClient(app.url, { role: 'dispatcher', operatorId: 'tc-disp' });
    fireDesk = await connectClient(app.url, { role: 'dispatcher', operatorId: 'tc-fire', agency: 'fire' });
    policeDesk = await connectClient(app.url, { role: 'dispatcher', operatorId: 'tc-jmpd', agency: 'metro_police' });
  });
  afterAll(async () => {
    for (const client of [callTaker, dispatcher, fireDesk, policeDesk]) client.close();
    await app.close();
  });

  it('reaches that desk once, live and through sync:since, and its board drops the incident; later changes no longer reach it', async () => {
    const crash = dataOf(await send(callTaker.socket, 'incident:create', incidentInput({ type: 'road_accident_entrapment' })));
    expect(crash.agencies).toEqual(expect.arrayContaining(['ems', 'fire', 'metro_police']));
    const before = Number(await app.server.ctx.redis.get(app.server.ctx.keys.version));

    const updated = dataOf(await send(dispatcher.socket, 'incident:update_type', { commandId: commandId(), incidentId: crash.id, type: 'medical_emergency', reason: 'no one trapped: a man collapsed at the wheel' }));
    expect(updated.agencies).toEqual(['ems']);
    expect(updated.lifecycle.at(-1)?.droppedAgencies).toEqual(expect.arrayContaining(['fire', 'metro_police']));

    for (const desk of [fireDesk, policeDesk]) {
      const delta = await waitForDelta(desk, (d) => d.fact === 'incident:updated' && d.incidents[0]?.id === crash.id);
      // The desk's board, as the console applies it, no longer holds the incident.
      const agency = desk === fireDesk ? 'fire' : 'metro_police';
      const sees = (incident: { agencies: readonly string[] }): boolean => incident.agencies.includes(agency);
      const board = applySnapshot({ ...desk.snapshot, version: delta.version - 1, incidents: [...desk.snapshot.incidents, crash] });
      const after = applyDelta(board, delta, sees);
      expect(after.outcome).toBe('applied');
      expect(after.state.incidents[crash.id]).toBeUndefined();
      const sync = dataOf(await send(desk.socket, 'sync:since', { version: before }));
      expect(sync.kind === 'deltas' && sync.deltas.some((d) => d.fact === 'incident:updated' && d.incidents[0]?.id === crash.id)).toBe(true);
    }

    // A later change of the incident concerns only EMS: the former desks get a version tick, not the incident.
    const version = Number(await app.server.ctx.redis.get(app.server.ctx.keys.version));
    dataOf(await send(dispatcher.socket, 'incident:update_type', { commandId: commandId(), incidentId: crash.id, priority: 'echo', reason: 'not breathing now' }));
    for (const desk of [fireDesk, policeDesk]) {
      const sync = dataOf(await send(desk.socket, 'sync:since', { version }));
      expect(sync.kind === 'deltas' && sync.deltas.some((d) => d.incidents.some((i) => i.id === crash.id))).toBe(false);
      const read = dataOf(await send(desk.socket, 'state:read', {}));
      expect(read.incidents.map((i) => i.id)).not.toContain(crash.id);
    }
  });
});
