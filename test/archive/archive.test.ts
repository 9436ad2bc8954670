import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createCadServer } from '../../server/app/createCadServer.ts';
import { ARCHIVE_GROUP } from '../../server/archive/archiver.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../server/archive/embeddedPostgres.ts';
import { incidentInput, DISPATCHER } from '../support/builders.ts';
import { commandId, connectClient, send, type TestClient } from '../support/testClient.ts';
import { startTestRedis } from '../support/testRedis.ts';
import { startTestPostgres } from '../support/testPostgres.ts';
import { joburgCity, startTestServer, testServerOptions, type TestServer } from '../support/testServer.ts';

const ROOT = resolve(import.meta.dirname, '../..');

async function createIncidents(client: TestClient, count: number, dispatchEvery = 0): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const created = await send(client.socket, 'incident:create', incidentInput({ notes: `archive test ${i}` }));
    if (!created.ok) throw new Error(created.error.message);
    ids.push(created.data.id);
  }
  if (dispatchEvery > 0) {
    const free = client.snapshot.units.filter((unit) => unit.status === 'available' && (unit.kind === 'als' || unit.kind === 'bls'));
    for (let i = 0; i < ids.length; i += dispatchEvery) {
      const unit = free.shift();
      if (!unit) break;
      const assigned = await send(client.socket, 'dispatch:assign', { commandId: commandId(), incidentId: ids[i], unitIds: [unit.id] });
      if (!assigned.ok) throw new Error(assigned.error.message);
      for (const status of ['en_route', 'on_scene'] as const) {
        const moved = await send(client.socket, 'unit:status', { commandId: commandId(), unitId: unit.id, status });
        if (!moved.ok) throw new Error(moved.error.message);
      }
    }
  }
  return ids;
}

async function headVersion(t: TestServer): Promise<number> {
  return Number((await t.server.ctx.redis.get(t.server.ctx.keys.version)) ?? 0);
}

async function archivedVersions(databaseUrl: string): Promise<number[]> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    return (await client.query<{ version: string }>('SELECT version FROM journal ORDER BY version')).rows.map((row) => Number(row.version));
  } finally {
    await client.end();
  }
}

const oneToN = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('[AR1]–[AR5] the durable archive in PostgreSQL', () => {
  let t: TestServer;
  let dispatcher: TestClient;
  let restartedPostgres: EmbeddedPostgres | null = null;
  beforeAll(async () => {
    t = await startTestServer({ withArchive: true });
    dispatcher = await connectClient(t.url, DISPATCHER);
  }, 120_000);
  afterAll(async () => {
    dispatcher.close();
    await t.close();
    await restartedPostgres?.stop();
  });

  it('[AR3] every journal entry reaches PostgreSQL exactly once, with each incident and its unit stamps', async () => {
    const ids = await createIncidents(dispatcher, 12, 3);
    const head = await headVersion(t);
    expect(await t.server.ctx.archive?.archiver.waitFor(head, 30_000)).toBe(true);
    const url = t.postgres?.url ?? '';
    expect(await archivedVersions(url)).toEqual(oneToN(head));

    const client = new pg.Client(url);
    await client.connect();
    try {
      const incidents = await client.query<{ id: string; status: string }>('SELECT id, status FROM incidents WHERE id = ANY($1)', [ids]);
      expect(incidents.rowCount).toBe(12);
      const live = JSON.parse((await t.server.ctx.redis.hget(t.server.ctx.keys.incident(ids[0] ?? ''), 'doc')) ?? '{}') as { assignments: { unitId: string; assignedAt: number; steps: { status: string; at: number }[] }[] };
      const response = await client.query<{ unit_id: string; dispatched_at: string; en_route_at: string; on_scene_at: string; flags: string[] }>('SELECT * FROM unit_responses WHERE incident_id = $1', [ids[0]]);
      const assignment = live.assignments[0];
      expect(response.rows[0]?.unit_id).toBe(assignment?.unitId);
      expect(Number(response.rows[0]?.dispatched_at)).toBe(assignment?.assignedAt);
      expect(Number(response.rows[0]?.en_route_at)).toBe(assignment?.steps.find((step) => step.status === 'en_route')?.at);
      expect(Number(response.rows[0]?.on_scene_at)).toBe(assignment?.steps.find((step) => step.status === 'on_scene')?.at);
      expect(response.rows[0]?.flags).toEqual([]);
    } finally {
      await client.end();
    }

    // A consumer that reads everything again (as after a crash before its acknowledgements) writes nothing twice.
    await t.server.ctx.redis.xgroup('SETID', t.server.ctx.keys.journal, ARCHIVE_GROUP, '0');
    await createIncidents(dispatcher, 1);
    const after = await headVersion(t);
    expect(await t.server.ctx.archive?.archiver.waitFor(after, 30_000)).toBe(true);
    expect(await archivedVersions(url)).toEqual(oneToN(after));
  }, 120_000);

  it('[AR4] the audit record is copied entry by entry, once', async () => {
    const url = t.postgres?.url ?? '';
    const deadline = Date.now() + 20_000;
    let copied = 0;
    const inRedis = await t.server.ctx.redis.xlen(t.server.ctx.keys.audit);
    while (Date.now() < deadline) {
      const client = new pg.Client(url);
      await client.connect();
      copied = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM audit')).rows[0]?.n ?? 0);
      await client.end();
      if (copied >= inRedis) break;
      await new Promise((done) => setTimeout(done, 100));
    }
    expect(copied).toBeGreaterThanOrEqual(inRedis);
    expect(inRedis).toBeGreaterThan(0);
  }, 60_000);

  it('[AR3][AR5] PostgreSQL stopped for a minute while incidents keep coming: Redis keeps what is not archived, health reports the lag, and it recovers', async () => {
    const postgres = t.postgres;
    if (!postgres) throw new Error('the test server has no archive');
    const before = await headVersion(t);
    await postgres.stop();
    const stoppedAt = Date.now();
    // An incident a second for a minute; health answers throughout with a growing lag.
    let lastLag = 0;
    while (Date.now() - stoppedAt < 60_000) {
      await createIncidents(dispatcher, 1);
      const health = (await (await fetch(`${t.url}/api/health`)).json()) as { data: { archive: { entries: number } } };
      expect(health.data.archive.entries).toBeGreaterThanOrEqual(lastLag);
      lastLag = health.data.archive.entries;
      await new Promise((done) => setTimeout(done, 1_000));
    }
    const head = await headVersion(t);
    expect(head - before).toBeGreaterThanOrEqual(30);
    const health = (await (await fetch(`${t.url}/api/health`)).json()) as { data: { archive: { entries: number; lastError: string | null } } };
    expect(health.data.archive.entries).toBeGreaterThanOrEqual(head - before);
    expect(health.data.archive.lastError).not.toBeNull();
    // Nothing unarchived was trimmed.
    const kept = await t.server.ctx.redis.xrange(t.server.ctx.keys.journal, `${before + 1}-0`, '+');
    expect(kept.length).toBe(head - before);

    restartedPostgres = await startEmbeddedPostgres({ dir: postgres.dir, port: postgres.port, isThrowaway: true });
    expect(await t.server.ctx.archive?.archiver.waitFor(head, 60_000)).toBe(true);
    expect(await archivedVersions(postgres.url)).toEqual(oneToN(head));
    const lag = await t.server.ctx.archive?.archiver.lag();
    expect(lag?.entries).toBe(0);
  }, 240_000);

  it('[AR3] PostgreSQL killed (SIGKILL) during a burst and restarted: it recovers from its WAL and every entry is archived once', async () => {
    const running = restartedPostgres;
    if (!running) throw new Error('the previous test leaves PostgreSQL running');
    const burst = createIncidents(dispatcher, 30);
    await new Promise((done) => setTimeout(done, 200));
    await running.kill();
    await burst;
    const head = await headVersion(t);
    restartedPostgres = await startEmbeddedPostgres({ dir: running.dir, port: running.port, isThrowaway: true });
    expect(await t.server.ctx.archive?.archiver.waitFor(head, 60_000)).toBe(true);
    expect(await archivedVersions(running.url)).toEqual(oneToN(head));
  }, 120_000);
});

describe('[AR3] the journal is trimmed only below what the archive confirmed', () => {
  it('[AR3] trims to the kept window once archived, never while the archive is down', async () => {
    const t = await startTestServer({ withArchive: true, settings: { maxReplayEntries: 5 } });
    const dispatcher = await connectClient(t.url, DISPATCHER);
    try {
      await createIncidents(dispatcher, 30);
      const head = await headVersion(t);
      expect(await t.server.ctx.archive?.archiver.waitFor(head, 30_000)).toBe(true);
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (await t.server.ctx.redis.xlen(t.server.ctx.keys.journal)) > 10) await new Promise((done) => setTimeout(done, 100));
      expect(await t.server.ctx.redis.xlen(t.server.ctx.keys.journal)).toBeLessThanOrEqual(10);

      await t.postgres?.stop();
      await createIncidents(dispatcher, 25);
      await new Promise((done) => setTimeout(done, 2_000));
      // 25 entries wait for the archive: all still in Redis.
      expect(await t.server.ctx.redis.xlen(t.server.ctx.keys.journal)).toBeGreaterThanOrEqual(25);
    } finally {
      dispatcher.close();
      await t.close().catch(() => undefined);
    }
  }, 120_000);
});

describe('[AR3] a server killed mid-burst loses nothing from the archive', () => {
  it('[AR3] kill -9 of the server during 100 incident creations, then a restart: every entry archived once', async () => {
    const redis = await startTestRedis();
    const postgres = await startTestPostgres();
    let child: ChildProcess | null = null;
    try {
      child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', PORT: '0', REDIS_URL: redis.url, DATABASE_URL: postgres.url, INSTANCE_ID: 'archive-crash', SIMULATOR: 'off', DEMO_AVL: 'off' },
      });
      const url = await new Promise<string>((done, fail) => {
        let output = '';
        const timer = setTimeout(() => fail(new Error(`the server did not start: ${output}`)), 90_000);
        child?.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = /Open (http:\/\/[^\s"]+)/.exec(output);
          if (found?.[1]) {
            clearTimeout(timer);
            done(found[1]);
          }
        });
        child?.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      });
      const client = await connectClient(url, DISPATCHER);
      const burst = Array.from({ length: 100 }, (_, i) => send(client.socket, 'incident:create', incidentInput({ notes: `burst ${i}` })));
      // Kill once part of the burst is acknowledged.
      await Promise.race([Promise.all(burst.slice(0, 30)), new Promise((done) => setTimeout(done, 10_000))]);
      child.kill('SIGKILL');
      // Commands in flight when the server died are never answered; the client goes away with them.
      client.close();

      const again = await createCadServer({ redisUrl: redis.url, databaseUrl: postgres.url, instanceId: 'archive-crash', city: joburgCity(), ...testServerOptions() });
      try {
        const head = Number((await again.ctx.redis.get(again.ctx.keys.version)) ?? 0);
        expect(head).toBeGreaterThanOrEqual(30);
        expect(await again.ctx.archive?.archiver.waitFor(head, 60_000)).toBe(true);
        expect(await archivedVersions(postgres.url)).toEqual(oneToN(head));
      } finally {
        await again.close();
      }
    } finally {
      child?.kill('SIGKILL');
      await redis.cleanup();
      await postgres.cleanup();
    }
  }, 180_000);
});
