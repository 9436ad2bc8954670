import type { RedisClient } from '../redis/redisClient.ts';
import type { Archive } from '../archive/openArchive.ts';
import type { ReplayClock } from '../clock/replayClock.ts';
import type { CadOps } from '../ops/cadOps.ts';
import type { AreaLookup } from '../../shared/incidents/incidentLifecycle.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import type { CityLayers } from '../../shared/city/citySchema.ts';
import type { CityData } from '../city/cityData.ts';
import type { CareCatalogue } from '../../shared/tickets/careServiceSchema.ts';
import type { Router } from '../routing/router/createRouter.ts';
import type { CoverageTracker } from '../coverage/coverageTracker.ts';
import type { RedisKeys } from '../redis/keys.ts';
import type { BoardCache } from '../journal/boardCache.ts';
import type { UnitKindCache } from '../units/unitKindCache.ts';
import type { SessionTokens } from '../auth/sessionTokens.ts';
import type { RateLimits, RateLimitSettings } from '../auth/rateLimits.ts';
import { DEFAULT_RATE_LIMITS } from '../auth/rateLimits.ts';
import { DEFAULT_PASSWORD_COST, type PasswordCost } from '../auth/passwordHash.ts';
import type { PositionWrites } from '../units/positionWrites.ts';

/** Tunable rules of the live system; safe defaults for the demo, overridable by the environment. */
export interface CadSettings {
  /** A position older than this is not trusted for a recommendation. */
  stalePositionSeconds: number;
  /** How often coalesced position frames go out to consoles. */
  positionFrameMs: number;
  /** How many journal entries a reconnecting console may replay before it gets a snapshot instead. */
  maxReplayEntries: number;
  /** [AK2] A crew silent for longer than this after an assignment raises an alarm on the board. */
  ackDeadlineSeconds: number;
  /** [AU4] How long a sign-in lasts (a shift and a handover); renewed while the console is in use. */
  sessionMinutes: number;
  /** Cost of the password hash. */
  passwordCost: PasswordCost;
  /** [HI1] Rate limits per client. */
  rateLimits: RateLimitSettings;
  /** Cookies only over https (behind a TLS-terminating proxy). */
  isSecureCookie: boolean;
  /** [CV5] How often each instance looks whether the available units changed, and pushes new coverage if so. */
  coverageCheckMs: number;
  /** [OPS4] How long a stopping instance waits for the commands it is running before it closes anyway. */
  drainTimeoutMs: number;
  /** [OPS2] How often Redis is PINGed for the latency histogram. */
  redisProbeMs: number;
  /**
   * [OPS12] While the event loop runs this late (ms), position fixes are shed: the instance has more work than CPU and
   * commands come first. 0 never sheds for that reason (the shedding on commands in flight still holds).
   */
  shedPositionsLoopLateMs: number;
  /**
   * [SO1] Entries the Socket.IO adapter's stream keeps (position frames, coverage, ended sessions). Other instances read
   * it within milliseconds; the adapter's own default (10,000) kept minutes of position frames, each of up to every
   * moving unit, in the metro's Redis (and its AOF).
   */
  adapterStreamMaxLen: number;
}

export const DEFAULT_SETTINGS: CadSettings = {
  stalePositionSeconds: 600,
  positionFrameMs: 250,
  maxReplayEntries: 500,
  ackDeadlineSeconds: 60,
  sessionMinutes: 13 * 60,
  passwordCost: DEFAULT_PASSWORD_COST,
  rateLimits: DEFAULT_RATE_LIMITS,
  isSecureCookie: false,
  coverageCheckMs: 3_000,
  drainTimeoutMs: 10_000,
  redisProbeMs: 5_000,
  shedPositionsLoopLateMs: 100,
  adapterStreamMaxLen: 1_000,
};

/** The city as the running server uses it. Immutable after start-up. */
export interface CityRuntime {
  data: CityData;
  layers: CityLayers;
  locate(position: LngLat): AreaLookup;
  /** [CC1] The city's Care Connect catalogue; null when it runs no Care Connect line. */
  care: CareCatalogue | null;
  /** Fastest paths on the city's road network; null when it has none (straight-line estimates). */
  router: Router | null;
}

/** Everything a command needs. Holds no state another server instance would need. */
export interface CadContext {
  redis: RedisClient;
  /**
   * [OPS12] Position fixes go to Redis on a connection of their own, so a burst of fixes queued on a socket never
   * stands in front of an incident, an assignment or a status change on the commands connection.
   */
  positionsRedis: RedisClient;
  /**
   * [OPS12] Consoles' bulk reads (a board's snapshot, a crew's, the journal since a version) go to Redis on a connection
   * of their own: one connection answers in the order it asked, so on the commands connection a command's small reply
   * waited behind every board read of a reconnect storm, and behind the time to decode them.
   */
  readsRedis: RedisClient;
  /** [UP1] Devices' single fixes, written together per turn of the event loop on `positionsRedis`. */
  positionWrites: PositionWrites;
  keys: RedisKeys;
  city: CityRuntime;
  settings: CadSettings;
  unitKinds: UnitKindCache;
  auth: { tokens: SessionTokens };
  limits: RateLimits;
  /** [CV3] The coverage of the available units, kept per instance and computed again only when they change. */
  coverage: CoverageTracker;
  now(): number;
  /** [OPS12] This instance's copy of the open incidents, caught up from the journal: a board snapshot costs what changed. */
  board: BoardCache;
  /** [AR1] The durable record; null when the server runs without one (reports then answer `archive_unavailable`). */
  archive: Archive | null;
  /** [RL1] The replay clock of a replay server (CLOCK=replay); null on the system clock. */
  replayClock: ReplayClock | null;
  /** [OPS1–OPS4] This instance's logger, metrics, Redis probe and command gate. */
  ops: CadOps;
}
