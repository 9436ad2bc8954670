import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LngLat } from '../../shared/geo/position.ts';
import { startVehicleSimulator } from '../../server/simulation/vehicleSimulator.ts';
import { needsTransport, nextTimedStatus } from '../../server/simulation/simulationPlan.ts';
import { tripPosition } from '../../server/simulation/tripProgress.ts';
import { incidentInput } from '../support/builders.ts';
import { commandId, connectClient, send, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

describe('[SI1] trips', () => {
  const path: LngLat[] = [[1.5, 42.5], [1.51, 42.5], [1.51, 42.51]];
  it('[SI1] a vehicle is part-way along its path at the trip’s average speed, then arrives', () => {
    const trip = { path, startedAt: 0, durationSeconds: 100, purpose: 'to_scene' as const };
    expect(tripPosition(trip, 0)).toEqual({ position: [1.5, 42.5], hasArrived: false });
    const half = tripPosition(trip, 50_000);
    expect(half.hasArrived).toBe(false);
    expect(half.position[0]).toBeGreaterThan(1.505);
    expect(tripPosition(trip, 100_000)).toEqual({ position: [1.51, 42.51], hasArrived: true });
  });

  it('[SI2] crews step on by their timings; ambulances transport medical and injury patients only', () => {
    const timings = { turnoutSeconds: 10, onSceneSeconds: 60, atHospitalSeconds: 30 };
    expect(nextTimedStatus('dispatched', 5, false, timings)).toBeNull();
    expect(nextTimedStatus('dispatched', 10, false, timings)).toBe('en_route');
    expect(nextTimedStatus('on_scene', 61, true, timings)).toBe('transporting');
    expect(nextTimedStatus('on_scene', 61, false, timings)).toBe('available');
    expect(nextTimedStatus('at_hospital', 31, false, timings)).toBe('available');
    expect(needsTransport('als', 'medical')).toBe(true);
    expect(needsTransport('fire_engine', 'medical')).toBe(false);
    expect(needsTransport('bls', 'fire')).toBe(false);
  });
});

describe('[SI1][SI2] the vehicle simulator drives an assignment through to the end', () => {
  let app: TestServer;
  let dispatcher: TestClient;
  let stop: () => void = () => undefined;

  beforeAll(async () => {
    app = await startTestServer({ cityDir: 'fixtures/andorra', settings: { positionFrameMs: 50 } });
    dispatcher = await connectClient(app.url, { role: 'dispatcher', operatorId: 'disp-sim' });
    stop = startVehicleSimulator(app.server.ctx, app.server.publisher, {
      tickMs: 50, positionEveryMs: 100, speedFactor: 300, replayTickMs: 10_000, timings: { turnoutSeconds: 0.2, onSceneSeconds: 0.2, atHospitalSeconds: 0.2 },
    });
  });
  afterAll(async () => {
    stop();
    dispatcher.close();
    await app.close();
  });

  it('[SI2] a cardiac arrest: acknowledged, en route, on scene, transporting to a hospital, at hospital, available, home to base', async () => {
    const created = await send(dispatcher.socket, 'incident:create', incidentInput({ type: 'cardiac_arrest', location: [1.5218, 42.5075] }));
    if (!created.ok) throw new Error(created.error.message);
    const recommendation = await send(dispatcher.socket, 'dispatch:recommend', { incidentId: created.data.id });
    if (!recommendation.ok) throw new Error(recommendation.error.message);
    const unitId = recommendation.data.byKind.find((k) => k.kind === 'als')?.candidates[0]?.unitId ?? '';
    const moves: [number, number][] = [];
    dispatcher.socket.on('units:moved', (frame) => frame.filter((fix) => fix.unitId === unitId).forEach((fix) => moves.push(fix.position)));
    await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created.data.id, unitIds: [unitId] });

    const statuses = (): string[] => dispatcher.deltas.filter((d) => d.fact === 'unit:status_changed' && d.units[0]?.id === unitId).map((d) => d.units[0]?.status ?? '');
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !statuses().includes('available')) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statuses()).toEqual(['en_route', 'on_scene', 'transporting', 'at_hospital', 'available']);
    expect(dispatcher.deltas.some((d) => d.fact === 'unit:acknowledged' && d.incidents[0]?.id === created.data.id)).toBe(true);
    expect(moves.length).toBeGreaterThan(2);

    const unit = await app.server.ctx.redis.hgetall(app.server.ctx.keys.unit(unitId));
    const base = app.server.ctx.city.data.facilities.find((f) => f.id === unit.baseId)?.position;
    while (Date.now() < deadline) {
      const [lng, lat] = await app.server.ctx.redis.hmget(app.server.ctx.keys.unit(unitId), 'lng', 'lat');
      if (base && Math.abs(Number(lng) - base[0]) < 1e-6 && Math.abs(Number(lat) - base[1]) < 1e-6) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [lng, lat] = await app.server.ctx.redis.hmget(app.server.ctx.keys.unit(unitId), 'lng', 'lat');
    expect([Number(lng), Number(lat)]).toEqual(base);
  });

  it('[SI3] a vehicle a person signed on to is left to that person: not acknowledged, not driven', async () => {
    const created = await send(dispatcher.socket, 'incident:create', incidentInput({ type: 'road_accident', location: [1.5218, 42.5075] }));
    if (!created.ok) throw new Error(created.error.message);
    const recommendation = await send(dispatcher.socket, 'dispatch:recommend', { incidentId: created.data.id });
    if (!recommendation.ok) throw new Error(recommendation.error.message);
    const candidates = recommendation.data.byKind.flatMap((k) => k.candidates.slice(0, 1).map((c) => c.unitId));
    const [crewed, simulated] = candidates;
    if (!crewed || !simulated) throw new Error('two candidates expected');
    const crew = await connectClient(app.url, { role: 'crew', operatorId: 'sim-crew', unitId: crewed });
    await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created.data.id, unitIds: [crewed, simulated] });
    // Once the simulator has taken the other vehicle en route, it has passed over the crewed one several times.
    const deadline = Date.now() + 20_000;
    const wentEnRoute = (): boolean => dispatcher.deltas.some((d) => d.fact === 'unit:status_changed' && d.units.some((u) => u.id === simulated && u.status === 'en_route'));
    while (Date.now() < deadline && !wentEnRoute()) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(wentEnRoute()).toBe(true);
    const [status, incidentId] = await app.server.ctx.redis.hmget(app.server.ctx.keys.unit(crewed), 'status', 'incidentId');
    expect([status, incidentId]).toEqual(['dispatched', created.data.id]);
    const incident = await send(dispatcher.socket, 'incident:get', { reference: created.data.id });
    if (!incident.ok) throw new Error(incident.error.message);
    expect(incident.data.assignments.find((a) => a.unitId === crewed)?.acknowledgedAt).toBeNull();
    crew.close();
  });
});
