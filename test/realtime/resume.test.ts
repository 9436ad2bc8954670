import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../server/journal/readSnapshot.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol/events.ts';
import type { Snapshot, SyncAnswer } from '../../shared/protocol/stateSchema.ts';
import { crewSession, DISPATCHER, incidentInput } from '../support/builders.ts';
import { commandId, connectClient, handshakeAnswer, send, type TestClient, type TestSocket } from '../support/testClient.ts';
import { sessionCookie, type TestIdentity } from '../support/testSession.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/** The journal entries a console may be behind and still be sent them (the snapshot past that). */
const MAX_REPLAY = 5;

type FirstState = { event: 'state:resumed'; answer: SyncAnswer } | { event: 'state:snapshot'; snapshot: Snapshot };

/** Opens a socket as a reconnecting console does, saying the version it holds; resolves with the first state it is sent. */
async function reconnectAt(url: string, cookie: string, resumeVersion: number): Promise<{ socket: TestSocket; first: FirstState; snapshots: () => number }> {
  const socket: TestSocket = io(url, { auth: { protocolVersion: PROTOCOL_VERSION, resumeVersion }, extraHeaders: { cookie }, transports: ['websocket'], forceNew: true, reconnection: false });
  let snapshots = 0;
  socket.on('state:snapshot', () => {
    snapshots += 1;
  });
  const first = await new Promise<FirstState>((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('state:resumed', (answer) => resolve({ event: 'state:resumed', answer }));
    socket.once('state:snapshot', (snapshot) => resolve({ event: 'state:snapshot', snapshot }));
  });
  return { socket, first, snapshots: () => snapshots };
}

describe('[RT6] a console that reconnects holding state is sent what changed since, not the board again', () => {
  let t: TestServer;
  let dispatcher: TestClient;
  const create = async (count: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const created = await send(dispatcher.socket, 'incident:create', { ...incidentInput({ notes: `while away ${i}` }), commandId: commandId() });
      if (!created.ok) throw new Error(created.error.message);
      ids.push(created.data.id);
    }
    return ids;
  };

  beforeAll(async () => {
    t = await startTestServer({ settings: { maxReplayEntries: MAX_REPLAY } });
    dispatcher = await connectClient(t.url, DISPATCHER);
  }, 120_000);
  afterAll(async () => {
    dispatcher.close();
    await t.close();
  });

  it('[RT6] the deltas since the version held, in order, up to the head; no snapshot; with them the old picture is the board now', async () => {
    const board = await connectClient(t.url, { role: 'dispatcher', operatorId: 'disp-away' });
    const held = board.snapshot;
    board.close();
    const ids = await create(3);
    const back = await reconnectAt(t.url, await sessionCookie(t.url, { role: 'dispatcher', operatorId: 'disp-away' }), held.version);
    try {
      if (back.first.event !== 'state:resumed' || back.first.answer.kind !== 'deltas') throw new Error(`expected the deltas, got ${JSON.stringify(back.first).slice(0, 200)}`);
      const { deltas, version } = back.first.answer;
      const now = await readSnapshot(t.server.ctx);
      expect(version).toBe(now.version);
      expect(deltas.map((delta) => delta.version)).toEqual(Array.from({ length: now.version - held.version }, (_, i) => held.version + 1 + i));
      expect(deltas.flatMap((delta) => delta.incidents.map((incident) => incident.id))).toEqual(ids);
      // The old snapshot with the deltas applied is the board as it is now.
      const incidents = new Map(held.incidents.map((incident) => [incident.id, incident]));
      for (const delta of deltas) for (const incident of delta.incidents) incidents.set(incident.id, incident);
      expect([...incidents.keys()].sort()).toEqual(now.incidents.map((incident) => incident.id).sort());
      // A round trip later still no snapshot: the server sent the changes instead of the board.
      expect((await send(back.socket, 'sync:since', { version })).ok).toBe(true);
      expect(back.snapshots()).toBe(0);
    } finally {
      back.socket.close();
    }
  });

  it('[RT6] consoles of several views resuming at once from one version each get their own view of the changes, as sync:since answers it', async () => {
    const identities: TestIdentity[] = [
      ...[1, 2, 3].map((i) => ({ role: 'dispatcher' as const, operatorId: `board-${i}` })),
      ...[1, 2].map((i) => ({ role: 'dispatcher' as const, operatorId: `fire-${i}`, agency: 'fire' as const })),
      { role: 'dispatcher', operatorId: 'police-1', agency: 'metro_police' },
      crewSession('eng-f01'),
      { role: 'care_agent', operatorId: 'agent-1' },
    ];
    // Signed in first: a crew's sign-on to its vehicle is a change of its own.
    const cookies = await Promise.all(identities.map((identity) => sessionCookie(t.url, identity)));
    const held = (await readSnapshot(t.server.ctx)).version;
    const [incidentId] = await create(2);
    const assigned = await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId, unitIds: ['eng-f01'] });
    if (!assigned.ok) throw new Error(assigned.error.message);
    const back = await Promise.all(cookies.map((cookie) => reconnectAt(t.url, cookie, held)));
    try {
      for (const [index, socket] of back.entries()) {
        if (socket.first.event !== 'state:resumed') throw new Error(`${identities[index]?.operatorId ?? ''} got a snapshot`);
        const asked = await send(socket.socket, 'sync:since', { version: held });
        if (!asked.ok) throw new Error(asked.error.message);
        expect(socket.first.answer, identities[index]?.operatorId).toEqual(asked.data);
      }
      // The views differ: the fire desk and the crew hear the assignment of the fire engine; the Care Connect agent hears no incident.
      const changed = (index: number): number => {
        const first = back[index]?.first;
        return first?.event === 'state:resumed' && first.answer.kind === 'deltas' ? first.answer.deltas.length : -1;
      };
      expect(changed(0)).toBe(3);
      expect(changed(3)).toBeGreaterThanOrEqual(1);
      expect(changed(6)).toBe(1);
      expect(changed(7)).toBe(0);
    } finally {
      for (const socket of back) socket.socket.close();
    }
  });

  it('[RT6][RT3] too far behind for the journal kept for consoles: the snapshot, as sync:since answers', async () => {
    const board = await connectClient(t.url, { role: 'dispatcher', operatorId: 'disp-long-away' });
    const held = board.snapshot;
    board.close();
    await create(MAX_REPLAY + 2);
    const back = await reconnectAt(t.url, await sessionCookie(t.url, { role: 'dispatcher', operatorId: 'disp-long-away' }), held.version);
    try {
      if (back.first.event !== 'state:resumed' || back.first.answer.kind !== 'snapshot') throw new Error(`expected a snapshot in the answer, got ${back.first.event}`);
      const now = await readSnapshot(t.server.ctx);
      expect(back.first.answer.snapshot.version).toBe(now.version);
      expect(back.first.answer.snapshot.incidents.map((incident) => incident.id)).toEqual(now.incidents.map((incident) => incident.id));
    } finally {
      back.socket.close();
    }
  });

  it('[RT6][RT5] a version the server never reached gets the snapshot; a crew resumes to what it sees (its unit, its incident)', async () => {
    const head = (await readSnapshot(t.server.ctx)).version;
    const ahead = await reconnectAt(t.url, await sessionCookie(t.url, DISPATCHER), head + 1_000);
    const crew = await reconnectAt(t.url, await sessionCookie(t.url, crewSession('eng-f01')), 0);
    try {
      if (ahead.first.event !== 'state:snapshot') throw new Error('a version ahead of the server resumed');
      expect(ahead.first.snapshot.version).toBe(head);
      // From version 0 the crew is too far behind: its own snapshot, one unit, inside the answer.
      if (crew.first.event !== 'state:resumed' || crew.first.answer.kind !== 'snapshot') throw new Error(`a crew got ${crew.first.event}`);
      expect(crew.first.answer.snapshot.units.map((unit) => unit.id)).toEqual(['eng-f01']);
    } finally {
      ahead.socket.close();
      crew.socket.close();
    }
  });

  it('[RT6] a malformed resumeVersion is refused at the handshake with invalid_input, and changes nothing', async () => {
    const cookie = await sessionCookie(t.url, DISPATCHER);
    const before = await readSnapshot(t.server.ctx);
    for (const resumeVersion of ['12', -1, 1.5, null, { version: 3 }, Number.MAX_SAFE_INTEGER + 2]) {
      expect(await handshakeAnswer(t.url, { protocolVersion: PROTOCOL_VERSION, resumeVersion }, { cookie })).toBe('invalid_input');
    }
    expect(await handshakeAnswer(t.url, { protocolVersion: PROTOCOL_VERSION, resumeVersion: before.version }, { cookie })).toBe('connected');
    expect((await readSnapshot(t.server.ctx)).version).toBe(before.version);
  });
});
