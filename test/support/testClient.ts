import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol/events.ts';
import { sessionCookie, type TestIdentity } from './testSession.ts';
import type { Result } from '../../shared/protocol/result.ts';
import { FACTS, type Delta, type Snapshot, type VersionTick } from '../../shared/protocol/stateSchema.ts';
import { versionStep } from '../../dispatch-console/src/realtime/liveState.ts';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestClient {
  socket: TestSocket;
  snapshot: Snapshot;
  /** Every delta received, in arrival order. */
  deltas: Delta[];
  /** [DK2] Every version tick received, in arrival order. */
  ticks: VersionTick[];
  /**
   * The version the client is at, following its snapshot, deltas and ticks in arrival order as a console does, and
   * every place where what arrived did not follow on (a gap a console would have to fill with `sync:since`).
   */
  versions: { current(): number; gaps: string[] };
  close(): void;
}

/** Whether one of `ticks` vouches for `version`. */
export const ticksCover = (ticks: readonly VersionTick[], version: number): boolean => ticks.some((tick) => tick.from <= version && version <= tick.version);

/** Follows a client's version as a console does (RT2, DK2): deltas one version on, ticks from at most one on. */
function versionFollower(): { snapshot: (version: number) => void; delta: (version: number) => void; tick: (tick: VersionTick) => void; current: () => number; gaps: string[] } {
  let version = -1;
  const early: (() => void)[] = [];
  const gaps: string[] = [];
  // The console's own rule (liveState's versionStep), so the tests check what a console would make of what it is sent.
  const follow = (from: number, to: number, what: string): void => {
    const step = versionStep(version, from, to);
    if (step === 'gap') gaps.push(`${what} at version ${version}`);
    else if (step === 'applied') version = to;
  };
  const delta = (next: number): void => {
    if (version < 0) early.push(() => delta(next));
    else follow(next, next, `delta ${next}`);
  };
  const tick = (next: VersionTick): void => {
    if (version < 0) early.push(() => tick(next));
    else follow(next.from, next.version, `tick ${next.from}..${next.version}`);
  };
  return {
    snapshot: (at) => {
      version = at;
      for (const apply of early.splice(0)) apply();
    },
    delta,
    tick,
    current: () => version,
    gaps,
  };
}

/** A real socket.io-client connection, signed in as the identity; resolves once the snapshot has arrived. */
export async function connectClient(url: string, identity: TestIdentity, transports: ('websocket' | 'polling')[] = ['websocket']): Promise<TestClient> {
  return connectWithCookie(url, await sessionCookie(url, identity), transports);
}

/** A real socket.io-client connection carrying a session cookie; resolves once the snapshot has arrived. */
export function connectWithCookie(url: string, cookie: string, transports: ('websocket' | 'polling')[] = ['websocket']): Promise<TestClient> {
  const socket: TestSocket = io(url, { auth: { protocolVersion: PROTOCOL_VERSION }, extraHeaders: { cookie }, transports, forceNew: true, reconnection: false });
  const deltas: Delta[] = [];
  const ticks: VersionTick[] = [];
  const follower = versionFollower();
  const record = (delta: Delta): void => {
    deltas.push(delta);
    follower.delta(delta.version);
  };
  // Every fact of the journal is an event of its own name carrying its delta.
  for (const fact of FACTS) socket.on(fact, record);
  socket.on('incident:note_added', record);
  socket.on('state:version', (tick) => {
    ticks.push(tick);
    follower.tick(tick);
  });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('state:snapshot', (snapshot) => {
      follower.snapshot(snapshot.version);
      resolve({ socket, snapshot, deltas, ticks, versions: { current: follower.current, gaps: follower.gaps }, close: () => socket.close() });
    });
  });
}

type CommandEvent = keyof ClientToServerEvents;
type AckData<E extends CommandEvent> = Parameters<ClientToServerEvents[E]>[1] extends (result: Result<infer T>) => void ? T : never;

/** Sends a command and resolves with its acknowledgement. */
export function send<E extends CommandEvent>(socket: TestSocket, event: E, payload: unknown): Promise<Result<AckData<E>>> {
  return new Promise((resolve) => {
    // The event maps type each command's ack; the test sends raw payloads, so it widens the emitter once here.
    const emit = socket.emit.bind(socket) as (event: E, payload: unknown, ack: (result: Result<AckData<E>>) => void) => void;
    emit(event, payload, resolve);
  });
}

/** Waits until `predicate` holds on the client's deltas. */
export async function waitForDelta(client: TestClient, predicate: (delta: Delta) => boolean, timeoutMs = 5_000): Promise<Delta> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = client.deltas.find(predicate);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the expected delta did not arrive');
}

let counter = 0;
/** A fresh command id. */
export function commandId(): string {
  counter += 1;
  return `t${Date.now().toString(36)}${counter.toString(36).padStart(4, '0')}`;
}

/** What the server says to a handshake: `connected`, or the refusal's code (`unauthenticated`, `forbidden`, …). */
export function handshakeAnswer(url: string, auth: Record<string, unknown>, extraHeaders: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = io(url, { auth, extraHeaders, transports: ['websocket'], forceNew: true, reconnection: false });
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}
