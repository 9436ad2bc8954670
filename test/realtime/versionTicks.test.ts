import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VersionTick } from '../../shared/protocol/stateSchema.ts';
import { broadcastDelta } from '../../server/realtime/broadcastDelta.ts';
import type { CadIo } from '../../server/realtime/cadIo.ts';
import { ROOMS } from '../../server/realtime/rooms.ts';
import { TICK_FLUSH_MS, VersionTicks } from '../../server/realtime/versionTicks.ts';
import { makeDelta, makeIncident } from '../console/fixtures.ts';
import { versionStep } from '../../dispatch-console/src/realtime/liveState.ts';

/** A socket of the fake server: its rooms, and the version it is at when it follows what it was sent as a console does. */
interface FakeSocket {
  name: string;
  rooms: Set<string>;
  version: number;
  gaps: string[];
  ticks: number;
  deltas: number;
}

/** What `io.local.to(rooms).except(rooms).emit(...)` does, over fake sockets. */
function fakeIo(sockets: FakeSocket[]): Pick<CadIo['local'], 'to'> {
  const deliver = (to: readonly string[], except: readonly string[], event: string, payload: unknown): void => {
    for (const socket of sockets) {
      if (!to.some((room) => socket.rooms.has(room)) || except.some((room) => socket.rooms.has(room))) continue;
      const isTick = event === 'state:version';
      const { version } = payload as { version: number };
      const from = isTick ? (payload as VersionTick).from : version;
      if (isTick) socket.ticks += 1;
      else socket.deltas += 1;
      // The console's own rule for what follows on.
      const step = versionStep(socket.version, from, version);
      if (step === 'gap') socket.gaps.push(isTick ? `tick ${from}..${version} at ${socket.version}` : `delta ${version} at ${socket.version}`);
      else if (step === 'applied') socket.version = version;
    }
  };
  const target = (to: readonly string[], except: readonly string[] = []) => ({
    emit: (event: string, payload: unknown) => {
      deliver(to, except, event, payload);
      return true;
    },
    except: (rooms: string | string[]) => target(to, [...except, ...(Array.isArray(rooms) ? rooms : [rooms])]),
  });
  // The fake has only what broadcastDelta and VersionTicks use of socket.io's broadcast operator.
  return { to: (rooms: string | string[]) => target(Array.isArray(rooms) ? rooms : [rooms]) } as unknown as Pick<CadIo['local'], 'to'>;
}

const socket = (name: string, rooms: string[]): FakeSocket => ({ name, rooms: new Set(rooms), version: 0, gaps: [], ticks: 0, deltas: 0 });

/** A small deterministic generator (the test repeats exactly). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('[DK2][RT2] version ticks, coalesced', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('every socket follows every version without a gap, whatever each delta reaches, and is at the head after a flush', () => {
    const crews = Array.from({ length: 6 }, (_, i) => socket(`crew${i}`, [ROOMS.unit(`u${i}`), ROOMS.crews]));
    const sockets = [
      socket('board', [ROOMS.consoles]),
      socket('supervisor', [ROOMS.consoles, ROOMS.care]),
      socket('ems', [ROOMS.desk('ems')]),
      socket('fire', [ROOMS.desk('fire')]),
      socket('agent', [ROOMS.care]),
      socket('water', [ROOMS.department('joburg_water'), ROOMS.departments]),
      ...crews,
    ];
    const ticks = new VersionTicks(fakeIo(sockets), 0);
    const next = random(7);
    for (let version = 1; version <= 2_000; version += 1) {
      const rooms = [ROOMS.consoles, ...(next() < 0.5 ? [ROOMS.desk('ems')] : []), ...(next() < 0.2 ? [ROOMS.desk('fire')] : []), ...(next() < 0.1 ? [ROOMS.unit(`u${Math.floor(next() * 6)}`)] : [])];
      const ticketRooms = next() < 0.1 ? [ROOMS.care, ROOMS.department('joburg_water')] : [];
      const reached = next() < 0.05 ? ticketRooms : [...rooms, ...ticketRooms];
      const io = fakeIo(sockets);
      ticks.beforeDelta(version, reached);
      io.to(reached).emit('incident:created', makeDelta(version));
      ticks.afterDelta(version, reached);
      // Now and then the flush interval passes between two changes.
      if (next() < 0.05) vi.advanceTimersByTime(TICK_FLUSH_MS);
    }
    vi.advanceTimersByTime(TICK_FLUSH_MS);
    for (const s of sockets) expect({ name: s.name, gaps: s.gaps, version: s.version }).toEqual({ name: s.name, gaps: [], version: 2_000 });
  });

  it('a crew passed over by 1,000 changes in a flush interval hears one tick, not 1,000; the board hears none', () => {
    const board = socket('board', [ROOMS.consoles]);
    const crew = socket('crew', [ROOMS.unit('u1'), ROOMS.crews]);
    const io = fakeIo([board, crew]);
    const ticks = new VersionTicks(io, 0);
    for (let version = 1; version <= 1_000; version += 1) broadcastDelta(io, makeDelta(version, { incidents: [makeIncident(`I${version}`)] }), ticks);
    expect(crew.ticks).toBe(0);
    vi.advanceTimersByTime(TICK_FLUSH_MS);
    expect({ crew: [crew.ticks, crew.version], board: [board.ticks, board.deltas, board.version] }).toEqual({ crew: [1, 1_000], board: [0, 1_000, 1_000] });
  });

  it('a version the feed passed over (trimmed or damaged) is never vouched for: a socket that needed it sees the gap', () => {
    const board = socket('board', [ROOMS.consoles]);
    const crew = socket('crew', [ROOMS.unit('u1'), ROOMS.crews]);
    const io = fakeIo([board, crew]);
    const ticks = new VersionTicks(io, 0);
    broadcastDelta(io, makeDelta(1, { incidents: [makeIncident('A')] }), ticks);
    ticks.passOver(2);
    broadcastDelta(io, makeDelta(3, { incidents: [makeIncident('B')] }), ticks);
    vi.advanceTimersByTime(TICK_FLUSH_MS);
    expect(board.gaps).toEqual(['delta 3 at 1']);
    expect(crew.gaps).toEqual(['tick 3..3 at 1']);
  });
});
