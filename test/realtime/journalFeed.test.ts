import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadServer, type CadServer } from '../../server/app/createCadServer.ts';
import { createIncident } from '../../server/incidents/createIncident.ts';
import { CONTRACT } from '../../shared/protocol/contract.ts';
import { CALL_TAKER, DISPATCHER, incidentInput } from '../support/builders.ts';
import { connectClient, send, waitForDelta } from '../support/testClient.ts';
import { joburgCity, testServerOptions } from '../support/testServer.ts';
import { startTestRedis } from '../support/testRedis.ts';

/**
 * [RT2] Each instance sends the journal's changes to its own sockets by reading the journal: a change reaches every
 * console because it was committed, whichever instance committed it and whether or not that instance published it.
 */
describe('[RT2] the journal feed', () => {
  let redis: Awaited<ReturnType<typeof startTestRedis>>;
  let east: CadServer;
  let west: CadServer;

  beforeAll(async () => {
    redis = await startTestRedis();
    east = await createCadServer({ redisUrl: redis.url, city: joburgCity(), ...testServerOptions() });
    west = await createCadServer({ redisUrl: redis.url, city: joburgCity(), ...testServerOptions() });
  });
  afterAll(async () => {
    await east.close();
    await west.close();
    await redis.cleanup();
  });

  it('[RT2] a change committed and never published by any instance (as when its instance dies after the commit) reaches the consoles of both', async () => {
    const onEast = await connectClient(east.url, DISPATCHER);
    const onWest = await connectClient(west.url, { role: 'dispatcher', operatorId: 'feed-west' });
    // The domain function commits through its script; nothing calls publishOutcome.
    const input = CONTRACT['incident:create'].input.parse(incidentInput({ type: 'structure_fire', notes: 'committed, never published' }));
    const created = await createIncident(east.ctx, input, { role: 'call_taker', operatorId: 'feed-test' });
    if (!created.result.ok) throw new Error(created.result.error.message);
    const id = created.result.data.id;
    for (const console of [onEast, onWest]) {
      const seen = await waitForDelta(console, (delta) => delta.incidents[0]?.id === id, 10_000);
      expect(seen.fact).toBe('incident:created');
      expect(seen.incidents[0]).toEqual(created.result.data);
    }
    onEast.close();
    onWest.close();
  });

  it('[RT2] changes made on two instances at once reach a console once each, in version order, with no gap', async () => {
    const watcher = await connectClient(west.url, { role: 'dispatcher', operatorId: 'feed-watcher' });
    const from = watcher.snapshot.version;
    const eastTaker = await connectClient(east.url, CALL_TAKER);
    const westTaker = await connectClient(west.url, { role: 'call_taker', operatorId: 'feed-taker-west' });
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => send((i % 2 === 0 ? eastTaker : westTaker).socket, 'incident:create', incidentInput({ notes: `feed order ${i}` }))));
    expect(answers.every((answer) => answer.ok)).toBe(true);
    const to = from + 40;
    await waitForDelta(watcher, (delta) => delta.version === to, 10_000);
    // Every change between, once each, in order; the console's version ticks and creations alike.
    const versions = watcher.deltas.map((delta) => delta.version).filter((version) => version > from && version <= to);
    expect(versions).toEqual(Array.from({ length: 40 }, (_, i) => from + 1 + i));
    watcher.close();
    eastTaker.close();
    westTaker.close();
  });
});
