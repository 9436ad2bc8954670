import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SCRIPTS } from '../../server/redis/scripts.ts';
import { BoardCache } from '../../server/journal/boardCache.ts';
import { readSnapshot, readSnapshotFor } from '../../server/journal/readSnapshot.ts';
import { journalSince, syncAnswerFor } from '../../server/journal/readJournalSince.ts';
import { Redis } from 'ioredis';
import type { Snapshot } from '../../shared/protocol/stateSchema.ts';
import { CALL_TAKER, DISPATCHER, incidentInput } from '../support/builders.ts';
import type { Viewer } from '../../shared/protocol/deskView.ts';
import { commandId, connectClient, send, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import type { TestIdentity } from '../support/testSession.ts';

/** A snapshot with its read time set aside (two reads are never at the same millisecond). */
const withoutTime = (snapshot: Snapshot): Snapshot => ({ ...snapshot, at: 0 });

describe('[OPS12] the instance’s copy of the board: caught up from the journal, always equal to a whole read', () => {
  let t: TestServer;
  let dispatcher: TestClient;
  let callTaker: TestClient;
  beforeAll(async () => {
    t = await startTestServer({ settings: { maxReplayEntries: 12 } });
    dispatcher = await connectClient(t.url, DISPATCHER);
    callTaker = await connectClient(t.url, CALL_TAKER);
  }, 120_000);
  afterAll(async () => {
    dispatcher.close();
    callTaker.close();
    await t.close();
  });

  const create = async (overrides: Parameters<typeof incidentInput>[0] = {}): Promise<string> => {
    const answer = await send(callTaker.socket, 'incident:create', { ...incidentInput(overrides), commandId: commandId() });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data.id;
  };
  const ok = async (answer: Promise<{ ok: boolean; error?: { message: string } }>): Promise<void> => {
    const result = await answer;
    if (!result.ok) throw new Error(result.error?.message ?? 'refused');
  };

  it('[OPS12] after every kind of change (create, assign, status, note, type, release, close, reopen) the copy equals the board read whole, in queue order', async () => {
    const cache = t.server.ctx.board;
    const expectEqual = async (): Promise<void> => expect(withoutTime(await cache.read())).toEqual(withoutTime(await readSnapshot(t.server.ctx)));
    await expectEqual();
    const fire = await create({ type: 'structure_fire', notes: 'smoke from a roof', location: [28.04, -26.2] });
    const medical = await create({ notes: 'fell from a ladder', location: [28.06, -26.18] });
    const later = await create({ notes: 'chest pains', location: [28.02, -26.21] });
    await expectEqual();
    await ok(send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: medical, unitIds: ['als-a01'] }));
    await ok(send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId: 'als-a01', status: 'en_route' }));
    await ok(send(dispatcher.socket, 'incident:add_note', { commandId: commandId(), incidentId: medical, text: 'gate code 4471' }));
    await ok(send(dispatcher.socket, 'incident:update_type', { commandId: commandId(), incidentId: later, priority: 'echo', reason: 'not breathing now' }));
    await expectEqual();
    await ok(send(dispatcher.socket, 'dispatch:release', { commandId: commandId(), incidentId: medical, unitId: 'als-a01', reason: 'not_needed' }));
    await ok(send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId: fire, disposition: 'false_alarm', note: 'burning refuse, out' }));
    await expectEqual();
    await ok(send(dispatcher.socket, 'incident:reopen', { commandId: commandId(), incidentId: fire, reason: 'flames again' }));
    await expectEqual();
    const board = await cache.read();
    expect(board.incidents.map((incident) => incident.id)).toEqual(expect.arrayContaining([fire, medical, later]));
  }, 60_000);

  it('[OPS12] a copy further behind than the journal serves, or whose entries were trimmed, reads the board whole and is equal again', async () => {
    const ctx = t.server.ctx;
    const cache = new BoardCache(ctx);
    await cache.read();
    for (let i = 0; i < 14; i += 1) await create({ notes: `far behind ${i}`, location: [28.0 + i * 0.003, -26.25] });
    expect(withoutTime(await cache.read())).toEqual(withoutTime(await readSnapshot(ctx)));
    await create({ notes: 'trimmed away', location: [28.1, -26.25] });
    await ctx.redis.xtrim(ctx.keys.journal, 'MAXLEN', 0);
    await create({ notes: 'after the trim', location: [28.11, -26.25] });
    expect(withoutTime(await cache.read())).toEqual(withoutTime(await readSnapshot(ctx)));
  }, 60_000);

  it('[OPS12] consoles\u2019 snapshots and catch-up are read on a connection of their own: none of it on the commands connection', async () => {
    const ctx = t.server.ctx;
    if (!(ctx.redis instanceof Redis) || !(ctx.readsRedis instanceof Redis)) throw new Error('the test server runs on one Redis node');
    const portOf = (connection: Redis): number => {
      const port = connection.stream.localPort;
      if (port === undefined) throw new Error('connection not open');
      return port;
    };
    const commandsPort = portOf(ctx.redis);
    const readsPort = portOf(ctx.readsRedis);
    const from = Number(await ctx.redis.get(ctx.keys.version));
    await create({ notes: 'before the reads', location: [28.13, -26.25] });
    const monitor = await new Redis(t.redis.url).monitor();
    const seen: { port: number; command: string }[] = [];
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      seen.push({ port: Number(source.split(':').at(-1)), command: String(args[0]).toLowerCase() });
    });
    try {
      const board: Viewer = { role: 'dispatcher' };
      const crew: Viewer = { role: 'crew', unitId: 'als-a01' };
      await readSnapshotFor(ctx, board);
      await readSnapshotFor(ctx, crew);
      await readSnapshot(ctx);
      await new BoardCache(ctx).read();
      const since = await journalSince(ctx, from);
      if (since.kind === 'ahead') throw new Error('the journal is behind the version read before it');
      await syncAnswerFor(ctx, since, board);
      // Something on the commands connection after the reads, so that the monitor has seen everything before it.
      await ctx.redis.ping();
      await expect.poll(() => seen.some((entry) => entry.port === commandsPort && entry.command === 'ping')).toBe(true);
    } finally {
      monitor.disconnect();
    }
    const onReads = seen.filter((entry) => entry.port === readsPort).map((entry) => entry.command);
    // A script's first run on a connection may be sent whole (EVAL) before its digest is known to work.
    expect(onReads).toEqual(expect.arrayContaining(['get', 'xrange']));
    expect(onReads.every((command) => ['eval', 'evalsha', 'get', 'xrange'].includes(command))).toBe(true);
    expect(seen.filter((entry) => entry.port === commandsPort).map((entry) => entry.command)).toEqual(['ping']);
  }, 60_000);

  it('[OPS12] reads asked for together are served by one read after them, and each sees every change made before it asked', async () => {
    const cache = new BoardCache(t.server.ctx);
    await cache.read();
    const reads = vi.spyOn(SCRIPTS.boardUnits, 'run');
    const first = cache.read();
    const id = await create({ notes: 'while a read runs', location: [28.12, -26.25] });
    const together = await Promise.all(Array.from({ length: 30 }, () => cache.read()));
    await first;
    // The first read, and one more for the thirty.
    expect(reads).toHaveBeenCalledTimes(2);
    reads.mockRestore();
    for (const snapshot of together) expect(snapshot.incidents.map((incident) => incident.id)).toContain(id);
  }, 60_000);
});

describe('[RT1][OPS12] a reconnect storm of board consoles: every console gets its own view, from one read per batch', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('[RT1][DK1] forty consoles of five views connecting at once each get the snapshot of what it sees', async () => {
    const creator = await connectClient(t.url, CALL_TAKER);
    for (const type of ['structure_fire', 'medical_emergency', 'assault'] as const) {
      await send(creator.socket, 'incident:create', { ...incidentInput({ type, notes: `storm ${type}` }), commandId: commandId() });
    }
    const identities = Array.from({ length: 40 }, (_, i): TestIdentity => {
      const agency = (['ems', 'fire', 'metro_police', undefined] as const)[i % 4];
      return i % 5 === 4 ? { role: 'supervisor', operatorId: `sup-${i}` } : { role: 'dispatcher', operatorId: `disp-${i}`, agency };
    });
    const clients = await Promise.all(identities.map((identity) => connectClient(t.url, identity)));
    try {
      const board = await readSnapshot(t.server.ctx);
      for (const [i, client] of clients.entries()) {
        const agency = identities[i]?.agency;
        const expected = agency ? board.incidents.filter((incident) => incident.agencies.includes(agency)) : board.incidents;
        expect(client.snapshot.version).toBe(board.version);
        expect(client.snapshot.incidents.map((incident) => incident.id)).toEqual(expected.map((incident) => incident.id));
      }
    } finally {
      for (const client of clients) client.close();
      creator.close();
    }
  }, 60_000);
});
