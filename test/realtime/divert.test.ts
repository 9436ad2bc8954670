import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recommendation } from '../../shared/dispatch/dispatchSchema.ts';
import type { DivertOutcome } from '../../shared/dispatch/divertSchema.ts';
import { distanceMeters } from '../../shared/geo/distance.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import type { Result } from '../../shared/protocol/result.ts';
import type { Unit } from '../../shared/units/unitSchema.ts';
import { incidentInput } from '../support/builders.ts';
import { commandId, connectClient, send, waitForDelta, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { codeOf, dataOf } from '../support/answers.ts';

/** A few metres off a point, so an incident sits beside a unit's base, not on it. */
const beside = ([lng, lat]: LngLat): LngLat => [lng + 0.0004, lat + 0.0003];

describe('[DV1]–[DV3] divert a unit on its way to a more urgent incident', () => {
  let app: TestServer;
  let dispatcher: TestClient;
  let rival: TestClient;
  let callTaker: TestClient;
  let emsDesk: TestClient;
  let fireDesk: TestClient;
  let policeDesk: TestClient;
  /** BLS units with no other BLS base within 4 km: a divert candidate beside one is much nearer than any free one. */
  let isolated: Unit[] = [];
  let spareBls: Unit[] = [];

  beforeAll(async () => {
    app = await startTestServer();
    dispatcher = await connectClient(app.url, { role: 'dispatcher', operatorId: 'dv-disp' });
    rival = await connectClient(app.url, { role: 'dispatcher', operatorId: 'dv-rival' });
    callTaker = await connectClient(app.url, { role: 'call_taker', operatorId: 'dv-ct' });
    emsDesk = await connectClient(app.url, { role: 'dispatcher', operatorId: 'dv-ems', agency: 'ems' });
    fireDesk = await connectClient(app.url, { role: 'dispatcher', operatorId: 'dv-fire', agency: 'fire' });
    policeDesk = await connectClient(app.url, { role: 'dispatcher', operatorId: 'dv-jmpd', agency: 'metro_police' });
    const bls = dispatcher.snapshot.units.filter((unit) => unit.kind === 'bls' && unit.status === 'available');
    isolated = bls.filter((unit) => bls.every((other) => other.id === unit.id || distanceMeters(other.position, unit.position) > 4_000));
    spareBls = bls.filter((unit) => !isolated.includes(unit));
  });
  afterAll(async () => {
    for (const client of [dispatcher, rival, callTaker, emsDesk, fireDesk, policeDesk]) client.close();
    await app.close();
  });

  function isolatedUnit(): Unit {
    const unit = isolated.shift();
    if (!unit) throw new Error('out of isolated BLS units');
    return unit;
  }
  function spareUnit(): Unit {
    const unit = spareBls.shift();
    if (!unit) throw new Error('out of spare BLS units');
    return unit;
  }

  /** An injured person (one BLS): minor (Alpha) or unconscious (Echo). */
  async function injured(level: 'minor' | 'unconscious', location: LngLat): Promise<Incident> {
    const answers: Record<string, 'yes' | 'no'> = level === 'minor' ? { minor_only: 'yes' } : { conscious: 'no' };
    const incident = dataOf(await send(callTaker.socket, 'incident:create', incidentInput({ type: 'injured_person', answers, location })));
    expect(incident.priority).toBe(level === 'minor' ? 'alpha' : 'echo');
    return incident;
  }

  async function assign(incidentId: string, unitId: string, by: TestClient = dispatcher): Promise<Result<unknown>> {
    return send(by.socket, 'dispatch:assign', { commandId: commandId(), incidentId, unitIds: [unitId] });
  }

  function divert(unitId: string, fromIncidentId: string, toIncidentId: string, by: TestClient = dispatcher, id = commandId()): Promise<Result<DivertOutcome>> {
    return send(by.socket, 'dispatch:divert', { commandId: id, unitId, fromIncidentId, toIncidentId, reason: 'unconscious patient nearer' });
  }

  async function stored(incidentId: string): Promise<Incident> {
    const doc = await app.server.ctx.redis.hget(app.server.ctx.keys.incident(incidentId), 'doc');
    if (!doc) throw new Error(`no incident ${incidentId}`);
    return JSON.parse(doc) as Incident;
  }

  /** The version, both incidents and the unit: a refusal must change none of them. */
  async function fingerprint(incidentIds: string[], unitId: string): Promise<string> {
    const { redis, keys } = app.server.ctx;
    return JSON.stringify(await Promise.all([redis.get(keys.version), ...incidentIds.map((id) => redis.hgetall(keys.incident(id))), redis.hgetall(keys.unit(unitId))]));
  }

  it('[DV1] moves the unit in one journaled step: the old job loses it (and needs a unit again), the new one has it, no moment free or on both', async () => {
    const unit = spareUnit();
    const minor = await injured('minor', beside(unit.position));
    const urgent = await injured('unconscious', beside(unit.position));
    dataOf(await assign(minor.id, unit.id));
    const versionBefore = Number(await app.server.ctx.redis.get(app.server.ctx.keys.version));

    const outcome = dataOf(await divert(unit.id, minor.id, urgent.id));

    expect(Number(await app.server.ctx.redis.get(app.server.ctx.keys.version))).toBe(versionBefore + 1);
    expect(outcome.unit).toMatchObject({ id: unit.id, status: 'dispatched', incidentId: urgent.id });
    expect(outcome.from.status).toBe('pending');
    expect(outcome.from.assignments.find((a) => a.unitId === unit.id)?.clearedAt).not.toBeNull();
    expect(outcome.from.lifecycle.at(-1)).toMatchObject({ action: 'diverted_away', unitId: unit.id, otherIncidentId: urgent.id, reason: 'unconscious patient nearer' });
    expect(outcome.to.status).toBe('dispatched');
    expect(outcome.to.assignments).toEqual([expect.objectContaining({ unitId: unit.id, clearedAt: null, acknowledgedAt: null, assignedBy: 'dv-disp' })]);
    expect(outcome.to.lifecycle.at(-1)).toMatchObject({ action: 'diverted_in', unitId: unit.id, otherIncidentId: minor.id });
    expect(await stored(minor.id)).toEqual(outcome.from);
    expect(await stored(urgent.id)).toEqual(outcome.to);
    // Never free: the unit is in no available set.
    expect(await app.server.ctx.redis.zscore(app.server.ctx.keys.availableUnits('bls'), unit.id)).toBeNull();

    // Both incidents travel in one delta, to the combined board and the EMS desk alike; other desks get a tick.
    for (const client of [rival, emsDesk]) {
      const delta = await waitForDelta(client, (d) => d.fact === 'dispatch:diverted' && d.units[0]?.id === unit.id);
      expect(delta.incidents.map((i) => i.id)).toEqual([minor.id, urgent.id]);
    }
    const sync = dataOf(await send(emsDesk.socket, 'sync:since', { version: versionBefore }));
    expect(sync.kind === 'deltas' && sync.deltas.some((d) => d.fact === 'dispatch:diverted' && d.units[0]?.id === unit.id)).toBe(true);
  });

  it('[DV1][CM1] a resent divert answers the first answer and changes nothing', async () => {
    const unit = spareUnit();
    const minor = await injured('minor', beside(unit.position));
    const urgent = await injured('unconscious', beside(unit.position));
    dataOf(await assign(minor.id, unit.id));
    const id = commandId();
    const first = await divert(unit.id, minor.id, urgent.id, dispatcher, id);
    const before = await fingerprint([minor.id, urgent.id], unit.id);
    const again = await divert(unit.id, minor.id, urgent.id, dispatcher, id);
    expect(again).toEqual(first);
    expect(await fingerprint([minor.id, urgent.id], unit.id)).toBe(before);
  });

  it('[DV1] is refused, changing nothing, when the target is not more urgent, the unit is not on that job, already on scene, or the target is closed', async () => {
    const unit = spareUnit();
    const minor = await injured('minor', beside(unit.position));
    const otherMinor = await injured('minor', beside(unit.position));
    const urgent = await injured('unconscious', beside(unit.position));
    dataOf(await assign(minor.id, unit.id));
    const ids = [minor.id, otherMinor.id, urgent.id];
    const before = await fingerprint(ids, unit.id);

    expect(codeOf(await divert(unit.id, minor.id, otherMinor.id))).toBe('divert_not_more_urgent');
    expect(codeOf(await divert(unit.id, otherMinor.id, urgent.id))).toBe('unit_not_on_incident');
    expect(codeOf(await divert(unit.id, minor.id, 'EC-000000-0000-0'))).toBe('incident_not_found');
    // Another agency's desk may not move an EMS vehicle; a call-taker may not divert at all. [DK3][AU1]
    expect(codeOf(await divert(unit.id, minor.id, urgent.id, policeDesk))).toBe('forbidden');
    expect(codeOf(await divert(unit.id, minor.id, urgent.id, callTaker))).toBe('forbidden');
    expect(await fingerprint(ids, unit.id)).toBe(before);

    dataOf(await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId: unit.id, status: 'en_route' }));
    dataOf(await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId: unit.id, status: 'on_scene' }));
    const onScene = await fingerprint(ids, unit.id);
    expect(codeOf(await divert(unit.id, minor.id, urgent.id))).toBe('unit_not_divertable');
    expect(await fingerprint(ids, unit.id)).toBe(onScene);

    const closedTarget = await injured('unconscious', beside(unit.position));
    dataOf(await send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId: closedTarget.id, disposition: 'false_alarm' }));
    const second = spareUnit();
    const secondJob = await injured('minor', beside(second.position));
    dataOf(await assign(secondJob.id, second.id));
    expect(codeOf(await divert(second.id, secondJob.id, closedTarget.id))).toBe('incident_closed');
  });

  it('[DV2] two dispatchers diverting one unit to two incidents, or one diverting while another releases and reassigns it: exactly one wins, never both', async () => {
    for (let round = 0; round < 12; round += 1) {
      const unit = spareUnit();
      const minor = await injured('minor', beside(unit.position));
      const urgentA = await injured('unconscious', beside(unit.position));
      const urgentB = await injured('unconscious', beside(unit.position));
      dataOf(await assign(minor.id, unit.id));
      if (round % 2 === 0) {
        const answers = await Promise.all([divert(unit.id, minor.id, urgentA.id, dispatcher), divert(unit.id, minor.id, urgentB.id, rival)]);
        expect(answers.filter((a) => a.ok)).toHaveLength(1);
        expect(answers.map(codeOf).sort()).toEqual(['ok', 'unit_not_on_incident']);
      } else {
        const releaseThenAssign = async (): Promise<Result<unknown>> => {
          const released = await send(rival.socket, 'dispatch:release', { commandId: commandId(), incidentId: minor.id, unitId: unit.id, reason: 'reassigned' });
          return released.ok ? assign(urgentB.id, unit.id, rival) : released;
        };
        const [diverted, assigned] = await Promise.all([divert(unit.id, minor.id, urgentA.id, dispatcher), releaseThenAssign()]);
        expect([diverted.ok, assigned.ok].filter(Boolean)).toHaveLength(1);
      }
      // The unit is active on exactly one incident, and its record names that one.
      const docs = await Promise.all([minor.id, urgentA.id, urgentB.id].map(stored));
      const holders = docs.filter((doc) => doc.assignments.some((a) => a.unitId === unit.id && a.clearedAt === null));
      const unitIncident = await app.server.ctx.redis.hget(app.server.ctx.keys.unit(unit.id), 'incidentId');
      expect(holders.map((doc) => doc.id)).toEqual([unitIncident]);
    }
  });

  it('[DV3] the recommendation offers a unit on its way to a less urgent job when it is much nearer than any free one, marked with the job it would leave', async () => {
    const unit = isolatedUnit();
    const minor = await injured('minor', [unit.position[0] + 0.09, unit.position[1]]);
    dataOf(await assign(minor.id, unit.id));
    const urgent = await injured('unconscious', beside(unit.position));

    const rec = dataOf(await send(dispatcher.socket, 'dispatch:recommend', { incidentId: urgent.id }));
    const bls = rec.byKind.find((k) => k.kind === 'bls');
    expect(bls?.candidates.map((c) => c.unitId)).not.toContain(unit.id);
    const offer = bls?.divertCandidates.find((c) => c.unitId === unit.id);
    expect(offer).toMatchObject({ fromIncidentId: minor.id, fromReference: minor.reference, fromPriority: 'alpha' });
    const bestFree = bls?.candidates[0]?.etaSeconds ?? Number.POSITIVE_INFINITY;
    expect(offer?.etaSeconds).toBeLessThan(bestFree);
    expect(offer?.reason).toMatch(new RegExp(`to ${minor.reference}`));

    // An incident no more urgent than the job is never offered the unit.
    const alsoMinor = await injured('minor', beside(unit.position));
    const calm = dataOf(await send(dispatcher.socket, 'dispatch:recommend', { incidentId: alsoMinor.id }));
    expect(calm.byKind.flatMap((k) => k.divertCandidates).map((c) => c.unitId)).not.toContain(unit.id);

    // Taking the offer is one divert; the recommendation then shows the plan met.
    dataOf(await divert(unit.id, minor.id, urgent.id));
    const after = dataOf(await send(dispatcher.socket, 'dispatch:recommend', { incidentId: urgent.id }));
    expect(after.byKind.find((k) => k.kind === 'bls')).toMatchObject({ needed: 0, committed: 1 });
  });

  it('[DV3] a committed unit no nearer than a free one is not offered', async () => {
    const unit = spareUnit();
    // The incident half-way between the committed unit and a free one of the same kind: no time saved.
    const free = spareBls.find((other) => distanceMeters(other.position, unit.position) < 6_000);
    if (!free) throw new Error('the fleet has no two BLS units within 6 km');
    spareBls = spareBls.filter((other) => other.id !== free.id);
    const minor = await injured('minor', [unit.position[0] + 0.05, unit.position[1]]);
    dataOf(await assign(minor.id, unit.id));
    const midway: LngLat = [(unit.position[0] + free.position[0]) / 2, (unit.position[1] + free.position[1]) / 2];
    const urgent = await injured('unconscious', midway);
    const rec = dataOf(await send(dispatcher.socket, 'dispatch:recommend', { incidentId: urgent.id }));
    const bls = rec.byKind.find((k) => k.kind === 'bls');
    expect(bls?.candidates.length).toBeGreaterThan(0);
    expect(bls?.divertCandidates).toEqual([]);
  });

  it('[DS7] every desk sees the same ranked candidates for the same kind: a desk filters the one recommendation, never re-ranks it', async () => {
    const crash = dataOf(await send(callTaker.socket, 'incident:create', incidentInput({ type: 'road_accident_entrapment' })));
    const combined = dataOf(await send(dispatcher.socket, 'dispatch:recommend', { incidentId: crash.id }));
    const views: [TestClient, string[]][] = [[emsDesk, ['als', 'bls']], [fireDesk, ['fire_engine', 'rescue', 'aerial_ladder', 'hazmat', 'command']], [policeDesk, ['metro_police']]];
    for (const [desk, kinds] of views) {
      const seen: Recommendation = dataOf(await send(desk.socket, 'dispatch:recommend', { incidentId: crash.id }));
      expect(seen.computedAt).toBe(combined.computedAt);
      expect(seen.byKind).toEqual(combined.byKind.filter((k) => kinds.includes(k.kind)));
      expect(seen.byKind.length).toBeGreaterThan(0);
    }
  });
});
