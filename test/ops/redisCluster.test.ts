import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadServer, type CadServer } from '../../server/app/createCadServer.ts';
import { CITIES } from '../../server/city/cityRegistry.ts';
import { keySlot } from '../../server/redis/keySlot.ts';
import { redisKeys } from '../../server/redis/keys.ts';
import { dataOf } from '../support/answers.ts';
import { CALL_TAKER, crewSession, incidentInput, ticketInput } from '../support/builders.ts';
import { commandId, connectClient, send, waitForDelta, type TestClient } from '../support/testClient.ts';
import { startTestPostgres } from '../support/testPostgres.ts';
import { startTestRedisCluster, type TestRedisCluster } from '../support/testRedisCluster.ts';
import { joburgCity, testServerOptions } from '../support/testServer.ts';

const KEYS = redisKeys('jhb');

describe('[OPS11] one metro on a Redis Cluster of three masters: the scripts, and two instances', () => {
  let cluster: TestRedisCluster;
  let postgres: Awaited<ReturnType<typeof startTestPostgres>>;
  /** A plain connection to each master, by port. */
  const masters = new Map<number, Redis>();
  let east: CadServer;
  let west: CadServer;
  const clients: TestClient[] = [];

  /** The port of the master serving `slot`. */
  async function ownerOf(slot: number): Promise<number> {
    const [any] = masters.values();
    // `CLUSTER SLOTS`: each range of slots with the nodes serving it, its master first.
    const range = (await any?.cluster('SLOTS'))?.find(([from, to]) => slot >= from && slot <= to);
    const port = range?.[2]?.[1];
    if (port === undefined) throw new Error(`no master serves slot ${slot}`);
    return port;
  }

  const connect = async (server: CadServer, identity: Parameters<typeof connectClient>[1]): Promise<TestClient> => {
    const client = await connectClient(server.url, identity);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    [cluster, postgres] = await Promise.all([startTestRedisCluster(3), startTestPostgres()]);
    for (const port of cluster.ports) masters.set(port, new Redis(port, '127.0.0.1'));
    const options = (instanceId: string) => ({ redisUrl: cluster.url, redisCluster: true, databaseUrl: postgres.url, instanceId, city: joburgCity(), ...testServerOptions({ positionFrameMs: 50 }) });
    east = await createCadServer(options('east'));
    west = await createCadServer(options('west'));
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) client.close();
    await east?.close();
    await west?.close();
    for (const master of masters.values()) master.disconnect();
    await cluster?.cleanup();
    await postgres?.cleanup();
  });

  it('[OPS11] every key of the metro hashes to one slot, served by one master; other metros may be served by other masters', async () => {
    const [first] = masters.values();
    if (!first) throw new Error('no master');
    const slot = keySlot(KEYS.version);
    const samples = [KEYS.unit('als-f01'), KEYS.incident('JHB-1'), KEYS.journal, KEYS.lease('vehicle-simulator'), KEYS.socketIoStream, `${KEYS.rateLimitPrefix}:http:127.0.0.1`, KEYS.command('x')];
    for (const key of samples) {
      expect(keySlot(key)).toBe(slot);
      expect(await first.cluster('KEYSLOT', key)).toBe(slot);
    }
    const owner = await ownerOf(slot);
    // What the two instances wrote at start (the fleet, users, secret, adapter stream) is all on the metro's master.
    expect(await masters.get(owner)?.dbsize()).toBeGreaterThan(100);
    for (const [port, master] of masters) if (port !== owner) expect(await master.dbsize()).toBe(0);
    // Each metro's tag is one slot, each on one master: three metros need not share a node.
    const metroMasters = await Promise.all(Object.values(CITIES).map(async ({ keyTag }) => ownerOf(keySlot(redisKeys(keyTag).version))));
    expect(new Set(metroMasters).size).toBeGreaterThan(1);
    // Readiness PINGs the metro's master on each instance, and its clock was read there (the deadlines hold, OPS10).
    for (const server of [east, west]) expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('[OPS11] the store scripts run on the cluster: an incident captured, assigned, worked and closed, the snapshots, a position fix and a ticket', async () => {
    const callTaker = await connect(east, CALL_TAKER);
    const dispatcher = await connect(west, { role: 'dispatcher', operatorId: 'cl-disp' });
    const supervisor = await connect(east, { role: 'supervisor', operatorId: 'cl-sup' });
    const unitId = 'als-a01';
    const crew = await connect(west, crewSession(unitId));
    const incident = dataOf(await send(callTaker.socket, 'incident:create', incidentInput()));
    const assigned = dataOf(await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: incident.id, unitIds: [unitId] }));
    expect(assigned.units[0]).toMatchObject({ id: unitId, status: 'dispatched', incidentId: incident.id });
    for (const status of ['en_route', 'on_scene', 'available'] as const) {
      expect(dataOf(await send(crew.socket, 'unit:status', { commandId: commandId(), unitId, status })).status).toBe(status);
    }
    const closed = dataOf(await send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId: incident.id, disposition: 'false_alarm' }));
    expect(closed.status).toBe('closed');
    await waitForDelta(supervisor, (d) => d.fact === 'incident:closed' && d.incidents[0]?.id === incident.id);
    // The board's snapshot (units script and the instance's copy) and a crew's (its own unit).
    const open = dataOf(await send(callTaker.socket, 'incident:create', incidentInput({ type: 'structure_fire' })));
    const board = dataOf(await send(supervisor.socket, 'state:read', {}));
    expect(board.incidents.map((i) => i.id)).toContain(open.id);
    expect(board.incidents.map((i) => i.id)).not.toContain(incident.id);
    expect(board.units.find((u) => u.id === unitId)?.status).toBe('available');
    const own = dataOf(await send(crew.socket, 'state:read', {}));
    expect(own.units.map((u) => u.id)).toEqual([unitId]);
    // A position fix (its own connection) reaches a console on the other instance.
    const moved = new Promise<void>((resolve) => supervisor.socket.on('units:moved', (frame) => frame.some((fix) => fix.unitId === unitId && fix.position[0] === 28.05) && resolve()));
    // A fix may be shed while the instance is busy (OPS12, a loaded test machine): the device sends its next one.
    await expect.poll(async () => (await send(crew.socket, 'unit:position', { commandId: commandId(), unitId, position: [28.05, -26.2], fixAt: Date.now() })).ok, { timeout: 10_000, interval: 200 }).toBe(true);
    await moved;
    const agent = await connect(west, { role: 'care_agent', operatorId: 'cl-agent' });
    const ticket = dataOf(await send(agent.socket, 'ticket:create', ticketInput()));
    expect(await east.ctx.redis.hget(KEYS.ticket(ticket.id), 'rev')).not.toBeNull();
    // The archivers of both instances read the journal in one consumer group on the cluster.
    const version = Number(await east.ctx.redis.get(KEYS.version));
    expect(await east.ctx.archive?.archiver.waitFor(version, 20_000)).toBe(true);
  }, 40_000);

  it('[OPS11][DS2] dispatchers on two instances racing for the same units: one winner per unit, no unit booked twice', async () => {
    const dispatchers = await Promise.all(Array.from({ length: 12 }, (_, i) => connect(i % 2 === 0 ? east : west, { role: 'dispatcher', operatorId: `cl-race-${i}` })));
    const unitIds = ['als-f01', 'eng-f01', 'res-f01'];
    // Each dispatcher has an incident of its own per unit, so each race is on the unit alone.
    const incidents = await Promise.all(dispatchers.map(async (d) => Promise.all(unitIds.map(async () => dataOf(await send(d.socket, 'incident:create', incidentInput())).id))));
    const answers = await Promise.all(
      dispatchers.flatMap((d, i) => unitIds.map(async (unitId, u) => ({ unitId, answer: await send(d.socket, 'dispatch:assign', { commandId: commandId(), incidentId: incidents[i]?.[u], unitIds: [unitId] }) }))),
    );
    const journal = await east.ctx.redis.xrange(KEYS.journal, '-', '+');
    for (const unitId of unitIds) {
      const mine = answers.filter((a) => a.unitId === unitId);
      const winners = mine.flatMap((a) => (a.answer.ok ? [a.answer.data] : []));
      expect(winners).toHaveLength(1);
      expect(mine.filter((a) => !a.answer.ok).map((a) => (a.answer.ok ? 'ok' : a.answer.error.code))).toEqual(Array.from({ length: dispatchers.length - 1 }, () => 'unit_not_available'));
      const unit = await west.ctx.redis.hgetall(KEYS.unit(unitId));
      expect(unit).toMatchObject({ status: 'dispatched', incidentId: winners[0]?.incident.id });
      const committed = journal.filter(([, fields]) => fields[1] === 'dispatch:assigned' && fields.some((field) => field.includes(`"${unitId}"`)));
      expect(committed).toHaveLength(1);
    }
  }, 30_000);
});
