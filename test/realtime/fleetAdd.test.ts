import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facility } from '../../shared/city/citySchema.ts';
import type { Unit } from '../../shared/units/unitSchema.ts';
import { CALL_TAKER, DISPATCHER, crewSession, incidentInput } from '../support/builders.ts';
import { commandId, connectClient, send, waitForDelta, type TestClient } from '../support/testClient.ts';
import { postJson, sessionCookie, type TestIdentity } from '../support/testSession.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const ADMIN: TestIdentity = { role: 'administrator', operatorId: 'fl-admin' };
const EMS_DESK: TestIdentity = { role: 'dispatcher', operatorId: 'fl-ems', agency: 'ems' };
const FIRE_DESK: TestIdentity = { role: 'dispatcher', operatorId: 'fl-fire', agency: 'fire' };
const SUPERVISOR: TestIdentity = { role: 'supervisor', operatorId: 'fl-sup' };
const WAIT_MS = 15_000;

describe('[FL1][FL2] the fleet manager adds a vehicle', () => {
  let app: TestServer;
  let admin: TestClient;
  let dispatcher: TestClient;
  let emsDesk: TestClient;
  let fireDesk: TestClient;
  /** A health facility no unit of the demo fleet stands at: the new unit is alone there, nearest to a call at its door. */
  let base: Facility;
  const unitId = 'als-new-01';
  const first = { commandId: commandId(), unitId, callSign: 'ALS-N01', kind: 'als', baseId: '' };
  let added: Unit;

  const version = async (): Promise<string | null> => app.server.ctx.redis.get(app.server.ctx.keys.version);

  beforeAll(async () => {
    app = await startTestServer();
    const { fleet, facilities } = app.server.ctx.city.data;
    const free = facilities.find((f) => f.kind !== 'police_station' && !fleet.some((u) => u.baseId === f.id));
    if (!free) throw new Error('every health facility of the demo fleet has a unit');
    base = free;
    first.baseId = base.id;
    [admin, dispatcher, emsDesk, fireDesk] = await Promise.all([connectClient(app.url, ADMIN), connectClient(app.url, DISPATCHER), connectClient(app.url, EMS_DESK), connectClient(app.url, FIRE_DESK)]);
  });
  afterAll(async () => {
    for (const client of [admin, dispatcher, emsDesk, fireDesk]) client?.close();
    await app.close();
  });

  it('[FL1] the unit enters the fleet available at its base, and the consoles of its agency hear unit:registered', async () => {
    const before = Number(await version());
    const answer = await send(admin.socket, 'fleet:add_unit', first);
    if (!answer.ok) throw new Error(answer.error.message);
    added = answer.data;
    expect(added).toMatchObject({ id: unitId, callSign: 'ALS-N01', kind: 'als', agency: 'ems', baseId: base.id, baseName: base.name, status: 'available', incidentId: null, crew: [] });
    expect(added.position).toEqual(base.position);
    expect(Number(await version())).toBe(before + 1);

    for (const desk of [dispatcher, emsDesk]) {
      const delta = await waitForDelta(desk, (d) => d.fact === 'unit:registered' && d.units[0]?.id === unitId, WAIT_MS);
      expect(delta.units).toEqual([added]);
      expect(delta.actor).toMatchObject({ role: 'administrator', operatorId: 'fl-admin' });
      expect(delta.version).toBe(before + 1);
    }

    // [DK1] A Fire & Rescue desk does not see an ambulance: an engine added after it reaches that desk, the ambulance never did.
    const engine = await send(admin.socket, 'fleet:add_unit', { commandId: commandId(), unitId: 'eng-new-01', callSign: 'ENG-N01', kind: 'fire_engine', baseId: base.id });
    expect(engine.ok).toBe(true);
    await waitForDelta(fireDesk, (d) => d.fact === 'unit:registered' && d.units[0]?.id === 'eng-new-01', WAIT_MS);
    expect(fireDesk.deltas.some((d) => d.units.some((u) => u.id === unitId))).toBe(false);
  });

  it('[FL1] a console connecting afterwards has it in its snapshot; the administrator reads it in the fleet (FL2)', async () => {
    dispatcher.close();
    dispatcher = await connectClient(app.url, DISPATCHER);
    expect(dispatcher.snapshot.units.find((u) => u.id === unitId)).toEqual(added);
    // The administrator's board snapshot holds no unit (AU7); its fleet read holds them all.
    expect(admin.snapshot.units).toEqual([]);
    const fleet = await send(admin.socket, 'fleet:list', {});
    if (!fleet.ok) throw new Error(fleet.error.message);
    expect(fleet.data.find((u) => u.id === unitId)).toEqual(added);
    expect(fleet.data.length).toBe(app.server.ctx.city.data.fleet.length + 2);
    const supervisor = await connectClient(app.url, SUPERVISOR);
    const read = await send(supervisor.socket, 'fleet:list', {});
    supervisor.close();
    expect(read.ok && read.data.map((u) => u.id)).toEqual(fleet.data.map((u) => u.id));
  });

  it('[FL1] it is recommended for a call at its base and a dispatcher can assign it', async () => {
    const { redis, keys } = app.server.ctx;
    expect(await redis.zscore(keys.availableUnits('als'), unitId)).not.toBeNull();
    const created = await send(dispatcher.socket, 'incident:create', incidentInput({ type: 'medical_emergency', location: base.position }));
    if (!created.ok) throw new Error(created.error.message);
    const recommendation = await send(dispatcher.socket, 'dispatch:recommend', { incidentId: created.data.id });
    if (!recommendation.ok) throw new Error(recommendation.error.message);
    const als = recommendation.data.byKind.find((k) => k.kind === 'als');
    expect(als?.candidates[0]?.unitId).toBe(unitId);
    expect(als?.candidates[0]?.distanceMeters).toBeLessThan(1);

    const assigned = await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created.data.id, unitIds: [unitId] });
    if (!assigned.ok) throw new Error(assigned.error.message);
    expect(assigned.data.units.map((u) => [u.id, u.status, u.incidentId])).toEqual([[unitId, 'dispatched', created.data.id]]);
  });

  it('[FL1] the same id again is refused unit_exists and changes nothing', async () => {
    const { redis, keys } = app.server.ctx;
    const before = { version: await version(), unit: await redis.hgetall(keys.unit(unitId)), ids: await redis.scard(keys.unitIds) };
    const other = facilitiesOtherThan(base)[0];
    const again = await send(admin.socket, 'fleet:add_unit', { commandId: commandId(), unitId, callSign: 'ALS-DUP', kind: 'bls', baseId: other?.id ?? base.id });
    expect(again.ok ? 'ok' : again.error.code).toBe('unit_exists');
    expect({ version: await version(), unit: await redis.hgetall(keys.unit(unitId)), ids: await redis.scard(keys.unitIds) }).toEqual(before);
    expect(await redis.zscore(keys.availableUnits('bls'), unitId)).toBeNull();
  });

  it('[FL1] a base that is not one of the city’s facilities is refused, naming the field', async () => {
    const before = await version();
    const answer = await send(admin.socket, 'fleet:add_unit', { commandId: commandId(), unitId: 'als-nowhere', callSign: 'ALS-X', kind: 'als', baseId: 'hf-no-such-hospital' });
    expect(answer.ok ? 'ok' : answer.error.code).toBe('validation_failed');
    expect(answer.ok ? [] : answer.error.issues?.map((issue) => issue.path)).toEqual(['baseId']);
    expect(await version()).toBe(before);
    expect(await app.server.ctx.redis.exists(app.server.ctx.keys.unit('als-nowhere'))).toBe(0);
  });

  it('[FL1][AU1] a dispatcher, a crew, a call-taker and a supervisor are refused forbidden', async () => {
    const senders = await Promise.all([DISPATCHER, crewSession('als-a02', 'fl-crew'), CALL_TAKER, SUPERVISOR].map((identity) => connectClient(app.url, identity)));
    const before = await version();
    for (const [i, sender] of senders.entries()) {
      const answer = await send(sender.socket, 'fleet:add_unit', { commandId: commandId(), unitId: `als-forbidden-${i}`, callSign: 'ALS-F', kind: 'als', baseId: base.id });
      expect(answer.ok ? 'ok' : answer.error.code).toBe('forbidden');
      expect(await app.server.ctx.redis.exists(app.server.ctx.keys.unit(`als-forbidden-${i}`))).toBe(0);
      sender.close();
    }
    expect(await version()).toBe(before);
  });

  it('[FL1][CM1] a resend of the same command id gets the first answer, over the socket or HTTP, and changes nothing', async () => {
    const before = await version();
    const resent = await send(admin.socket, 'fleet:add_unit', first);
    // The unit has been assigned since: the resend is answered as the first time, the unit as it was registered.
    expect(resent).toEqual({ ok: true, data: added });
    const overHttp = await postJson(app.url, '/api/fleet/units', await sessionCookie(app.url, ADMIN), first);
    expect(overHttp.status).toBe(200);
    expect(overHttp.body).toEqual({ ok: true, data: added });
    expect(await version()).toBe(before);
    expect(await app.server.ctx.redis.hget(app.server.ctx.keys.unit(unitId), 'status')).toBe('dispatched');
  });

  function facilitiesOtherThan(facility: Facility): Facility[] {
    return app.server.ctx.city.data.facilities.filter((f) => f.id !== facility.id);
  }
});
