import type { LngLat } from '../../shared/geo/position.ts';
import type { IncidentCreatePayload } from '../../shared/incidents/incidentSchema.ts';
import type { Summary } from '../stats.ts';

/**
 * The load generator's message API (bench/load/loadGenerator.ts, a child process forked under tsx; the parent side
 * is bench/load/startLoadGenerator.ts). Every call is a request with a typed reply (bench/load/ipcCalls.ts):
 *
 * - `connect` {@link ConnectRequest} → {@link ConnectSummary}: opens one real socket.io-client connection per
 *   {@link SocketSpec} (a session cookie, as a signed-in console or crew device sends it; for a crew, the unit its
 *   session is signed on to), `concurrency` at a time, into the named `group`; times each from `io()` to its
 *   `state:snapshot` (the console's first full board).
 * - `run` {@link RunSpec} → {@link RunSummary}: the group's sockets send one command kind built by a
 *   {@link PayloadPlan}, either at `ratePerSecond` in all on an absolute-time schedule (command i is due at
 *   start + i / rate, round-robin over the sockets; one that falls behind is sent late, never dropped, and its lag
 *   counted) or closed-loop (`inFlightPerSocket` outstanding on each socket, the next sent as an answer comes),
 *   for `durationSeconds` (or until the plan runs out); then waits up to `drainMs` for the last answers. A socket
 *   with `maxInFlightPerSocket` answers outstanding (the server's own limit is 32) skips its turn (`skipped`).
 *   Every answer is timed from its send (and from its scheduled time) and counted by outcome.
 * - `reconnect` {@link ReconnectRequest} → {@link ReconnectSummary}: a reconnect storm: `count` sockets of the group
 *   are dropped and all reconnected at once with their cookies (resuming from the version each holds, or not), each
 *   timed to its new state.
 * - `close` {group} → {closed}: closes the group's sockets.
 * - `usage` {} → {@link GeneratorUsage}: this process's CPU time and memory (to tell the load's cost from the server's).
 */
export interface SocketSpec {
  /** `Cookie` header value (`cad_session=…`). */
  cookie: string;
  /** The unit a crew's session is signed on to (position fixes name it). */
  unitId?: string;
}

export interface ConnectRequest {
  group: string;
  url: string;
  sockets: SocketSpec[];
  /** Connections opened at once. */
  concurrency: number;
  /** Give up on a connection that has no snapshot after this long. */
  timeoutMs: number;
}

export interface ConnectSummary {
  group: string;
  connected: number;
  failed: number;
  /** The first few connection errors. */
  errors: string[];
  /** `io()` → `state:snapshot`, per connection. */
  snapshotMs: Summary;
  /** Wall time to connect the whole group. */
  elapsedMs: number;
}

/** Inclusive bounding box (degrees). */
export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * What each command carries:
 * - `position`: `unit:position` for the socket's own unit at a random point in `bbox`, `fixAt` now.
 * - `positionBatch`: `units:positions` (the AVL gateway) with `batchSize` fixes, each at a random point in `bbox`,
 *   `fixAt` now, for the next units of `unitIds` in turn over the whole group.
 * - `incident`: `incident:create` of `type` at `points` in turn (points the parent knows to be inside the metro).
 * - `assign`: `dispatch:assign`; the socket's n-th command assigns `unitIds[n]` to
 *   `incidentIdsBySocket[socket][n % length]`, so every socket of the group races for every unit in the same order;
 *   the plan runs out at the end of `unitIds`.
 */
export type PayloadPlan =
  | { kind: 'position'; bbox: Bbox }
  | { kind: 'positionBatch'; bbox: Bbox; unitIds: string[]; batchSize: number }
  | { kind: 'incident'; type: IncidentCreatePayload['type']; points: LngLat[] }
  | { kind: 'assign'; unitIds: string[]; incidentIdsBySocket: string[][] };

export type Pace = { kind: 'rate'; ratePerSecond: number } | { kind: 'closed'; inFlightPerSocket: number };

export interface RunSpec {
  group: string;
  plan: PayloadPlan;
  pace: Pace;
  durationSeconds: number;
  drainMs: number;
  maxInFlightPerSocket: number;
  /**
   * Keep what each ok answer committed: the created incident's id (`incident`), `unitId>incidentId` (`assign`);
   * nothing for `position`.
   */
  collectOk: boolean;
}

export interface RunSummary {
  group: string;
  command: string;
  /** Commands the schedule called for (rate pace), or sent (closed loop). */
  offered: number;
  sent: number;
  /** Turns skipped: the socket had `maxInFlightPerSocket` outstanding, or was disconnected. */
  skipped: number;
  answered: number;
  unanswered: number;
  /** Answers by outcome: `ok`, `ok_not_accepted` (a position older than the stored one), or the refusal's code. */
  outcomes: Record<string, number>;
  /** From the first send to the end of sending (the schedule's window). */
  sendWindowMs: number;
  /** From the first send to the last answer. */
  elapsedMs: number;
  /** Answers (any outcome) per second over `elapsedMs`. */
  answeredPerSecond: number;
  /** Send → answer, every answer. */
  ack: Summary;
  /** Scheduled time → answer (rate pace: includes any lag of the send behind its schedule). */
  ackFromSchedule: Summary;
  maxScheduleLagMs: number;
  /** Sockets of the group that disconnected during the run. */
  disconnects: number;
  okKeys: string[];
  /** Fixes the answers said were stored (`units:positions`: each answer's `stored`; `unit:position`: each accepted fix). */
  fixesStored: number;
  /** CPU this generator process used during the run, in ms of one core. */
  generatorCpuMs: number;
}

export interface ReconnectRequest {
  group: string;
  count: number;
  timeoutMs: number;
  /** [RT6] Each socket says the version it holds and is sent what changed since; false: each asks for a snapshot. */
  resume: boolean;
}

export interface ReconnectSummary {
  group: string;
  dropped: number;
  reconnected: number;
  /** [RT6] Sockets that reconnected saying the version of the state they held. */
  saidVersion: number;
  failed: number;
  errors: string[];
  /** Reconnect start → its state (`state:snapshot`, or `state:resumed` when resuming), per socket. */
  snapshotMs: Summary;
  elapsedMs: number;
}

export interface GeneratorUsage {
  cpuUserMs: number;
  cpuSystemMs: number;
  rssMiB: number;
  sockets: number;
}

/** The calls of the load generator, for bench/load/ipcCalls.ts. */
export type LoadCalls = {
  connect: { request: ConnectRequest; reply: ConnectSummary };
  run: { request: RunSpec; reply: RunSummary };
  reconnect: { request: ReconnectRequest; reply: ReconnectSummary };
  close: { request: { group: string }; reply: { closed: number } };
  usage: { request: Record<string, never>; reply: GeneratorUsage };
};
