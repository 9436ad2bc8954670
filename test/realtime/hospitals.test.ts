import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentInput, DISPATCHER } from '../support/builders.ts';
import { commandId, connectClient, send, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { distanceMeters } from '../../shared/geo/distance.ts';
import { facilityCapabilities } from '../../shared/hospitals/capabilities.ts';

describe('[HO3] hospitals for a patient: those that can take them first, with what each can take', () => {
  let app: TestServer;
  let dispatcher: TestClient;

  beforeAll(async () => {
    app = await startTestServer();
    dispatcher = await connectClient(app.url, DISPATCHER);
  });
  afterAll(async () => {
    dispatcher.close();
    await app.close();
  });

  async function hospitalsFor(type: 'road_accident_entrapment' | 'cardiac_arrest', unitId: string) {
    const created = await send(dispatcher.socket, 'incident:create', incidentInput({ type }));
    if (!created.ok) throw new Error(created.error.message);
    const assigned = await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created.data.id, unitIds: [unitId] });
    if (!assigned.ok) throw new Error(assigned.error.message);
    const answer = await send(dispatcher.socket, 'route:hospitals', { unitId });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  }

  /** An ambulance whose nearest 24-hour emergency unit (straight line) cannot take trauma. */
  function ambulanceNearANonTraumaUnit(): string {
    const { fleet, facilities } = app.server.ctx.city.data;
    const receiving = facilities.filter((f) => f.hasEmergencyUnit24h);
    const unit = fleet.find((u) => {
      if (u.kind !== 'als') return false;
      const base = facilities.find((f) => f.id === u.baseId)?.position;
      if (!base) return false;
      const nearest = [...receiving].sort((a, b) => distanceMeters(base, a.position) - distanceMeters(base, b.position))[0];
      return nearest !== undefined && !facilityCapabilities(nearest).includes('trauma');
    });
    if (!unit) throw new Error('no ambulance stands nearest a non-trauma unit');
    return unit.id;
  }

  it('[HO3] for a trapped patient, trauma-capable hospitals come first even when a community health centre is nearer', async () => {
    const options = await hospitalsFor('road_accident_entrapment', ambulanceNearANonTraumaUnit());
    const firstUnsuitable = options.findIndex((o) => !o.isSuitable);
    expect(firstUnsuitable).toBeGreaterThan(0);
    expect(options.slice(0, firstUnsuitable).every((o) => o.capabilities.includes('trauma'))).toBe(true);
    expect(options.slice(firstUnsuitable).every((o) => !o.isSuitable && o.lacks.includes('trauma'))).toBe(true);
    const suitable = options.slice(0, firstUnsuitable);
    expect(suitable.map((o) => o.etaSeconds)).toEqual([...suitable.map((o) => o.etaSeconds)].sort((a, b) => a - b));
    // The nearest of all is a community health centre with a 24-hour unit, which is not where this patient goes.
    const nearest = [...options].sort((a, b) => a.etaSeconds - b.etaSeconds)[0];
    expect(nearest?.isSuitable).toBe(false);
  });

  it('[HO3] a cardiac arrest can go to any 24-hour emergency unit: nearest first', async () => {
    const options = await hospitalsFor('cardiac_arrest', 'als-b01');
    expect(options.every((o) => o.isSuitable)).toBe(true);
    expect(options.map((o) => o.etaSeconds)).toEqual([...options.map((o) => o.etaSeconds)].sort((a, b) => a - b));
  });
});
