import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCadServer } from '../../server/app/createCadServer.ts';
import { startEmbeddedRedis } from '../../server/redis/embeddedRedis.ts';
import { incidentInput, DISPATCHER } from '../support/builders.ts';
import { commandId, connectClient, send } from '../support/testClient.ts';
import { joburgCity, testServerOptions } from '../support/testServer.ts';

describe('[ST1] nothing acknowledged is lost', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cad-durable-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('[ST1] an acknowledged incident and assignment survive a Redis crash (SIGKILL) and a server restart', async () => {
    const redis = await startEmbeddedRedis({ dataDir });
    const server = await createCadServer({ redisUrl: redis.url, city: joburgCity(), ...testServerOptions() });
    const client = await connectClient(server.url, DISPATCHER);
    const created = await send(client.socket, 'incident:create', incidentInput({ type: 'cardiac_arrest' }));
    if (!created.ok) throw new Error(created.error.message);
    const assigned = await send(client.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created.data.id, unitIds: ['als-d01'] });
    expect(assigned.ok).toBe(true);
    client.close();
    await redis.kill();
    await server.close();

    const restarted = await startEmbeddedRedis({ dataDir, port: redis.port });
    const again = await createCadServer({ redisUrl: restarted.url, city: joburgCity(), ...testServerOptions() });
    try {
      const after = await connectClient(again.url, DISPATCHER);
      const incident = after.snapshot.incidents.find((i) => i.id === created.data.id);
      expect(incident?.assignments.map((a) => a.unitId)).toEqual(['als-d01']);
      expect(after.snapshot.units.find((u) => u.id === 'als-d01')?.status).toBe('dispatched');
      expect(after.snapshot.version).toBe(2);
      after.close();
    } finally {
      await again.close();
      await restarted.stop();
    }
  });

  it('[ST1][OPS10] a running server rides out a Redis restart: a command sent while Redis is down is refused unavailable, and the same command applied once it is back', async () => {
    const redis = await startEmbeddedRedis({ dataDir });
    const server = await createCadServer({ redisUrl: redis.url, city: joburgCity(), ...testServerOptions() });
    try {
      const client = await connectClient(server.url, DISPATCHER);
      await redis.kill();
      const payload = { ...incidentInput({ notes: 'sent while Redis restarts' }), commandId: commandId() };
      const refused = await send(client.socket, 'incident:create', payload);
      expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      const restarted = await startEmbeddedRedis({ dataDir, port: redis.port });
      try {
        await expect.poll(() => server.ctx.redis.status, { timeout: 20_000, interval: 100 }).toBe('ready');
        const answer = await send(client.socket, 'incident:create', payload);
        if (!answer.ok) throw new Error(answer.error.message);
        expect(answer.data.notes).toBe('sent while Redis restarts');
        const stored = await server.ctx.redis.hget(server.ctx.keys.incident(answer.data.id), 'doc');
        expect(stored).toContain('sent while Redis restarts');
        client.close();
      } finally {
        await server.close();
        await restarted.stop();
      }
    } catch (error) {
      await server.close();
      throw error;
    }
  });
});
