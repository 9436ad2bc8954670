import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol/events.ts';
import { FACTS, type SyncAnswer } from '../../shared/protocol/stateSchema.ts';
import type { Result } from '../../shared/protocol/result.ts';
import { summarize } from '../stats.ts';
import type { ConnectRequest, ConnectSummary, ReconnectRequest, ReconnectSummary, SocketSpec } from './loadProtocol.ts';
import { mapLimited } from './mapLimited.ts';

export type LoadSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One connection of a group: its spec, the socket (replaced on reconnect), its answers outstanding, and the journal
 * version of the state it holds (its snapshot's, moved on by every delta and tick it receives), as a console keeps it.
 */
export interface GroupMember {
  spec: SocketSpec;
  socket: LoadSocket;
  inFlight: number;
  disconnects: number;
  version: number;
}

/** A command emitted with its acknowledgement, whatever its event (the generator sends payloads it built itself). */
export type RawEmit = (event: string, payload: unknown, ack: (result: Result<unknown>) => void) => void;

export function rawEmit(socket: LoadSocket): RawEmit {
  // The event maps type each command's payload; the generator's payloads are built per plan, so it widens once here.
  return socket.emit.bind(socket) as unknown as RawEmit;
}

const groups = new Map<string, { url: string; members: GroupMember[] }>();

export function groupOf(name: string): { url: string; members: GroupMember[] } {
  const group = groups.get(name);
  if (!group) throw new Error(`no socket group ${name}`);
  return group;
}

const versionOfAnswer = (answer: SyncAnswer): number => (answer.kind === 'snapshot' ? answer.snapshot.version : answer.version);

/**
 * Opens a socket as a console does and resolves with it and the time to its state: the snapshot, or with
 * `resumeVersion` (RT6, a console reconnecting with the state it holds) the server's `state:resumed` answer.
 * `onVersion` hears every version the socket's state reaches.
 */
function openSocket(url: string, spec: SocketSpec, timeoutMs: number, resumeVersion: number | null, onVersion: (version: number) => void): Promise<{ socket: LoadSocket; snapshotMs: number }> {
  const startedAt = performance.now();
  const auth = resumeVersion === null ? { protocolVersion: PROTOCOL_VERSION } : { protocolVersion: PROTOCOL_VERSION, resumeVersion };
  const socket: LoadSocket = io(url, { auth, extraHeaders: { cookie: spec.cookie }, transports: ['websocket'], forceNew: true, reconnection: false });
  socket.on('state:snapshot', (snapshot) => onVersion(snapshot.version));
  socket.on('state:resumed', (answer) => onVersion(versionOfAnswer(answer)));
  socket.on('state:version', (tick) => onVersion(tick.version));
  for (const fact of FACTS) socket.on(fact, (delta) => onVersion(delta.version));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      socket.close();
      fail(new Error(`no snapshot within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.close();
      fail(error);
    });
    const arrived = (): void => {
      clearTimeout(timer);
      done({ socket, snapshotMs: performance.now() - startedAt });
    };
    socket.once('state:snapshot', arrived);
    socket.once('state:resumed', arrived);
  });
}

function watch(member: GroupMember): void {
  member.socket.on('disconnect', () => {
    member.disconnects += 1;
  });
}

export async function connectGroup(request: ConnectRequest): Promise<ConnectSummary> {
  const group = groups.get(request.group) ?? { url: request.url, members: [] };
  groups.set(request.group, group);
  const snapshotMs: number[] = [];
  const errors: string[] = [];
  let failed = 0;
  const startedAt = performance.now();
  await mapLimited(request.sockets, request.concurrency, async (spec) => {
    try {
      // The version the socket's state reaches, kept on the member it becomes.
      const held = { version: -1 };
      const opened = await openSocket(request.url, spec, request.timeoutMs, null, (reached) => {
        held.version = Math.max(held.version, reached);
      });
      snapshotMs.push(opened.snapshotMs);
      const member: GroupMember = Object.assign(held, { spec, socket: opened.socket, inFlight: 0, disconnects: 0 });
      watch(member);
      group.members.push(member);
    } catch (error) {
      failed += 1;
      if (errors.length < 5) errors.push(error instanceof Error ? error.message : String(error));
    }
  });
  return { group: request.group, connected: snapshotMs.length, failed, errors, snapshotMs: summarize(snapshotMs), elapsedMs: performance.now() - startedAt };
}

/**
 * Drops `count` sockets of the group at once, then reconnects them all at once: with `resume`, each says the version
 * it holds (RT6, as a console does after a network blip); without, each asks for a snapshot (a console reloaded).
 */
export async function reconnectGroup(request: ReconnectRequest): Promise<ReconnectSummary> {
  const group = groupOf(request.group);
  const storm = group.members.slice(0, request.count);
  for (const member of storm) member.socket.close();
  const snapshotMs: number[] = [];
  const errors: string[] = [];
  let failed = 0;
  let saidVersion = 0;
  const startedAt = performance.now();
  await Promise.all(
    storm.map(async (member) => {
      try {
        const resumeVersion = request.resume && member.version >= 0 ? member.version : null;
        if (resumeVersion !== null) saidVersion += 1;
        const opened = await openSocket(group.url, member.spec, request.timeoutMs, resumeVersion, (reached) => {
          member.version = Math.max(member.version, reached);
        });
        snapshotMs.push(opened.snapshotMs);
        member.socket = opened.socket;
        member.inFlight = 0;
        watch(member);
      } catch (error) {
        failed += 1;
        if (errors.length < 5) errors.push(error instanceof Error ? error.message : String(error));
      }
    }),
  );
  return { group: request.group, dropped: storm.length, reconnected: snapshotMs.length, saidVersion, failed, errors, snapshotMs: summarize(snapshotMs), elapsedMs: performance.now() - startedAt };
}

export function closeGroup(name: string): number {
  const group = groups.get(name);
  if (!group) return 0;
  for (const member of group.members) member.socket.close();
  groups.delete(name);
  return group.members.length;
}

export function socketCount(): number {
  let count = 0;
  for (const group of groups.values()) count += group.members.length;
  return count;
}
