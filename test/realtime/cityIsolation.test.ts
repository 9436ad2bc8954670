import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadServer, type CadServer } from '../../server/app/createCadServer.ts';
import { incidentInput, CALL_TAKER } from '../support/builders.ts';
import { connectClient, send } from '../support/testClient.ts';
import { cityPack, joburgCity, testServerOptions } from '../support/testServer.ts';
import { startTestRedis } from '../support/testRedis.ts';

describe('[OP1] two cities on one Redis never mix', () => {
  let redis: Awaited<ReturnType<typeof startTestRedis>>;
  let joburg: CadServer;
  let andorra: CadServer;

  beforeAll(async () => {
    redis = await startTestRedis();
    const pack = cityPack('fixtures/andorra');
    joburg = await createCadServer({ redisUrl: redis.url, city: joburgCity(), keyTag: 'jhb', ...testServerOptions() });
    andorra = await createCadServer({ redisUrl: redis.url, city: pack.city, roadGraphFile: pack.roadGraphFile, keyTag: 'and', ...testServerOptions() });
  });
  afterAll(async () => {
    await joburg.close();
    await andorra.close();
    await redis.cleanup();
  });

  it('[OP1] each city’s board holds only its own fleet and incidents, and its references start its own sequence', async () => {
    const inJoburg = await connectClient(joburg.url, CALL_TAKER);
    const inAndorra = await connectClient(andorra.url, CALL_TAKER);
    expect(inJoburg.snapshot.units).toHaveLength(joburg.ctx.city.data.fleet.length);
    expect(inAndorra.snapshot.units).toHaveLength(andorra.ctx.city.data.fleet.length);
    const andorraBases = new Set(andorra.ctx.city.data.fleet.map((u) => u.baseId));
    expect(inJoburg.snapshot.units.some((u) => andorraBases.has(u.baseId))).toBe(false);

    const a = await send(inJoburg.socket, 'incident:create', incidentInput());
    const b = await send(inAndorra.socket, 'incident:create', incidentInput({ location: [1.5218, 42.5063] }));
    if (!a.ok || !b.ok) throw new Error('create failed');
    expect(a.data.reference).toMatch(/-0001-\d$/);
    expect(b.data.reference).toMatch(/-0001-\d$/);
    const again = await connectClient(joburg.url, { role: 'supervisor', operatorId: 'sup-jhb' });
    expect(again.snapshot.incidents.map((i) => i.id)).toEqual([a.data.id]);
    for (const client of [inJoburg, inAndorra, again]) client.close();
  });
});
