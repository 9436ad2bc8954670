import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitFix } from '../../shared/units/unitSchema.ts';
import type { UnitPositionsAnswer } from '../../shared/units/unitCommands.ts';
import { DISPATCHER, crewSession } from '../support/builders.ts';
import { dataOf } from '../support/answers.ts';
import { commandId, connectClient, send, type TestClient } from '../support/testClient.ts';
import { postJson, sessionCookie, type TestIdentity } from '../support/testSession.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const GATEWAY: TestIdentity = { role: 'avl_gateway', operatorId: 'avl-gw' };
const WAIT_MS = 15_000;

describe('[UP3] the AVL gateway sends the fleet\'s fixes in batches', () => {
  let app: TestServer;
  let gateway: TestClient;
  let dispatcher: TestClient;
  let crew: TestClient;
  /** Every fix the dispatcher's console heard, in order. */
  const heard: UnitFix[] = [];

  const stored = async (unitId: string): Promise<string[]> => {
    const { redis, keys } = app.server.ctx;
    const [lng, lat, fixAt] = await redis.hmget(keys.unit(unitId), 'lng', 'lat', 'fixAt');
    return [lng ?? '', lat ?? '', fixAt ?? ''];
  };

  beforeAll(async () => {
    // Fixes are never shed here: the machine running the tests may be busy (OPS12 is tested on its own).
    app = await startTestServer();
    [gateway, dispatcher, crew] = await Promise.all([connectClient(app.url, GATEWAY), connectClient(app.url, DISPATCHER), connectClient(app.url, crewSession('als-a01'))]);
    dispatcher.socket.on('units:moved', (frame) => heard.push(...frame));
  });
  afterAll(async () => {
    for (const client of [gateway, dispatcher, crew]) client?.close();
    await app.close();
  });

  it('[UP3] a batch is stored fix by fix, the latest fix of each unit winning; unknown units and clocks ahead are rejected alone; consoles hear the stored fixes', async () => {
    // Later than the parked fleet's fixes, taken when the server started.
    const now = Date.now() + 5_000;
    const before = await stored('als-a02');
    const answer: UnitPositionsAnswer = dataOf(
      await send(gateway.socket, 'units:positions', {
        commandId: commandId(),
        fixes: [
          { unitId: 'als-a01', position: [28.011, -26.101], fixAt: now - 2_000 },
          { unitId: 'no-such-unit', position: [28.0, -26.1], fixAt: now },
          { unitId: 'eng-f01', position: [28.022, -26.202], fixAt: now },
          // The same unit again, later in time: it wins.
          { unitId: 'als-a01', position: [28.012, -26.102], fixAt: now - 1_000 },
          { unitId: 'als-a02', position: [28.5, -26.5], fixAt: now + 3_600_000 },
        ],
      }),
    );
    expect(answer).toEqual({
      stored: 3,
      ignored: 0,
      rejected: [
        { index: 1, unitId: 'no-such-unit', reason: 'unit_not_found' },
        { index: 4, unitId: 'als-a02', reason: 'clock_ahead' },
      ],
    });
    expect(await stored('als-a01')).toEqual(['28.012', '-26.102', String(now - 1_000)]);
    expect(await stored('eng-f01')).toEqual(['28.022', '-26.202', String(now)]);
    expect(await stored('als-a02')).toEqual(before);
    // The available unit moved in its kind's set too, so the next recommendation measures from where it is.
    const [[lng, lat] = []] = (await app.server.ctx.redis.geopos(app.server.ctx.keys.availableUnits('fire_engine'), 'eng-f01')) as [string, string][];
    expect(Number(lng)).toBeCloseTo(28.022, 5);
    expect(Number(lat)).toBeCloseTo(-26.202, 5);
    // The frame carries each unit's latest stored fix.
    await expect.poll(() => heard.find((fix) => fix.unitId === 'eng-f01' && fix.fixAt === now), { timeout: WAIT_MS }).toBeDefined();
    await expect.poll(() => heard.filter((fix) => fix.unitId === 'als-a01').at(-1)?.position, { timeout: WAIT_MS }).toEqual([28.012, -26.102]);
    expect(heard.some((fix) => fix.unitId === 'als-a02' || (fix.unitId as string) === 'no-such-unit')).toBe(false);
  });

  it('[UP3] a batch resent, or older than what is stored, changes nothing; the answer says how many were ignored', async () => {
    const fixAt = Date.now();
    const batch = { commandId: commandId(), fixes: [{ unitId: 'bls-a01', position: [28.03, -26.13] as [number, number], fixAt }] };
    expect(dataOf(await send(gateway.socket, 'units:positions', batch))).toEqual({ stored: 1, ignored: 0, rejected: [] });
    expect(dataOf(await send(gateway.socket, 'units:positions', { ...batch, commandId: commandId(), fixes: [{ ...batch.fixes[0], position: [28.9, -26.9], fixAt: fixAt - 5_000 }] }))).toEqual({
      stored: 0,
      ignored: 1,
      rejected: [],
    });
    expect(await stored('bls-a01')).toEqual(['28.03', '-26.13', String(fixAt)]);
  });

  it('[UP3][AU2] over HTTP with the gateway\'s session; a crew, a dispatcher or no session may not send a batch', async () => {
    const fixAt = Date.now();
    const body = { commandId: commandId(), fixes: [{ unitId: 'jmpd-a01', position: [28.04, -26.14], fixAt }] };
    const answer = await postJson(app.url, '/api/units/positions', await sessionCookie(app.url, GATEWAY), body);
    expect(answer).toMatchObject({ status: 200, body: { ok: true, data: { stored: 1, ignored: 0, rejected: [] } } });
    expect(await stored('jmpd-a01')).toEqual(['28.04', '-26.14', String(fixAt)]);
    const later = { commandId: commandId(), fixes: [{ unitId: 'jmpd-a01', position: [28.5, -26.5], fixAt: fixAt + 1_000 }] };
    for (const client of [crew, dispatcher]) {
      const refused = await send(client.socket, 'units:positions', later);
      expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
    }
    const anonymous = await postJson(app.url, '/api/units/positions', '', later);
    expect(anonymous.status).toBe(401);
    expect(await stored('jmpd-a01')).toEqual(['28.04', '-26.14', String(fixAt)]);
  });

  it('[UP3] the gateway\'s account sees no board: its snapshot holds no unit and no incident', () => {
    expect(gateway.snapshot.units).toEqual([]);
    expect(gateway.snapshot.incidents).toEqual([]);
  });
});
