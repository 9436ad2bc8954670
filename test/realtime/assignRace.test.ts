import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentInput } from '../support/builders.ts';
import { commandId, connectClient, send, waitForDelta, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

describe('[DS2] two dispatchers can never commit one vehicle twice', () => {
  let app: TestServer;
  let dispatchers: TestClient[];

  beforeAll(async () => {
    app = await startTestServer();
    dispatchers = await Promise.all(Array.from({ length: 50 }, (_, i) => connectClient(app.url, { role: 'dispatcher', operatorId: `disp-${i}` })));
  });
  afterAll(async () => {
    for (const d of dispatchers) d.close();
    await app.close();
  });

  it('[DS2] 50 concurrent assigns of one unit: exactly one succeeds, 49 get unit_not_available', async () => {
    const first = dispatchers[0];
    if (!first) throw new Error('no clients');
    // Each dispatcher has an incident of its own, so the race is on the unit alone.
    const incidents = await Promise.all(dispatchers.map(async (d) => {
      const created = await send(d.socket, 'incident:create', incidentInput());
      if (!created.ok) throw new Error(created.error.message);
      return created.data;
    }));
    const unitId = 'als-f01';
    const answers = await Promise.all(
      dispatchers.map((d, i) => send(d.socket, 'dispatch:assign', { commandId: commandId(), incidentId: incidents[i]?.id, unitIds: [unitId] })),
    );
    const winners = answers.filter((a) => a.ok);
    const losers = answers.filter((a) => !a.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const loser of losers) {
      if (loser.ok) continue;
      expect(loser.error.code).toBe('unit_not_available');
      expect(loser.error.unitId).toBe(unitId);
    }
    const winner = winners[0];
    if (!winner?.ok) throw new Error('no winner');

    // The unit's record, the incident and the journal agree on the one commitment.
    const unit = await app.server.ctx.redis.hgetall(app.server.ctx.keys.unit(unitId));
    expect(unit.status).toBe('dispatched');
    expect(unit.incidentId).toBe(winner.data.incident.id);
    const journal = await app.server.ctx.redis.xrange(app.server.ctx.keys.journal, '-', '+');
    const assignments = journal.filter(([, fields]) => fields[1] === 'dispatch:assigned');
    expect(assignments).toHaveLength(1);
    expect(await app.server.ctx.redis.zscore(app.server.ctx.keys.availableUnits('als'), unitId)).toBeNull();
    const seen = await waitForDelta(first, (d) => d.fact === 'dispatch:assigned');
    expect(seen.units[0]?.id).toBe(unitId);
  });

  it('[DS2] an assignment of several units commits all or none', async () => {
    const d = dispatchers[1];
    if (!d) throw new Error('no client');
    const created = await send(d.socket, 'incident:create', incidentInput({ type: 'structure_fire' }));
    if (!created.ok) throw new Error(created.error.message);
    const busy = 'als-f01'; // committed by the race above
    const answer = await send(d.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created.data.id, unitIds: ['eng-f01', busy] });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('unit_not_available');
    expect(answer.error.unitId).toBe(busy);
    const engine = await app.server.ctx.redis.hget(app.server.ctx.keys.unit('eng-f01'), 'status');
    expect(engine).toBe('available');
    const both = await send(d.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created.data.id, unitIds: ['eng-f01', 'res-f01'] });
    expect(both.ok).toBe(true);
    if (!both.ok) return;
    expect(both.data.units.map((u) => u.status)).toEqual(['dispatched', 'dispatched']);
    expect(both.data.incident.assignments.map((a) => a.unitId)).toEqual(['eng-f01', 'res-f01']);
    expect(both.data.incident.status).toBe('dispatched');
  });

  it('[DS3] a committed unit is never recommended for another incident', async () => {
    const d = dispatchers[2];
    if (!d) throw new Error('no client');
    const created = await send(d.socket, 'incident:create', incidentInput({ type: 'cardiac_arrest' }));
    if (!created.ok) throw new Error(created.error.message);
    const recommendation = await send(d.socket, 'dispatch:recommend', { incidentId: created.data.id });
    if (!recommendation.ok) throw new Error(recommendation.error.message);
    const als = recommendation.data.byKind.find((k) => k.kind === 'als');
    expect(als?.needed).toBe(1);
    expect(als?.candidates.length).toBeGreaterThan(0);
    expect(als?.candidates.map((c) => c.unitId)).not.toContain('als-f01');
    expect(als?.passedOver.find((p) => p.unitId === 'als-f01')?.reason ?? 'busy').toBe('busy');
    const distances = als?.candidates.map((c) => c.distanceMeters) ?? [];
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });
});
