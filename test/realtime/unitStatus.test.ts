import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNIT_STATUSES, isStatusTransitionAllowed, type UnitStatus } from '../../shared/units/unitStatus.ts';
import { incidentInput, DISPATCHER } from '../support/builders.ts';
import { commandId, connectClient, send, waitForDelta, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/** The statuses a unit passes through to reach each status, after it has been assigned (`dispatched`). */
const PATH_TO: Record<UnitStatus, UnitStatus[]> = {
  available: [],
  dispatched: [],
  en_route: ['en_route'],
  on_scene: ['en_route', 'on_scene'],
  transporting: ['en_route', 'on_scene', 'transporting'],
  at_hospital: ['en_route', 'on_scene', 'transporting', 'at_hospital'],
  out_of_service: ['out_of_service'],
};

describe('[US1] unit status transitions', () => {
  let app: TestServer;
  let dispatcher: TestClient;
  let bls: string[];

  beforeAll(async () => {
    app = await startTestServer();
    dispatcher = await connectClient(app.url, DISPATCHER);
    bls = dispatcher.snapshot.units.filter((u) => u.kind === 'bls').map((u) => u.id);
  });
  afterAll(async () => {
    dispatcher.close();
    await app.close();
  });

  async function unitIn(status: UnitStatus): Promise<string> {
    const unitId = bls.shift();
    if (!unitId) throw new Error('out of units');
    if (status !== 'available' && status !== 'out_of_service') {
      const created = await send(dispatcher.socket, 'incident:create', incidentInput());
      if (!created.ok) throw new Error(created.error.message);
      const assigned = await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created.data.id, unitIds: [unitId] });
      if (!assigned.ok) throw new Error(assigned.error.message);
    }
    for (const step of PATH_TO[status]) {
      const moved = await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId, status: step });
      if (!moved.ok) throw new Error(`${step}: ${moved.error.message}`);
    }
    return unitId;
  }

  for (const from of UNIT_STATUSES) {
    for (const to of UNIT_STATUSES) {
      const allowed = isStatusTransitionAllowed(from, to);
      it(`[US1] ${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, async () => {
        const unitId = await unitIn(from);
        const version = await app.server.ctx.redis.get(app.server.ctx.keys.version);
        const answer = await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId, status: to });
        const stored = await app.server.ctx.redis.hget(app.server.ctx.keys.unit(unitId), 'status');
        if (allowed) {
          expect(answer.ok).toBe(true);
          expect(stored).toBe(to);
        } else {
          expect(answer.ok ? 'ok' : answer.error.code).toBe('status_transition_not_allowed');
          expect(stored).toBe(from);
          expect(await app.server.ctx.redis.get(app.server.ctx.keys.version)).toBe(version);
        }
      });
    }
  }

  it('[US1] the spec rules: assignment only by dispatch, transporting cannot skip the hospital', () => {
    expect(isStatusTransitionAllowed('available', 'dispatched')).toBe(false);
    expect(isStatusTransitionAllowed('available', 'on_scene')).toBe(false);
    expect(isStatusTransitionAllowed('transporting', 'available')).toBe(false);
    expect(isStatusTransitionAllowed('at_hospital', 'available')).toBe(true);
  });

  it('[US3] standing down clears the unit from its incident and makes it available to recommend again', async () => {
    const unitId = await unitIn('en_route');
    const unit = await app.server.ctx.redis.hgetall(app.server.ctx.keys.unit(unitId));
    const answer = await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId, status: 'available' });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.incidentId).toBeNull();
    const delta = await waitForDelta(dispatcher, (d) => d.fact === 'unit:status_changed' && d.units[0]?.id === unitId && d.units[0].status === 'available');
    const assignment = delta.incidents[0]?.assignments.find((a) => a.unitId === unitId);
    expect(delta.incidents[0]?.id).toBe(unit.incidentId);
    expect(assignment?.clearedAt).toBeTypeOf('number');
    expect(await app.server.ctx.redis.zscore(app.server.ctx.keys.availableUnits('bls'), unitId)).not.toBeNull();
  });

  it('[IC4] an incident closes only when no unit is committed to it, then leaves the queue', async () => {
    const unitId = await unitIn('on_scene');
    const incidentId = (await app.server.ctx.redis.hget(app.server.ctx.keys.unit(unitId), 'incidentId')) ?? '';
    const early = await send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId, disposition: 'treated_on_scene' });
    expect(early.ok ? 'ok' : early.error.code).toBe('incident_has_active_units');
    await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId, status: 'available' });
    const closed = await send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId, disposition: 'treated_on_scene' });
    if (!closed.ok) throw new Error(closed.error.message);
    expect(closed.data.status).toBe('closed');
    expect(await app.server.ctx.redis.zscore(app.server.ctx.keys.openIncidents, incidentId)).toBeNull();
    const again = await send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId, disposition: 'treated_on_scene' });
    expect(again.ok ? 'ok' : again.error.code).toBe('incident_closed');
    const assignClosed = await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId, unitIds: [unitId] });
    expect(assignClosed.ok ? 'ok' : assignClosed.error.code).toBe('incident_closed');
  });
});
