import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedRedis, type EmbeddedRedis } from '../../server/redis/embeddedRedis.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import type { Result } from '../../shared/protocol/result.ts';
import { CALL_TAKER, incidentInput } from '../support/builders.ts';
import { commandId, connectClient, send, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/** One command of the stream: what was sent and what came back (null: no answer yet). */
interface Sent {
  commandId: string;
  note: string;
  payload: ReturnType<typeof incidentInput> & { commandId: string };
  answer: Result<Incident> | null;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `/api/health` every 250 ms while `isRunning`, each answer's time in ms. */
async function watchHealth(url: string, isRunning: () => boolean): Promise<{ ms: number; status: number }[]> {
  const answers: { ms: number; status: number }[] = [];
  while (isRunning()) {
    const startedAt = performance.now();
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    answers.push({ ms: performance.now() - startedAt, status: response.status });
    await sleep(250);
  }
  return answers;
}

/**
 * Sends `incident:create` every `everyMs` while `isRunning`, each with its own command id and note, keeping every
 * answer as it comes.
 */
async function streamCommands(client: TestClient, everyMs: number, isRunning: () => boolean): Promise<Sent[]> {
  const sent: Sent[] = [];
  for (let i = 0; isRunning(); i += 1) {
    const id = commandId();
    const note = `outage stream ${i} ${id}`;
    const entry: Sent = { commandId: id, note, payload: { ...incidentInput({ notes: note }), commandId: id }, answer: null };
    sent.push(entry);
    void send(client.socket, 'incident:create', entry.payload).then((answer) => {
      entry.answer = answer;
    });
    await sleep(everyMs);
  }
  return sent;
}

/** The notes of every open incident, as stored. */
async function storedNotes(t: TestServer): Promise<string[]> {
  const ids = await t.server.ctx.redis.zrange(t.server.ctx.keys.openIncidents, '0', '-1');
  const docs = await Promise.all(ids.map((id) => t.server.ctx.redis.hget(t.server.ctx.keys.incident(id), 'doc')));
  return docs.flatMap((doc) => (doc ? [(JSON.parse(doc) as Incident).notes] : []));
}

/** The refusals that say a command was not applied: the store did not take it in time (OPS10), or the connection had 32 waiting (OPS12). */
const NOT_APPLIED = new Set(['unavailable', 'rate_limited']);

/**
 * The outage's verdict: every command answered, each either `ok` and stored once, or refused as not applied and
 * stored nowhere; no other answer. Then each refused command sent again under its command id is applied, once.
 */
async function expectTrueAnswers(t: TestServer, client: TestClient, sent: Sent[]): Promise<{ ok: number; unavailable: number }> {
  await expect.poll(() => sent.filter((entry) => entry.answer === null).length, { timeout: 30_000, interval: 100 }).toBe(0);
  const notes = await storedNotes(t);
  const codes = sent.map((entry) => (entry.answer?.ok ? 'ok' : (entry.answer?.error.code ?? 'none')));
  expect(codes.filter((code) => code !== 'ok' && !NOT_APPLIED.has(code))).toEqual([]);
  for (const entry of sent) {
    const copies = notes.filter((note) => note === entry.note).length;
    expect({ note: entry.note, answer: entry.answer?.ok ? 'ok' : 'unavailable', copies }).toEqual({ note: entry.note, answer: entry.answer?.ok ? 'ok' : 'unavailable', copies: entry.answer?.ok ? 1 : 0 });
  }
  const refused = sent.filter((entry) => !entry.answer?.ok);
  // One after another, as a console's outbox sends them (a connection may have 32 waiting, OPS12).
  const resent: Result<Incident>[] = [];
  for (const entry of refused) resent.push(await send(client.socket, 'incident:create', entry.payload));
  expect(resent.filter((answer) => !answer.ok)).toEqual([]);
  const after = await storedNotes(t);
  for (const entry of sent) expect(after.filter((note) => note === entry.note)).toHaveLength(1);
  return { ok: codes.filter((code) => code === 'ok').length, unavailable: codes.filter((code) => code === 'unavailable').length };
}

describe('[OPS10] true answers while Redis is away: ok and applied, or unavailable and never applied', () => {
  let t: TestServer;
  let client: TestClient;
  let restarted: EmbeddedRedis | null = null;

  beforeEach(async () => {
    t = await startTestServer();
    client = await connectClient(t.url, CALL_TAKER);
    restarted = null;
  }, 120_000);
  afterEach(async () => {
    client.close();
    await t.server.close();
    await restarted?.stop();
    await t.close();
  });

  /** A stream of commands and the health watch running while `disrupt` does its work, then the verdict on every answer. */
  async function underStream(disrupt: () => Promise<void>): Promise<{ counts: { ok: number; unavailable: number }; health: { ms: number; status: number }[] }> {
    let isRunning = true;
    const health = watchHealth(t.url, () => isRunning);
    const stream = streamCommands(client, 100, () => isRunning);
    await sleep(1_000);
    await disrupt();
    isRunning = false;
    const sent = await stream;
    const healthAnswers = await health;
    return { counts: await expectTrueAnswers(t, client, sent), health: healthAnswers };
  }

  it('[OPS10] Redis killed for 15 s under a stream of incident:create: every answer true, health within a second throughout', async () => {
    const { counts, health } = await underStream(async () => {
      await t.redis.kill();
      await sleep(15_000);
      restarted = await startEmbeddedRedis({ dataDir: t.redis.dataDir, port: t.redis.port });
      await expect.poll(async () => (await fetch(`${t.url}/readyz`)).status, { timeout: 20_000, interval: 200 }).toBe(200);
      await sleep(1_000);
    });
    // Commands went through before and after the outage, and were refused during it.
    expect(counts.ok).toBeGreaterThan(10);
    expect(counts.unavailable).toBeGreaterThan(50);
    expect(health.some((answer) => answer.status === 503)).toBe(true);
    expect(health.filter((answer) => answer.ms >= 1_000)).toEqual([]);
  }, 120_000);

  it('[OPS10] Redis holding every answer for 5 s (connection open): commands it runs after their deadline are refused, none applied late', async () => {
    const pauser = new Redis(t.redis.url);
    try {
      const { counts, health } = await underStream(async () => {
        await pauser.call('CLIENT', 'PAUSE', '5000', 'ALL');
        await sleep(7_000);
      });
      // Those sent in the first 3 s of the pause reached Redis more than 2 s late.
      expect(counts.unavailable).toBeGreaterThan(15);
      expect(counts.ok).toBeGreaterThan(10);
      expect(health.filter((answer) => answer.ms >= 1_000)).toEqual([]);
    } finally {
      pauser.disconnect();
    }
  }, 120_000);
});
