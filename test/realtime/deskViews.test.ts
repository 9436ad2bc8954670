import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delta, SyncAnswer } from '../../shared/protocol/stateSchema.ts';
import type { UnitStatus } from '../../shared/units/unitStatus.ts';
import { incidentInput, CALL_TAKER } from '../support/builders.ts';
import { commandId, connectClient, send, waitForDelta, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/** The status of a unit as the deltas a console received show it (the last one that names the unit). */
function lastStatusSeen(deltas: readonly Delta[], unitId: string): UnitStatus | null {
  for (let i = deltas.length - 1; i >= 0; i -= 1) {
    const unit = deltas[i]?.units.find((u) => u.id === unitId);
    if (unit) return unit.status;
  }
  return null;
}

describe('[DK4] a desk that sees an incident sees every change of every unit on it, whatever the unit’s agency', () => {
  let app: TestServer;
  let callTaker: TestClient;
  let ems: TestClient;
  let police: TestClient;
  let incidentId = '';
  const ambulance = 'bls-a01';
  const policeCar = 'jmpd-a01';

  beforeAll(async () => {
    app = await startTestServer();
    callTaker = await connectClient(app.url, CALL_TAKER);
    ems = await connectClient(app.url, { role: 'dispatcher', operatorId: 'ems-desk', agency: 'ems' });
    police = await connectClient(app.url, { role: 'dispatcher', operatorId: 'police-desk', agency: 'metro_police' });
    // A crime in progress: Metro Police and an ambulance.
    const created = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'crime_in_progress' }));
    if (!created.ok) throw new Error(created.error.message);
    expect(created.data.agencies).toEqual(expect.arrayContaining(['ems', 'metro_police']));
    incidentId = created.data.id;
    const byEms = await send(ems.socket, 'dispatch:assign', { commandId: commandId(), incidentId, unitIds: [ambulance] });
    const byPolice = await send(police.socket, 'dispatch:assign', { commandId: commandId(), incidentId, unitIds: [policeCar] });
    if (!byEms.ok || !byPolice.ok) throw new Error('assignment failed');
  });
  afterAll(async () => {
    for (const client of [callTaker, ems, police]) client.close();
    await app.close();
  });

  it('[DK4] live: the Metro Police desk hears the ambulance go en route, on scene and transporting', async () => {
    for (const status of ['en_route', 'on_scene', 'transporting'] as const) {
      const answer = await send(ems.socket, 'unit:status', { commandId: commandId(), unitId: ambulance, status });
      if (!answer.ok) throw new Error(answer.error.message);
      const seen = await waitForDelta(police, (d) => d.fact === 'unit:status_changed' && d.units.some((u) => u.id === ambulance && u.status === status));
      // The change travels with the incident, so the desk knows which of its incidents it concerns.
      expect(seen.incidents.map((i) => i.id)).toEqual([incidentId]);
    }
    expect(lastStatusSeen(police.deltas, ambulance)).toBe('transporting');
  });

  it('[DK4] and the EMS desk hears the police car’s changes the same way', async () => {
    const answer = await send(police.socket, 'unit:status', { commandId: commandId(), unitId: policeCar, status: 'en_route' });
    if (!answer.ok) throw new Error(answer.error.message);
    await waitForDelta(ems, (d) => d.units.some((u) => u.id === policeCar && u.status === 'en_route'));
  });

  it('[DK4][RT3] after sync:since the Metro Police desk has every change of the ambulance too', async () => {
    const from = police.snapshot.version;
    const answer = await send(police.socket, 'sync:since', { version: from });
    if (!answer.ok) throw new Error(answer.error.message);
    const sync: SyncAnswer = answer.data;
    if (sync.kind !== 'deltas') throw new Error('expected deltas');
    const statuses = sync.deltas.flatMap((d) => d.units.filter((u) => u.id === ambulance).map((u) => u.status));
    expect(statuses).toEqual(['dispatched', 'en_route', 'on_scene', 'transporting']);
    expect(lastStatusSeen(sync.deltas, ambulance)).toBe('transporting');
  });

  it('[DK4] a desk with no unit on an incident of another agency hears nothing of it', async () => {
    const fire = await connectClient(app.url, { role: 'dispatcher', operatorId: 'fire-desk', agency: 'fire' });
    const answer = await send(fire.socket, 'sync:since', { version: police.snapshot.version });
    if (!answer.ok || answer.data.kind !== 'deltas') throw new Error('expected deltas');
    expect(answer.data.deltas.some((d) => d.incidents.some((i) => i.id === incidentId))).toBe(false);
    expect(fire.snapshot.incidents.some((i) => i.id === incidentId)).toBe(false);
    fire.close();
  });

  it('[AU7] a desk is offered duplicates only among its own incidents', async () => {
    const theft = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'theft', location: [28.05, -26.15] }));
    if (!theft.ok) throw new Error(theft.error.message);
    expect(theft.data.agencies).toEqual(['metro_police']);
    const query = { location: [28.0501, -26.1501], type: 'theft' };
    const byPolice = await send(police.socket, 'incident:duplicates', query);
    const byEms = await send(ems.socket, 'incident:duplicates', query);
    if (!byPolice.ok || !byEms.ok) throw new Error('duplicates failed');
    expect(byPolice.data.map((c) => c.incident.id)).toContain(theft.data.id);
    expect(byEms.data.map((c) => c.incident.id)).not.toContain(theft.data.id);
  });
});
