import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnitIdSchema } from '../../shared/units/unitSchema.ts';
import type { Agency } from '../../shared/units/unitKinds.ts';
import { incidentInput, CALL_TAKER } from '../support/builders.ts';
import { commandId, connectClient, send, ticksCover, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const desk = (agency: Agency) => ({ role: 'dispatcher', operatorId: `desk-${agency}`, agency }) as const;

describe('[DK1] each agency desk sees its own part of the work', () => {
  let app: TestServer;
  let callTaker: TestClient;
  let ems: TestClient;
  let fire: TestClient;
  let police: TestClient;

  beforeAll(async () => {
    app = await startTestServer();
    callTaker = await connectClient(app.url, CALL_TAKER);
    [ems, fire, police] = await Promise.all([connectClient(app.url, desk('ems')), connectClient(app.url, desk('fire')), connectClient(app.url, desk('metro_police'))]);
  });
  afterAll(async () => {
    for (const client of [callTaker, ems, fire, police]) client.close();
    await app.close();
  });

  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));
  const saw = (client: TestClient, incidentId: string): boolean => client.deltas.some((d) => d.incidents.some((i) => i.id === incidentId));

  it('[DK1] a desk snapshot holds its own agency’s units only', () => {
    expect(new Set(ems.snapshot.units.map((u) => u.agency))).toEqual(new Set(['ems']));
    expect(ems.snapshot.units).toHaveLength(100);
    expect(police.snapshot.units).toHaveLength(40);
  });

  it('[DK1][US5] the Fire & Rescue desk holds the ladders, hazmat units and command vehicles with its engines', () => {
    expect(new Set(fire.snapshot.units.map((u) => u.agency))).toEqual(new Set(['fire']));
    expect(new Set(fire.snapshot.units.map((u) => u.kind))).toEqual(new Set(['fire_engine', 'rescue', 'aerial_ladder', 'hazmat', 'command']));
    expect(ems.snapshot.units.some((u) => u.kind === 'command')).toBe(false);
  });

  it('[DK1] a road accident with entrapment reaches the EMS, Fire and Metro Police desks', async () => {
    const created = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'road_accident_entrapment' }));
    if (!created.ok) throw new Error(created.error.message);
    await settle();
    expect([saw(ems, created.data.id), saw(fire, created.data.id), saw(police, created.data.id)]).toEqual([true, true, true]);
  });

  it('[DK1][DK2] a cardiac arrest reaches only the EMS desk; the others get a version tick, so no gap', async () => {
    const created = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'cardiac_arrest' }));
    if (!created.ok) throw new Error(created.error.message);
    await settle();
    expect([saw(ems, created.data.id), saw(fire, created.data.id), saw(police, created.data.id)]).toEqual([true, false, false]);
    const version = ems.deltas.find((d) => d.incidents[0]?.id === created.data.id)?.version ?? 0;
    // [DK2] The others hear that the version went by (ticks are coalesced, so within a flush interval), and never see a gap.
    await expect.poll(() => ticksCover(fire.ticks, version) && ticksCover(police.ticks, version), { timeout: 5_000 }).toBe(true);
    expect([ems.versions.gaps, fire.versions.gaps, police.versions.gaps]).toEqual([[], [], []]);
  });

  it('[DK1] each desk’s recommendation covers its own part of the response plan', async () => {
    const created = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'road_accident_entrapment' }));
    if (!created.ok) throw new Error(created.error.message);
    const kinds = async (client: TestClient): Promise<string[]> => {
      const answer = await send(client.socket, 'dispatch:recommend', { incidentId: created.data.id });
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data.byKind.map((k) => k.kind).sort();
    };
    expect(await kinds(ems)).toEqual(['als', 'bls']);
    expect(await kinds(fire)).toEqual(['fire_engine', 'rescue']);
    expect(await kinds(police)).toEqual(['metro_police']);
  });

  it('[DK1][US5] a high-rise fire: the Fire & Rescue desk is offered the ladder and the command vehicle, the EMS desk its ambulances', async () => {
    const created = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'high_rise_fire' }));
    if (!created.ok) throw new Error(created.error.message);
    const answer = await send(fire.socket, 'dispatch:recommend', { incidentId: created.data.id });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.byKind.map((k) => k.kind).sort()).toEqual(['aerial_ladder', 'command', 'fire_engine', 'rescue']);
    const ladder = answer.data.byKind.find((k) => k.kind === 'aerial_ladder');
    expect(ladder?.candidates[0]?.callSign).toMatch(/^LAD-[A-G]\d{2}$/);
    const emsAnswer = await send(ems.socket, 'dispatch:recommend', { incidentId: created.data.id });
    if (!emsAnswer.ok) throw new Error(emsAnswer.error.message);
    expect(emsAnswer.data.byKind.map((k) => k.kind).sort()).toEqual(['als', 'bls']);
  });

  it('[DK3] a desk commits only its own agency’s units', async () => {
    const created = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'road_accident_entrapment' }));
    if (!created.ok) throw new Error(created.error.message);
    const wrong = await send(ems.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created.data.id, unitIds: ['eng-a01'] });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('forbidden');
    const right = await send(fire.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created.data.id, unitIds: ['eng-a01'] });
    expect(right.ok).toBe(true);
  });

  it('[DK2] sync:since for a desk returns only its deltas but the journal head as its version', async () => {
    const from = Number(await app.server.ctx.redis.get(app.server.ctx.keys.version));
    await send(callTaker.socket, 'incident:create', incidentInput({ type: 'cardiac_arrest' }));
    const structure = await send(callTaker.socket, 'incident:create', incidentInput({ type: 'structure_fire' }));
    await send(callTaker.socket, 'incident:create', incidentInput({ type: 'cardiac_arrest' }));
    if (!structure.ok) throw new Error(structure.error.message);
    const answer = await send(fire.socket, 'sync:since', { version: from });
    if (!answer.ok || answer.data.kind !== 'deltas') throw new Error('expected deltas');
    expect(answer.data.deltas.map((d) => d.incidents[0]?.id)).toEqual([structure.data.id]);
    expect(answer.data.version).toBe(from + 3);
  });
});

describe('[RT4][DK1] position frames reach agency desks', () => {
  it('[RT4] a desk console receives coalesced frames', async () => {
    const app = await startTestServer({ settings: { positionFrameMs: 50 } });
    try {
      const ems = await connectClient(app.url, desk('ems'));
      const crew = await connectClient(app.url, { role: 'crew', operatorId: 'c1', unitId: UnitIdSchema.parse(ems.snapshot.units[0]?.id) });
      const frames: string[] = [];
      ems.socket.on('units:moved', (frame) => frames.push(...frame.map((fix) => fix.unitId)));
      const moved = await send(crew.socket, 'unit:position', { commandId: commandId(), unitId: ems.snapshot.units[0]?.id, position: [28.01, -26.2] });
      expect(moved.ok).toBe(true);
      const deadline = Date.now() + 2_000;
      while (frames.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(frames).toContain(ems.snapshot.units[0]?.id);
      ems.close();
      crew.close();
    } finally {
      await app.close();
    }
  });
});
