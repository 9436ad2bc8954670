import type { LngLat } from '../../shared/geo/position.ts';
import type { SocketSpec } from './loadProtocol.ts';

/**
 * The server host's message API (bench/load/serverHost.ts, a child process forked under tsx; the parent side is
 * bench/load/startServerHost.ts). The host runs the CAD server alone in its process, so that its memory and CPU
 * are its own, and does the setup a benchmark must not time:
 *
 * - `start` {@link HostStart} → {@link HostReady}: the Johannesburg server (bench/benchServer.ts, raised rate
 *   limits) on the given Redis, with `syntheticUnits` more units seeded (`bench-00001`…, every kind in turn).
 * - `sessions` {@link SessionsRequest} → {@link SessionsReady}: session cookies minted in the server's process
 *   (no password hashing on the clock): one crew member created and signed on per unit, and dispatcher (combined
 *   desk) and call-taker sessions of the demo users.
 * - `metroPoints` {count, seed} → points inside the metro (for incidents).
 * - `probe` {resetPeak} → {@link HostProbe}: the server process's memory (and its peak RSS, sampled every 100 ms),
 *   CPU time and event-loop delay since the last reset.
 * - `stop` {} → {}: closes the server; the process exits after answering (a `--cpu-prof` profile is written then).
 */
export interface HostStart {
  redisUrl: string;
  syntheticUnits: number;
  /** scrypt cost of the users the host creates (and the demo users): 2^log2N. */
  passwordLog2N: number;
}

export interface HostReady {
  url: string;
  pid: number;
  /** The synthetic units' ids, in order. */
  syntheticUnitIds: string[];
  /** Units in the store: the city's fleet and the synthetic ones. */
  unitsInStore: number;
  seedMs: number;
}

export interface SessionsRequest {
  /** One crew member per unit, signed on to it. */
  crewUnitIds: string[];
  dispatchers: number;
  callTakers: number;
  /** Sessions of one AVL gateway account (UP3), for `units:positions`. */
  gateways?: number;
}

export interface SessionsReady {
  crews: SocketSpec[];
  dispatchers: SocketSpec[];
  callTakers: SocketSpec[];
  gateways: SocketSpec[];
  elapsedMs: number;
}

export interface HostProbe {
  rssMiB: number;
  peakRssMiB: number;
  heapUsedMiB: number;
  externalMiB: number;
  /** CPU the server process used since the last reset, ms of one core. */
  cpuMs: number;
  /** Wall time since the last reset. */
  wallMs: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
}

export type HostCalls = {
  start: { request: HostStart; reply: HostReady };
  sessions: { request: SessionsRequest; reply: SessionsReady };
  metroPoints: { request: { count: number; seed: number }; reply: LngLat[] };
  probe: { request: { reset: boolean }; reply: HostProbe };
  stop: { request: Record<string, never>; reply: Record<string, never> };
};
