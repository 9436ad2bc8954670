import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedRedis } from '../../server/redis/embeddedRedis.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/** A GET with its status, JSON body and how long it took to answer. */
async function timedGet(url: string): Promise<{ status: number; body: Record<string, unknown>; ms: number }> {
  const startedAt = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body, ms: performance.now() - startedAt };
}

describe('[OPS3] liveness, readiness and health answer within a second, whatever Redis is doing', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('[OPS3] a running server is live and ready, without a session', async () => {
    const live = await timedGet(`${t.url}/livez`);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ live: true });
    const ready = await timedGet(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ ready: true });
    expect(typeof ready.body.redisPingMs).toBe('number');
  });

  it('[OPS3] Redis that holds its answers (the connection open, PING unanswered): not ready and health 503 within a second; live throughout', async () => {
    const pauser = new Redis(t.redis.url);
    try {
      await pauser.call('CLIENT', 'PAUSE', '2500', 'ALL');
      const [ready, health, live] = await Promise.all([timedGet(`${t.url}/readyz`), timedGet(`${t.url}/api/health`), timedGet(`${t.url}/livez`)]);
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ ready: false, reason: 'redis_unreachable' });
      expect(String(ready.body.message)).toMatch(/no answer to PING within 500 ms/);
      expect(ready.ms).toBeLessThan(1_000);
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(JSON.stringify(health.body)).toMatch(/Redis unreachable/);
      expect(health.ms).toBeLessThan(1_000);
      expect(live.status).toBe(200);
      await pauser.call('CLIENT', 'UNPAUSE');
      await expect.poll(async () => (await timedGet(`${t.url}/readyz`)).status, { timeout: 10_000 }).toBe(200);
    } finally {
      pauser.disconnect();
    }
  });

  it('[OPS3] Redis stopped: not ready and health 503 within a second, again and again; ready again once Redis is back on its port', async () => {
    await t.redis.kill();
    let restarted: Awaited<ReturnType<typeof startEmbeddedRedis>> | null = null;
    try {
      for (let i = 0; i < 3; i += 1) {
        const [ready, health, live] = await Promise.all([timedGet(`${t.url}/readyz`), timedGet(`${t.url}/api/health`), timedGet(`${t.url}/livez`)]);
        expect(ready.status).toBe(503);
        expect(ready.body).toMatchObject({ ready: false, reason: 'redis_unreachable' });
        expect(ready.ms).toBeLessThan(1_000);
        expect(health.status).toBe(503);
        expect(JSON.stringify(health.body)).toMatch(/Redis unreachable/);
        expect(health.ms).toBeLessThan(1_000);
        expect(live.status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      restarted = await startEmbeddedRedis({ dataDir: t.redis.dataDir, port: t.redis.port });
      await expect.poll(async () => (await timedGet(`${t.url}/readyz`)).status, { timeout: 20_000, interval: 200 }).toBe(200);
      expect((await timedGet(`${t.url}/api/health`)).status).toBe(200);
    } finally {
      // The server first, then the Redis it was talking to; the test server's own cleanup then removes the folder.
      await t.server.close();
      await restarted?.stop();
    }
  });
});
