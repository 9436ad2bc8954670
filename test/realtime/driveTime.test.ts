import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LngLat } from '../../shared/geo/position.ts';
import { incidentInput, crewSession } from '../support/builders.ts';
import { commandId, connectClient, send, waitForDelta, ticksCover, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/** Andorra la Vella, on the main road through the town. */
const ANDORRA_LA_VELLA: LngLat = [1.5218, 42.5075];
const DISPATCHER = { role: 'dispatcher', operatorId: 'disp-ad' } as const;

describe('drive-time recommendation and crews on the Andorra city pack', () => {
  let app: TestServer;
  let dispatcher: TestClient;

  beforeAll(async () => {
    app = await startTestServer({ cityDir: 'fixtures/andorra' });
    dispatcher = await connectClient(app.url, DISPATCHER);
  });
  afterAll(async () => {
    dispatcher.close();
    await app.close();
  });

  async function createAndRecommend(type: 'cardiac_arrest' | 'structure_fire' = 'cardiac_arrest') {
    const created = await send(dispatcher.socket, 'incident:create', incidentInput({ type, location: ANDORRA_LA_VELLA }));
    if (!created.ok) throw new Error(created.error.message);
    const recommendation = await send(dispatcher.socket, 'dispatch:recommend', { incidentId: created.data.id });
    if (!recommendation.ok) throw new Error(recommendation.error.message);
    return { incident: created.data, recommendation: recommendation.data };
  }

  it('[CP1][CP2] the Andorra pack, built by the importer alone, runs with its road network and a fleet at its stations', async () => {
    expect(dispatcher.snapshot.units.length).toBeGreaterThanOrEqual(30);
    const city = (await (await fetch(`${app.url}/api/city`)).json()) as { data: { name: string; hasRoadNetwork: boolean; facilities: unknown[] } };
    expect(city.data.name).toBe('Andorra');
    expect(city.data.hasRoadNetwork).toBe(true);
    expect(city.data.facilities).toHaveLength(9);
  });

  it('[DS5] candidates are ranked by drive time on the road network, with the route of the top one', async () => {
    const { recommendation } = await createAndRecommend();
    expect(recommendation.ranking).toBe('road_network');
    const als = recommendation.byKind.find((k) => k.kind === 'als');
    const etas = als?.candidates.map((c) => c.etaSeconds) ?? [];
    expect(etas.length).toBeGreaterThan(1);
    expect(etas).toEqual([...etas].sort((a, b) => a - b));
    expect(als?.candidates[0]?.reason).toMatch(/drive .* by road/);
    const route = recommendation.routes.find((r) => r.unitId === als?.candidates[0]?.unitId);
    expect(route?.geometry.length).toBeGreaterThan(2);
  });

  it('[AK1][RO9][RO10][US4] the crew acknowledges, follows its route, transports to the nearest 24-hour hospital and comes back available', async () => {
    const { incident, recommendation } = await createAndRecommend();
    const unitId = recommendation.byKind.find((k) => k.kind === 'als')?.candidates[0]?.unitId ?? '';
    const assigned = await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: incident.id, unitIds: [unitId] });
    expect(assigned.ok).toBe(true);
    const crew = await connectClient(app.url, crewSession(unitId));
    expect(crew.snapshot.incidents.map((i) => i.id)).toEqual([incident.id]);

    const other = await send(crew.socket, 'unit:acknowledge', { commandId: commandId(), unitId: 'pol-01' });
    expect(other.ok ? 'ok' : other.error.code).toBe('forbidden');
    const ack = await send(crew.socket, 'unit:acknowledge', { commandId: commandId(), unitId });
    if (!ack.ok) throw new Error(ack.error.message);
    const acknowledgedAt = ack.data.assignments.find((a) => a.unitId === unitId)?.acknowledgedAt;
    expect(acknowledgedAt).toBeTypeOf('number');
    const seen = await waitForDelta(dispatcher, (d) => d.fact === 'unit:acknowledged' && d.incidents[0]?.id === incident.id);
    expect(seen.incidents[0]?.assignments[0]?.acknowledgedAt).toBe(acknowledgedAt);
    const again = await send(crew.socket, 'unit:acknowledge', { commandId: commandId(), unitId });
    expect(again.ok && again.data.assignments[0]?.acknowledgedAt).toBe(acknowledgedAt);

    const toScene = await send(crew.socket, 'route:unit', { unitId });
    if (!toScene.ok) throw new Error(toScene.error.message);
    expect(toScene.data).toMatchObject({ method: 'road_network', destination: { kind: 'incident', id: incident.id } });
    expect(toScene.data.geometry.at(-1)).toEqual(ANDORRA_LA_VELLA);

    for (const status of ['en_route', 'on_scene'] as const) {
      const moved = await send(crew.socket, 'unit:status', { commandId: commandId(), unitId, status });
      expect(moved.ok).toBe(true);
    }
    const hospitals = await send(crew.socket, 'route:hospitals', { unitId });
    if (!hospitals.ok) throw new Error(hospitals.error.message);
    const etas = hospitals.data.map((h) => h.etaSeconds);
    expect(etas).toEqual([...etas].sort((a, b) => a - b));
    const nearest = hospitals.data[0];
    if (!nearest) throw new Error('no hospital');
    const wrong = await send(crew.socket, 'unit:status', { commandId: commandId(), unitId, status: 'transporting', destinationId: 'osm-node-1' });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('validation_failed');
    const transporting = await send(crew.socket, 'unit:status', { commandId: commandId(), unitId, status: 'transporting', destinationId: nearest.facilityId });
    expect(transporting.ok && transporting.data.destinationId).toBe(nearest.facilityId);
    const toHospital = await send(crew.socket, 'route:unit', { unitId });
    expect(toHospital.ok && toHospital.data.destination).toMatchObject({ kind: 'hospital', id: nearest.facilityId });
    await send(crew.socket, 'unit:status', { commandId: commandId(), unitId, status: 'at_hospital' });
    const available = await send(crew.socket, 'unit:status', { commandId: commandId(), unitId, status: 'available' });
    expect(available.ok && available.data).toMatchObject({ status: 'available', incidentId: null, destinationId: null });
    const home = await send(crew.socket, 'route:unit', { unitId });
    expect(home.ok && home.data.destination.kind).toBe('base');
    crew.close();
  });

  it('[AK1] a unit without an assignment has nothing to acknowledge', async () => {
    const idle = dispatcher.snapshot.units.find((u) => u.kind === 'metro_police');
    const answer = await send(dispatcher.socket, 'unit:acknowledge', { commandId: commandId(), unitId: idle?.id });
    expect(answer.ok ? 'ok' : answer.error.code).toBe('unit_not_assigned');
  });
});

describe('[RO9] without a road network', () => {
  it('[RO9] routes are straight-line estimates and say so', async () => {
    const app = await startTestServer();
    try {
      const dispatcher = await connectClient(app.url, DISPATCHER);
      const route = await send(dispatcher.socket, 'route:unit', { unitId: 'als-a01' });
      expect(route.ok && route.data).toMatchObject({ method: 'straight_line', destination: { kind: 'base' } });
      dispatcher.close();
    } finally {
      await app.close();
    }
  });
});

describe('[AK3][CR1] stand-down for silence, and what a crew catches up on', () => {
  it('[AK3] a unit stood down for not acknowledging is not recommended again at once', async () => {
    const app = await startTestServer({ cityDir: 'fixtures/andorra' });
    try {
      const dispatcher = await connectClient(app.url, DISPATCHER);
      const created = await send(dispatcher.socket, 'incident:create', incidentInput({ type: 'cardiac_arrest', location: ANDORRA_LA_VELLA }));
      if (!created.ok) throw new Error(created.error.message);
      const first = await send(dispatcher.socket, 'dispatch:recommend', { incidentId: created.data.id });
      const silentId = first.ok ? first.data.byKind.find((k) => k.kind === 'als')?.candidates[0]?.unitId : undefined;
      await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created.data.id, unitIds: [silentId] });
      const stood = await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId: silentId, status: 'available', reason: 'no_acknowledgement' });
      expect(stood.ok && stood.data.unansweredAt).toBeTypeOf('number');
      const next = await send(dispatcher.socket, 'dispatch:recommend', { incidentId: created.data.id });
      if (!next.ok) throw new Error(next.error.message);
      const als = next.data.byKind.find((k) => k.kind === 'als');
      expect(als?.candidates.map((c) => c.unitId)).not.toContain(silentId);
      expect(als?.passedOver.find((p) => p.unitId === silentId)?.reason).toBe('not_acknowledging');
      dispatcher.close();
    } finally {
      await app.close();
    }
  });

  it('[CR1] a crew gets version ticks for other changes, and sync:since only what concerns it', async () => {
    const app = await startTestServer({ cityDir: 'fixtures/andorra' });
    try {
      const dispatcher = await connectClient(app.url, DISPATCHER);
      const crew = await connectClient(app.url, crewSession('pol-01'));
      const created = await send(dispatcher.socket, 'incident:create', incidentInput({ type: 'cardiac_arrest', location: ANDORRA_LA_VELLA }));
      if (!created.ok) throw new Error(created.error.message);
      await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created.data.id, unitIds: ['pol-01'] });
      await waitForDelta(crew, (d) => d.fact === 'dispatch:assigned');
      // The crew's sign-on to its vehicle is the first change (version 1), before its snapshot.
      const signedOn = crew.snapshot.version;
      // The incident's creation went by the crew: a tick told it so before its assignment arrived, and it saw no gap.
      expect(ticksCover(crew.ticks, signedOn + 1)).toBe(true);
      expect(crew.versions.current()).toBe(signedOn + 2);
      expect(crew.versions.gaps).toEqual([]);
      const caughtUp = await send(crew.socket, 'sync:since', { version: 0 });
      if (!caughtUp.ok || caughtUp.data.kind !== 'deltas') throw new Error('expected deltas');
      expect(caughtUp.data.deltas.map((d) => d.fact)).toEqual(['unit:crew_changed', 'dispatch:assigned']);
      expect(caughtUp.data.version).toBe(signedOn + 2);
      crew.close();
      dispatcher.close();
    } finally {
      await app.close();
    }
  });
});
