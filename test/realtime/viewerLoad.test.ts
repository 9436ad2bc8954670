import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../server/journal/readSnapshot.ts';
import { MAX_IN_FLIGHT_PER_CONNECTION, SHED_POSITIONS_ABOVE_IN_FLIGHT } from '../../server/realtime/connectionLoad.ts';
import { snapshotForViewer } from '../../shared/protocol/deskView.ts';
import type { Snapshot } from '../../shared/protocol/stateSchema.ts';
import { CALL_TAKER, crewSession, DISPATCHER, incidentInput } from '../support/builders.ts';
import { commandId, connectClient, send, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const UNIT = 'eng-f01';
/** A snapshot with its read time set aside (two reads are never at the same millisecond). */
const withoutTime = (snapshot: Snapshot): Snapshot => ({ ...snapshot, at: 0 });

describe('[OPS12] what a connection costs: its own view, a bounded number of commands, positions after commands', () => {
  let t: TestServer;
  let dispatcher: TestClient;
  beforeAll(async () => {
    t = await startTestServer();
    dispatcher = await connectClient(t.url, DISPATCHER);
    const created = await Promise.all([1, 2, 3].map((i) => send(dispatcher.socket, 'incident:create', { ...incidentInput({ notes: `board ${i}` }), commandId: commandId() })));
    const first = created[0];
    if (!first?.ok) throw new Error('no incident');
    const assigned = await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: first.data.id, unitIds: [UNIT] });
    if (!assigned.ok) throw new Error(assigned.error.message);
  }, 120_000);
  afterAll(async () => {
    dispatcher.close();
    await t.close();
  });

  it('[OPS12][RT1] a crew reads its unit and its incident only, equal to the board filtered for it; a role with no board reads the version only', async () => {
    const crew = await connectClient(t.url, crewSession(UNIT));
    const careAgent = await connectClient(t.url, { role: 'care_agent', operatorId: 'agent-load' });
    try {
      const own = await send(crew.socket, 'state:read', {});
      if (!own.ok) throw new Error(own.error.message);
      const board = await readSnapshot(t.server.ctx);
      expect(withoutTime(own.data)).toEqual(withoutTime(snapshotForViewer({ role: 'crew', unitId: UNIT }, board)));
      expect(own.data.units.map((unit) => unit.id)).toEqual([UNIT]);
      expect(own.data.incidents).toHaveLength(1);
      expect(board.incidents.length).toBeGreaterThanOrEqual(3);
      const none = careAgent.snapshot;
      expect({ units: none.units, incidents: none.incidents, version: none.version }).toEqual({ units: [], incidents: [], version: board.version });
    } finally {
      crew.close();
      careAgent.close();
    }
  });

  it('[OPS12] with writes held: a connection past its limit is refused at once, and a position fix is shed while the instance is busy, counted', async () => {
    const callTakers = await Promise.all([1, 2, 3].map((i) => connectClient(t.url, { ...CALL_TAKER, operatorId: `ct-load-${i}` })));
    const crew = await connectClient(t.url, crewSession(UNIT));
    const pauser = new Redis(t.redis.url);
    try {
      const shedBefore = (await t.server.ctx.ops.metrics.positionsShed.get()).values[0]?.value ?? 0;
      await pauser.call('CLIENT', 'PAUSE', '3000', 'WRITE');
      // Every call-taker fills its connection; the instance then runs more commands than the shedding line.
      const held = callTakers.flatMap((client) => Array.from({ length: MAX_IN_FLIGHT_PER_CONNECTION }, () => send(client.socket, 'incident:create', { ...incidentInput({ notes: 'held' }), commandId: commandId() })));
      await expect.poll(() => t.server.ctx.ops.gate.inFlight, { timeout: 5_000, interval: 10 }).toBeGreaterThanOrEqual(SHED_POSITIONS_ABOVE_IN_FLIGHT);
      const over = await send(callTakers[0]?.socket ?? crew.socket, 'incident:create', { ...incidentInput({ notes: 'one too many' }), commandId: commandId() });
      expect(over).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      expect(over.ok ? '' : over.error.message).toMatch(/commands waiting for their answers on this connection/);
      const fix = await send(crew.socket, 'unit:position', { commandId: commandId(), unitId: UNIT, position: [28.05, -26.2], fixAt: Date.now() });
      expect(fix).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      expect(fix.ok ? '' : fix.error.message).toMatch(/position fix not stored/);
      expect((await t.server.ctx.ops.metrics.positionsShed.get()).values[0]?.value).toBe(shedBefore + 1);
      // The held commands are answered once Redis takes writes again (unavailable: they waited past their deadline).
      const answers = await Promise.all(held);
      expect(answers.filter((answer) => !answer.ok && answer.error.code !== 'unavailable')).toEqual([]);
      // Quiet again: fixes are stored.
      const later = await send(crew.socket, 'unit:position', { commandId: commandId(), unitId: UNIT, position: [28.05, -26.2], fixAt: Date.now() });
      expect(later.ok ? 'ok' : later.error).toBe('ok');
    } finally {
      pauser.disconnect();
      crew.close();
      for (const client of callTakers) client.close();
    }
  }, 60_000);
});
