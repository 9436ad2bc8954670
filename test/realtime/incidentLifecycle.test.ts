import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import type { IncidentTypeId } from '../../shared/incidents/incidentTypes.ts';
import { REOPEN_WINDOW_MS } from '../../shared/incidents/lifecycleSchema.ts';
import type { Result } from '../../shared/protocol/result.ts';
import type { UnitKind } from '../../shared/units/unitKinds.ts';
import { incidentInput } from '../support/builders.ts';
import { commandId, connectClient, send, waitForDelta, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { codeOf, dataOf } from '../support/answers.ts';

/** The server's clock runs `offsetMs` ahead of the machine's while a test needs the reopen window to pass. */
const clock = { offsetMs: 0 };

describe('[LC1]–[LC8] the incident lifecycle a centre runs all day', () => {
  let app: TestServer;
  let dispatcher: TestClient;
  let supervisor: TestClient;
  let callTaker: TestClient;
  let emsDesk: TestClient;
  let policeDesk: TestClient;
  let crew: TestClient;
  const spare = new Map<UnitKind, string[]>();

  beforeAll(async () => {
    app = await startTestServer({ now: () => Date.now() + clock.offsetMs });
    dispatcher = await connectClient(app.url, { role: 'dispatcher', operatorId: 'lc-disp' });
    supervisor = await connectClient(app.url, { role: 'supervisor', operatorId: 'lc-sup' });
    callTaker = await connectClient(app.url, { role: 'call_taker', operatorId: 'lc-ct' });
    emsDesk = await connectClient(app.url, { role: 'dispatcher', operatorId: 'lc-ems', agency: 'ems' });
    policeDesk = await connectClient(app.url, { role: 'dispatcher', operatorId: 'lc-jmpd', agency: 'metro_police' });
    crew = await connectClient(app.url, { role: 'crew', operatorId: 'lc-crew', unitId: 'als-a01' });
    for (const unit of dispatcher.snapshot.units) {
      if (unit.id === 'als-a01' || unit.status !== 'available') continue;
      spare.set(unit.kind, [...(spare.get(unit.kind) ?? []), unit.id]);
    }
  });
  afterAll(async () => {
    for (const client of [dispatcher, supervisor, callTaker, emsDesk, policeDesk, crew]) client.close();
    await app.close();
  });

  function unitOf(kind: UnitKind): string {
    const unitId = spare.get(kind)?.shift();
    if (!unitId) throw new Error(`out of ${kind} units`);
    return unitId;
  }

  async function create(type: IncidentTypeId = 'medical_emergency'): Promise<Incident> {
    return dataOf(await send(callTaker.socket, 'incident:create', incidentInput({ type })));
  }

  async function assign(incidentId: string, unitIds: string[]): Promise<Incident> {
    return dataOf(await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId, unitIds })).incident;
  }

  async function stored(incidentId: string): Promise<Incident> {
    const doc = await app.server.ctx.redis.hget(app.server.ctx.keys.incident(incidentId), 'doc');
    if (!doc) throw new Error(`no incident ${incidentId}`);
    return JSON.parse(doc) as Incident;
  }

  async function isOpen(incidentId: string): Promise<{ queue: boolean; geo: boolean }> {
    const { redis, keys } = app.server.ctx;
    const [score, position] = await Promise.all([redis.zscore(keys.openIncidents, incidentId), redis.geopos(keys.openIncidentLocations, incidentId)]);
    return { queue: score !== null, geo: position[0] !== null };
  }

  /** The version, the incident and the units, so that a refusal can be shown to change none of them. */
  async function fingerprint(incidentId: string, unitIds: string[] = []): Promise<string> {
    const { redis, keys } = app.server.ctx;
    const parts = await Promise.all([redis.get(keys.version), redis.hgetall(keys.incident(incidentId)), ...unitIds.map((id) => redis.hgetall(keys.unit(id)))]);
    return JSON.stringify(parts);
  }

  async function expectRefusedUnchanged(incidentId: string, unitIds: string[], attempt: () => Promise<Result<unknown>>, code: string): Promise<void> {
    const before = await fingerprint(incidentId, unitIds);
    expect(codeOf(await attempt())).toBe(code);
    expect(await fingerprint(incidentId, unitIds)).toBe(before);
  }

  describe('[LC1] close with a disposition', () => {
    it('[LC1] closing keeps the disposition, note, time and who closed it; the incident leaves the queue and the open locations', async () => {
      const incident = await create();
      const closed = dataOf(await send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId: incident.id, disposition: 'false_alarm', note: 'nobody at the address' }));
      expect(closed).toMatchObject({ status: 'closed', disposition: 'false_alarm', closeNote: 'nobody at the address', closedBy: 'lc-disp' });
      expect(closed.closedAt).toBeTypeOf('number');
      expect(closed.lifecycle.at(-1)).toMatchObject({ action: 'closed', by: 'lc-disp' });
      expect(await stored(incident.id)).toMatchObject({ status: 'closed', disposition: 'false_alarm' });
      expect(await isOpen(incident.id)).toEqual({ queue: false, geo: false });
      await waitForDelta(supervisor, (d) => d.fact === 'incident:closed' && d.incidents[0]?.id === incident.id);
    });

    it('[LC1][IC4] closing is refused while a unit is committed, and nothing changes', async () => {
      const incident = await create();
      const unitId = unitOf('als');
      await assign(incident.id, [unitId]);
      await expectRefusedUnchanged(incident.id, [unitId], () => send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId: incident.id, disposition: 'transported' }), 'incident_has_active_units');
    });

    it('[LC1] a disposition is required; a closed incident closes once; a call-taker may not close; a resend answers the first answer', async () => {
      const incident = await create();
      await expectRefusedUnchanged(incident.id, [], () => send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId: incident.id }), 'validation_failed');
      await expectRefusedUnchanged(incident.id, [], () => send(callTaker.socket, 'incident:close', { commandId: commandId(), incidentId: incident.id, disposition: 'false_alarm' }), 'forbidden');
      const payload = { commandId: commandId(), incidentId: incident.id, disposition: 'treated_on_scene' };
      const first = await send(supervisor.socket, 'incident:close', payload);
      expect(codeOf(first)).toBe('ok');
      const version = await app.server.ctx.redis.get(app.server.ctx.keys.version);
      expect(await send(supervisor.socket, 'incident:close', payload)).toEqual(first);
      expect(await app.server.ctx.redis.get(app.server.ctx.keys.version)).toBe(version);
      await expectRefusedUnchanged(incident.id, [], () => send(supervisor.socket, 'incident:close', { ...payload, commandId: commandId() }), 'incident_closed');
    });

    it('[LC1][DK1] a desk may not close an incident of another agency', async () => {
      const theft = await create('theft');
      await expectRefusedUnchanged(theft.id, [], () => send(emsDesk.socket, 'incident:close', { commandId: commandId(), incidentId: theft.id, disposition: 'false_alarm' }), 'forbidden');
    });
  });

  describe('[LC2] cancel before dispatch', () => {
    it('[LC2] a call-taker cancels a pending incident: closed as cancelled with the reason, out of the queue', async () => {
      const incident = await create();
      const cancelled = dataOf(await send(callTaker.socket, 'incident:cancel', { commandId: commandId(), incidentId: incident.id, reason: 'caller rang back: he is fine' }));
      expect(cancelled).toMatchObject({ status: 'closed', disposition: 'cancelled', closeNote: 'caller rang back: he is fine', closedBy: 'lc-ct' });
      expect(cancelled.lifecycle.at(-1)).toMatchObject({ action: 'cancelled' });
      expect(await isOpen(incident.id)).toEqual({ queue: false, geo: false });
      await waitForDelta(dispatcher, (d) => d.fact === 'incident:closed' && d.incidents[0]?.id === incident.id);
    });

    it('[LC2] refused once any unit was committed (even after it cleared), for a closed incident, for a crew; a resend answers the first answer', async () => {
      const incident = await create();
      const unitId = unitOf('als');
      await assign(incident.id, [unitId]);
      await expectRefusedUnchanged(incident.id, [unitId], () => send(dispatcher.socket, 'incident:cancel', { commandId: commandId(), incidentId: incident.id, reason: 'no longer needed' }), 'incident_already_dispatched');
      dataOf(await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId, status: 'available' }));
      const payload = { commandId: commandId(), incidentId: incident.id, reason: 'no longer needed' };
      await expectRefusedUnchanged(incident.id, [unitId], () => send(dispatcher.socket, 'incident:cancel', payload), 'incident_already_dispatched');
      await expectRefusedUnchanged(incident.id, [unitId], () => send(dispatcher.socket, 'incident:cancel', payload), 'incident_already_dispatched');
      await expectRefusedUnchanged(incident.id, [], () => send(crew.socket, 'incident:cancel', { commandId: commandId(), incidentId: incident.id, reason: 'x' }), 'forbidden');
      const other = await create();
      const cancel = { commandId: commandId(), incidentId: other.id, reason: 'duplicate of another call' };
      const first = await send(supervisor.socket, 'incident:cancel', cancel);
      expect(codeOf(first)).toBe('ok');
      expect(await send(supervisor.socket, 'incident:cancel', cancel)).toEqual(first);
      await expectRefusedUnchanged(other.id, [], () => send(supervisor.socket, 'incident:cancel', { ...cancel, commandId: commandId() }), 'incident_closed');
    });
  });

  describe('[LC3] reopen within the window', () => {
    it('[LC3] a closed incident reopens as pending within the window, back in the queue and the open locations', async () => {
      const incident = await create();
      dataOf(await send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId: incident.id, disposition: 'cancelled_by_caller' }));
      const reopened = dataOf(await send(dispatcher.socket, 'incident:reopen', { commandId: commandId(), incidentId: incident.id, reason: 'caller rang again: worse' }));
      expect(reopened).toMatchObject({ status: 'pending', closedAt: null, closedBy: null, disposition: null });
      expect(reopened.lifecycle.map((step) => step.action)).toEqual(['closed', 'reopened']);
      expect(await isOpen(incident.id)).toEqual({ queue: true, geo: true });
      const delta = await waitForDelta(emsDesk, (d) => d.fact === 'incident:reopened' && d.incidents[0]?.id === incident.id);
      expect(delta.incidents[0]?.status).toBe('pending');
      // The reopened incident is on the board again: a fresh snapshot has it.
      const state = dataOf(await send(supervisor.socket, 'state:read', {}));
      expect(state.incidents.some((i) => i.id === incident.id)).toBe(true);
    });

    it('[LC3] refused after the 30-minute window, for an open incident, and for a call-taker; nothing changes', async () => {
      const incident = await create();
      dataOf(await send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId: incident.id, disposition: 'false_alarm' }));
      await expectRefusedUnchanged(incident.id, [], () => send(callTaker.socket, 'incident:reopen', { commandId: commandId(), incidentId: incident.id, reason: 'x' }), 'forbidden');
      clock.offsetMs = REOPEN_WINDOW_MS + 60_000;
      try {
        const payload = { commandId: commandId(), incidentId: incident.id, reason: 'too late' };
        await expectRefusedUnchanged(incident.id, [], () => send(dispatcher.socket, 'incident:reopen', payload), 'reopen_window_passed');
        expect(await isOpen(incident.id)).toEqual({ queue: false, geo: false });
      } finally {
        clock.offsetMs = 0;
      }
      const open = await create();
      await expectRefusedUnchanged(open.id, [], () => send(dispatcher.socket, 'incident:reopen', { commandId: commandId(), incidentId: open.id, reason: 'x' }), 'incident_not_closed');
      await expectRefusedUnchanged('EC-000000-0000-0', [], () => send(dispatcher.socket, 'incident:reopen', { commandId: commandId(), incidentId: 'EC-000000-0000-0', reason: 'x' }), 'incident_not_found');
    });

    it('[LC3] a resend of a reopen answers the first answer and changes nothing', async () => {
      const incident = await create();
      dataOf(await send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId: incident.id, disposition: 'false_alarm' }));
      const payload = { commandId: commandId(), incidentId: incident.id, reason: 'closed by mistake' };
      const first = await send(supervisor.socket, 'incident:reopen', payload);
      expect(codeOf(first)).toBe('ok');
      const before = await fingerprint(incident.id);
      expect(await send(supervisor.socket, 'incident:reopen', payload)).toEqual(first);
      expect(await fingerprint(incident.id)).toBe(before);
    });
  });

  describe('[LC4] release a unit from the board', () => {
    it('[LC4] a released unit goes available and leaves the incident in one step; the reason is kept; the others stay', async () => {
      const incident = await create('structure_fire');
      const [engine1, engine2] = [unitOf('fire_engine'), unitOf('fire_engine')];
      await assign(incident.id, [engine1, engine2]);
      const answer = dataOf(await send(dispatcher.socket, 'dispatch:release', { commandId: commandId(), incidentId: incident.id, unitId: engine2, reason: 'not_needed', note: 'one engine enough' }));
      expect(answer.units[0]).toMatchObject({ id: engine2, status: 'available', incidentId: null });
      expect(answer.incident.status).toBe('dispatched');
      expect(answer.incident.assignments.find((a) => a.unitId === engine2)?.clearedAt).toBeTypeOf('number');
      expect(answer.incident.assignments.find((a) => a.unitId === engine1)?.clearedAt).toBeNull();
      expect(answer.incident.lifecycle.at(-1)).toMatchObject({ action: 'released', unitId: engine2, reason: 'not_needed: one engine enough' });
      const { redis, keys } = app.server.ctx;
      expect(await redis.zscore(keys.availableUnits('fire_engine'), engine2)).not.toBeNull();
      expect(await redis.hget(keys.unit(engine2), 'status')).toBe('available');
      const delta = await waitForDelta(supervisor, (d) => d.fact === 'dispatch:released' && d.units[0]?.id === engine2);
      expect(delta.incidents[0]?.id).toBe(incident.id);
    });

    it('[LC4][LC7] releasing the last committed unit puts the incident in awaiting_close', async () => {
      const incident = await create();
      const unitId = unitOf('als');
      await assign(incident.id, [unitId]);
      const answer = dataOf(await send(emsDesk.socket, 'dispatch:release', { commandId: commandId(), incidentId: incident.id, unitId, reason: 'cancelled' }));
      expect(answer.incident.status).toBe('awaiting_close');
      expect(await isOpen(incident.id)).toEqual({ queue: true, geo: true });
    });

    it('[LC4][DK3] refused for a unit not on the incident, another desk’s unit, a unit transporting, a call-taker; a resend answers the first answer', async () => {
      const incident = await create('assault');
      const [police, bls, free] = [unitOf('metro_police'), unitOf('bls'), unitOf('bls')];
      await assign(incident.id, [police, bls]);
      await expectRefusedUnchanged(incident.id, [free], () => send(dispatcher.socket, 'dispatch:release', { commandId: commandId(), incidentId: incident.id, unitId: free, reason: 'other' }), 'unit_not_on_incident');
      await expectRefusedUnchanged(incident.id, [police], () => send(emsDesk.socket, 'dispatch:release', { commandId: commandId(), incidentId: incident.id, unitId: police, reason: 'not_needed' }), 'forbidden');
      await expectRefusedUnchanged(incident.id, [police], () => send(callTaker.socket, 'dispatch:release', { commandId: commandId(), incidentId: incident.id, unitId: police, reason: 'not_needed' }), 'forbidden');
      for (const status of ['en_route', 'on_scene', 'transporting'] as const) dataOf(await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId: bls, status }));
      await expectRefusedUnchanged(incident.id, [bls], () => send(emsDesk.socket, 'dispatch:release', { commandId: commandId(), incidentId: incident.id, unitId: bls, reason: 'not_needed' }), 'status_transition_not_allowed');
      const payload = { commandId: commandId(), incidentId: incident.id, unitId: police, reason: 'reassigned' };
      const first = await send(policeDesk.socket, 'dispatch:release', payload);
      expect(codeOf(first)).toBe('ok');
      const before = await fingerprint(incident.id, [police]);
      expect(await send(policeDesk.socket, 'dispatch:release', payload)).toEqual(first);
      expect(await fingerprint(incident.id, [police])).toBe(before);
      await expectRefusedUnchanged(incident.id, [police], () => send(policeDesk.socket, 'dispatch:release', { ...payload, commandId: commandId() }), 'unit_not_on_incident');
    });
  });

  describe('[LC5] add units', () => {
    it('[LC5] a dispatcher adds a unit to an incident that has one; the recommendation still offers candidates beyond the plan', async () => {
      const incident = await create();
      const [first, second] = [unitOf('als'), unitOf('als')];
      await assign(incident.id, [first]);
      const recommendation = dataOf(await send(dispatcher.socket, 'dispatch:recommend', { incidentId: incident.id }));
      const als = recommendation.byKind.find((kind) => kind.kind === 'als');
      expect(als).toMatchObject({ needed: 0, committed: 1 });
      expect(als?.candidates.length).toBeGreaterThan(0);
      const added = await assign(incident.id, [second]);
      expect(added.assignments.filter((a) => a.clearedAt === null).map((a) => a.unitId)).toEqual([first, second]);
    });
  });

  describe('[LC6] change type or priority', () => {
    it('[LC6] a new type brings its plan, agencies and priority; a desk that newly sees the incident receives it; the queue order follows', async () => {
      const incident = await create('medical_emergency');
      expect(incident.agencies).toEqual(['ems']);
      const { redis, keys } = app.server.ctx;
      const scoreBefore = Number(await redis.zscore(keys.openIncidents, incident.id));
      const updated = dataOf(await send(dispatcher.socket, 'incident:update_type', { commandId: commandId(), incidentId: incident.id, type: 'structure_fire', reason: 'caller now reports smoke' }));
      expect(updated).toMatchObject({ type: 'structure_fire', priority: 'echo', agencies: ['fire', 'ems'] });
      expect(updated.plan.map((line) => line.kind)).toEqual(['fire_engine', 'rescue', 'bls']);
      expect(updated.lifecycle.at(-1)).toMatchObject({ action: 'reclassified', reason: 'caller now reports smoke' });
      expect(Number(await redis.zscore(keys.openIncidents, incident.id))).toBeLessThan(scoreBefore);
      const recommendation = dataOf(await send(dispatcher.socket, 'dispatch:recommend', { incidentId: incident.id }));
      expect(recommendation.byKind.map((kind) => kind.kind)).toEqual(['fire_engine', 'rescue', 'bls']);
      // The Fire desk never saw the medical call; it receives the incident with the change.
      const fire = await connectClient(app.url, { role: 'dispatcher', operatorId: 'lc-fire', agency: 'fire' });
      try {
        expect(fire.snapshot.incidents.some((i) => i.id === incident.id)).toBe(true);
      } finally {
        fire.close();
      }
      const delta = await waitForDelta(emsDesk, (d) => d.fact === 'incident:updated' && d.incidents[0]?.id === incident.id);
      expect(delta.incidents[0]?.type).toBe('structure_fire');
    });

    it('[LC6] a priority set by the dispatcher wins, with the reason as the priority reason', async () => {
      const incident = await create('medical_emergency');
      const updated = dataOf(await send(supervisor.socket, 'incident:update_type', { commandId: commandId(), incidentId: incident.id, priority: 'echo', reason: 'patient now unresponsive' }));
      expect(updated).toMatchObject({ type: 'medical_emergency', priority: 'echo' });
      expect(updated.priorityReasons.join(' ')).toContain('patient now unresponsive');
    });

    it('[LC6] the police desk receives an EMS incident that becomes an assault', async () => {
      const incident = await create('medical_emergency');
      dataOf(await send(emsDesk.socket, 'incident:update_type', { commandId: commandId(), incidentId: incident.id, type: 'assault', reason: 'patient was stabbed' }));
      const delta = await waitForDelta(policeDesk, (d) => d.fact === 'incident:updated' && d.incidents[0]?.id === incident.id);
      expect(delta.incidents[0]?.agencies).toContain('metro_police');
    });

    it('[LC6][DK4] a new type keeps the agency of a unit still committed, so its desk keeps the incident', async () => {
      const incident = await create('assault');
      const police = unitOf('metro_police');
      await assign(incident.id, [police]);
      const updated = dataOf(await send(dispatcher.socket, 'incident:update_type', { commandId: commandId(), incidentId: incident.id, type: 'medical_emergency', reason: 'no assault after all' }));
      expect(updated.plan).toEqual([{ kind: 'als', count: 1 }]);
      expect([...updated.agencies].sort()).toEqual(['ems', 'metro_police']);
      await waitForDelta(policeDesk, (d) => d.fact === 'incident:updated' && d.incidents[0]?.id === incident.id);
    });

    it('[LC6] refused for a closed incident, a call-taker, a desk that does not see it, with nothing to change; a resend answers the first answer', async () => {
      const theft = await create('theft');
      await expectRefusedUnchanged(theft.id, [], () => send(emsDesk.socket, 'incident:update_type', { commandId: commandId(), incidentId: theft.id, priority: 'echo', reason: 'x' }), 'forbidden');
      await expectRefusedUnchanged(theft.id, [], () => send(callTaker.socket, 'incident:update_type', { commandId: commandId(), incidentId: theft.id, priority: 'echo', reason: 'x' }), 'forbidden');
      await expectRefusedUnchanged(theft.id, [], () => send(dispatcher.socket, 'incident:update_type', { commandId: commandId(), incidentId: theft.id, reason: 'nothing' }), 'validation_failed');
      const payload = { commandId: commandId(), incidentId: theft.id, priority: 'charlie', reason: 'suspect still nearby' };
      const first = await send(dispatcher.socket, 'incident:update_type', payload);
      expect(codeOf(first)).toBe('ok');
      const before = await fingerprint(theft.id);
      expect(await send(dispatcher.socket, 'incident:update_type', payload)).toEqual(first);
      expect(await fingerprint(theft.id)).toBe(before);
      dataOf(await send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId: theft.id, disposition: 'handed_to_other_agency' }));
      await expectRefusedUnchanged(theft.id, [], () => send(dispatcher.socket, 'incident:update_type', { commandId: commandId(), incidentId: theft.id, priority: 'echo', reason: 'x' }), 'incident_closed');
    });
  });

  describe('[LC7][LC8] awaiting close, and sending more units', () => {
    it('[LC7] when the last unit clears by status the incident awaits close: still queued, no recommendation, no assignment; then it closes', async () => {
      const incident = await create();
      const [unitId, other] = [unitOf('als'), unitOf('als')];
      await assign(incident.id, [unitId]);
      dataOf(await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId, status: 'en_route' }));
      dataOf(await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId, status: 'on_scene' }));
      dataOf(await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId, status: 'available' }));
      const delta = await waitForDelta(supervisor, (d) => d.fact === 'unit:status_changed' && d.units[0]?.id === unitId && d.units[0].status === 'available');
      expect(delta.incidents[0]?.status).toBe('awaiting_close');
      expect(await isOpen(incident.id)).toEqual({ queue: true, geo: true });
      expect(codeOf(await send(dispatcher.socket, 'dispatch:recommend', { incidentId: incident.id }))).toBe('incident_awaiting_close');
      await expectRefusedUnchanged(incident.id, [other], () => send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: incident.id, unitIds: [other] }), 'incident_awaiting_close');
      const closed = dataOf(await send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId: incident.id, disposition: 'treated_on_scene' }));
      expect(closed.status).toBe('closed');
    });

    it('[LC7] a unit going out of service from the incident also leaves it awaiting close', async () => {
      const incident = await create();
      const unitId = unitOf('als');
      await assign(incident.id, [unitId]);
      dataOf(await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId, status: 'out_of_service' }));
      expect((await stored(incident.id)).status).toBe('awaiting_close');
    });

    it('[LC7][AK2] a crew stood down for not acknowledging leaves the incident pending, so the next unit can be sent', async () => {
      const incident = await create();
      const [silent, next] = [unitOf('als'), unitOf('als')];
      await assign(incident.id, [silent]);
      dataOf(await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId: silent, status: 'available', reason: 'no_acknowledgement' }));
      expect((await stored(incident.id)).status).toBe('pending');
      expect((await assign(incident.id, [next])).status).toBe('dispatched');
    });

    it('[LC8] "send more units" reopens an incident awaiting close as pending: recommended and assigned again', async () => {
      const incident = await create();
      const [first, second] = [unitOf('als'), unitOf('als')];
      await assign(incident.id, [first]);
      dataOf(await send(dispatcher.socket, 'dispatch:release', { commandId: commandId(), incidentId: incident.id, unitId: first, reason: 'other', note: 'broke down' }));
      const reopened = dataOf(await send(dispatcher.socket, 'incident:reopen', { commandId: commandId(), incidentId: incident.id, reason: 'patient still needs transport' }));
      expect(reopened.status).toBe('pending');
      expect(reopened.lifecycle.at(-1)).toMatchObject({ action: 'more_units' });
      await waitForDelta(emsDesk, (d) => d.fact === 'incident:reopened' && d.incidents[0]?.id === incident.id);
      const recommendation = dataOf(await send(dispatcher.socket, 'dispatch:recommend', { incidentId: incident.id }));
      expect(recommendation.byKind[0]?.needed).toBe(1);
      expect((await assign(incident.id, [second])).status).toBe('dispatched');
    });
  });
});
