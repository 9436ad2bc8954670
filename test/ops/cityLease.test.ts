import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS_ROLE, connectRedis } from '../../server/redis/connectRedis.ts';
import { redisKeys } from '../../server/redis/keys.ts';
import type { RedisClient } from '../../server/redis/redisClient.ts';
import { untilReady } from '../../server/redis/untilReady.ts';
import { expectLeaseHandover } from '../support/leaseHandover.ts';
import { startServerProcess, type StartedServer } from '../support/serverProcess.ts';
import { startTestPostgres } from '../support/testPostgres.ts';
import { startTestRedis } from '../support/testRedis.ts';
import { startTestRedisCluster } from '../support/testRedisCluster.ts';

const KEYS = redisKeys('jhb');
const JOBS = ['vehicle-simulator', 'avl-heartbeat'] as const;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How often an instance says it took a job over. */
const takeovers = (server: StartedServer, job: string): number => server.output().split('\n').filter((line) => line.includes(`this instance now runs ${job}`)).length;

/** The live store the two instances share: one Redis, or a Redis Cluster of three masters on loopback. */
interface SharedStore {
  url: string;
  cluster: boolean;
  cleanup(): Promise<void>;
}

const STORES: { name: string; start: () => Promise<SharedStore> }[] = [
  { name: 'one Redis', start: async () => ({ ...(await startTestRedis()), cluster: false }) },
  { name: 'a Redis Cluster of three masters', start: async () => ({ ...(await startTestRedisCluster(3)), cluster: true }) },
];

describe.each(STORES)('[OPS11] the jobs that run once per city run on one instance, and pass on when it dies ($name)', ({ start }) => {
  let store: SharedStore;
  let postgres: Awaited<ReturnType<typeof startTestPostgres>>;
  let client: RedisClient;
  const dataDir = mkdtempSync(join(tmpdir(), 'cad-lease-'));
  const started: StartedServer[] = [];

  beforeAll(async () => {
    [store, postgres] = await Promise.all([start(), startTestPostgres()]);
    client = connectRedis({ url: store.url, isCluster: store.cluster }, COMMANDS_ROLE);
    await untilReady(client, 10_000);
  }, 120_000);
  afterAll(async () => {
    for (const server of started) server.child.kill('SIGKILL');
    client?.disconnect();
    await store?.cleanup();
    await postgres?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('[OPS11] two instances on one city: each job runs on one of them; kill -9 of its holder, and the other runs it within 12 s', async () => {
    const env = (id: string) => ({
      REDIS_URL: store.url,
      REDIS_CLUSTER: store.cluster ? 'on' : 'off',
      DATABASE_URL: postgres.url,
      INSTANCE_ID: id,
      SIMULATOR: 'on',
      DEMO_AVL: 'on',
      DEMO_USERS: 'on',
    });
    const [a, b] = await Promise.all([startServerProcess(join(dataDir, 'a'), env('instance-a')), startServerProcess(join(dataDir, 'b'), env('instance-b'))]);
    if (!a?.url || !b?.url) throw new Error(`an instance did not start: ${a?.output() ?? ''} ${b?.output() ?? ''}`);
    started.push(a, b);
    const byId = { 'instance-a': a, 'instance-b': b };
    // Each lease names one holder, and exactly one instance says it runs that job.
    await expect.poll(async () => (await Promise.all(JOBS.map((job) => client.get(KEYS.lease(job))))).every((holder) => holder !== null), { timeout: 10_000 }).toBe(true);
    await sleep(5_000);
    const simulatorHolder = await client.get(KEYS.lease('vehicle-simulator'));
    const holderId = simulatorHolder?.split('/')[0] as keyof typeof byId;
    const [holder, other] = holderId === 'instance-a' ? [a, b] : [b, a];
    expect(Object.keys(byId)).toContain(holderId);
    expect(takeovers(holder, 'the vehicle simulator') + takeovers(other, 'the vehicle simulator')).toBe(1);
    expect(takeovers(a, 'the AVL heartbeat') + takeovers(b, 'the AVL heartbeat')).toBe(1);

    holder.child.kill('SIGKILL');
    const killedAt = performance.now();
    await expect.poll(async () => (await client.get(KEYS.lease('vehicle-simulator')))?.split('/')[0], { timeout: 20_000, interval: 100 }).toBe(holderId === 'instance-a' ? 'instance-b' : 'instance-a');
    const handover = performance.now() - killedAt;
    await expect.poll(() => takeovers(other, 'the vehicle simulator'), { timeout: 5_000 }).toBe(1);
    // TTL 10 s, tried every 2 s: at most 12 s after the last renewal.
    expect(handover).toBeLessThan(12_500);
    // Both jobs now run on the survivor.
    await expect.poll(async () => (await Promise.all(JOBS.map((job) => client.get(KEYS.lease(job))))).map((token) => token?.split('/')[0]), { timeout: 20_000 }).toEqual([
      holderId === 'instance-a' ? 'instance-b' : 'instance-a',
      holderId === 'instance-a' ? 'instance-b' : 'instance-a',
    ]);
  }, 180_000);

  it('[OPS11] a holder that stops gives the lease up, and the next instance takes it at its next try; one that cannot reach Redis stops the job by the lease\'s expiry', async () => {
    const second = connectRedis({ url: store.url, isCluster: store.cluster }, COMMANDS_ROLE);
    await untilReady(second, 10_000);
    await expectLeaseHandover({ key: KEYS.lease('test-job'), first: { holder: 'first', connection: client }, second: { holder: 'second', connection: second } });
  }, 60_000);
});
