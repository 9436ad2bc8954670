import { createServer, type Server as HttpServer } from 'node:http';
import { hostname } from 'node:os';
import { openArchive } from '../archive/openArchive.ts';
import type { ReplayClock } from '../clock/replayClock.ts';
import { careCatalogue } from '../../shared/tickets/careServiceSchema.ts';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { CityData } from '../city/cityData.ts';
import { cityLayers } from '../city/cityLayers.ts';
import { buildGazetteer } from '../city/buildGazetteer.ts';
import { loadRoadGraph } from '../routing/graph/roadGraphFile.ts';
import { createRouter } from '../routing/router/createRouter.ts';
import { roadLines } from '../routing/roadLines.ts';
import { createAreaIndex } from '../../shared/geo/areaIndex.ts';
import express, { type Express } from 'express';
import { mountHttpApp } from '../http/mountHttpApp.ts';
import { attachRealtime } from '../realtime/attachRealtime.ts';
import { ADAPTER_CHANNEL, subscribersOf, untilSubscribed } from '../realtime/adapterSubscription.ts';
import { JournalFeed } from '../realtime/journalFeed.ts';
import { PositionWrites } from '../units/positionWrites.ts';
import type { Publisher } from '../realtime/publishOutcome.ts';
import type { CadIo } from '../realtime/cadIo.ts';
import { PositionFrames } from '../realtime/positionFrames.ts';
import { CoveragePush } from '../realtime/coveragePush.ts';
import { CoverageTracker } from '../coverage/coverageTracker.ts';
import { coverageWards } from '../coverage/coverageWards.ts';
import { routedTravel, straightLineTravel } from '../coverage/travelTimes.ts';
import { redisKeys } from '../redis/keys.ts';
import { BLOCKING_READER_ROLE, COMMANDS_ROLE, connectRedis, type RedisTarget } from '../redis/connectRedis.ts';
import { BoardCache } from '../journal/boardCache.ts';
import { watchConnection } from '../redis/watchConnection.ts';
import { seedFleet } from '../units/seedFleet.ts';
import { UnitKindCache } from '../units/unitKindCache.ts';
import { DEFAULT_SETTINGS, type CadContext, type CadSettings } from './cadContext.ts';
import { RateLimits } from '../auth/rateLimits.ts';
import { sessionSecret } from '../auth/sessionSecret.ts';
import { SessionTokens } from '../auth/sessionTokens.ts';
import { seedDemoUsers } from '../auth/demoUsers.ts';
import { CadMetrics } from '../ops/cadMetrics.ts';
import { LoopLag } from '../ops/loopLag.ts';
import { CommandGate } from '../ops/commandGate.ts';
import { createLogger, type Logger } from '../ops/logger.ts';
import { RedisProbe } from '../ops/redisProbe.ts';
import { readRedisClock } from '../redis/redisClock.ts';
import { untilReady } from '../redis/untilReady.ts';

export interface CadServerOptions {
  /** One Redis node's URL; with `redisCluster`, one or more seed nodes of a Redis Cluster, separated by commas. */
  redisUrl: string;
  /** `redisUrl` names nodes of a Redis Cluster: every connection is an ioredis `Cluster` (the metro's keys share one slot). */
  redisCluster?: boolean;
  city: CityData;
  /** The city's road graph (`roads.bin`); without it, ETAs are straight-line estimates. */
  roadGraphFile?: string | null;
  /** Tag of the Redis keys (one per metro); defaults to `jhb`. */
  keyTag?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  consoleDir?: string;
  settings?: Partial<CadSettings>;
  version?: string;
  now?: () => number;
  /** The secret sessions are signed with; without it one is generated and kept in Redis (demo). */
  sessionSecret?: string;
  /** Seed one user per role with the demo password. */
  seedDemoUsers?: boolean;
  /** Behind a proxy: take the client address from X-Forwarded-For (for rate limits). */
  trustProxy?: boolean;
  /** [AR1] The PostgreSQL archive; without it nothing is archived or trimmed and reports answer `archive_unavailable`. */
  databaseUrl?: string;
  /** This instance's name in the archive's consumer group (stable across restarts of the same instance). */
  instanceId?: string;
  /** [RL1] A replay server's clock, moved by the replay (`clock:set`); the system clock otherwise. */
  replayClock?: ReplayClock;
  /**
   * [OPS1] Where the instance logs. Without one, `warn` and above go to stdout: a server embedded in a test, a
   * benchmark or a script says only what went wrong (main.ts passes one at LOG_LEVEL).
   */
  logger?: Logger;
}

/** [OPS4] What a drain came to: the commands still running when its timeout passed (0 when all finished). */
export interface DrainReport {
  unfinished: number;
}

export interface CadServer {
  url: string;
  /** The Express app (its routes are listed by the OpenAPI test). */
  app: Express;
  port: number;
  io: CadIo;
  frames: PositionFrames;
  /** Where a command's consequences go beside its journaled change: the position frames, the sockets of ended sessions. */
  publisher: Publisher;
  /** [CV5] Pushes the coverage to this instance's consoles when the available units change. */
  coveragePush: CoveragePush;
  http: HttpServer;
  ctx: CadContext;
  /**
   * [OPS4] Begins the drain: readiness goes 503 and new commands are refused `server_draining` at once; resolves
   * when the commands already running have been answered, or `timeoutMs` (settings.drainTimeoutMs) has passed.
   * The sockets and the HTTP server stay open (`close` closes them).
   */
  drain(timeoutMs?: number): Promise<DrainReport>;
  /** [OPS4] Drains, then closes the sockets (clients reconnect elsewhere), the HTTP server, the archiver and the Redis connections. */
  close(): Promise<void>;
}

/**
 * [HT2] A request Node refuses before Express sees it (headers too large, malformed) still answers in the
 * result shape.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) return;
  const isTooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify({ ok: false, error: { code: 'validation_failed', message: isTooLarge ? 'the request headers or address are too large' : 'the request could not be read' } });
  const status = isTooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** How long open HTTP requests may take to finish once the server stops listening, before they are cut. */
const HTTP_CLOSE_GRACE_MS = 2_000;

/**
 * [OPS4] Closes every socket at the transport (the clients see a dropped connection and reconnect by themselves,
 * which a server-side `disconnect` would stop them doing) and the HTTP server; requests still open after a grace
 * period are cut.
 */
async function closeSocketsAndHttp(io: CadIo, http: HttpServer): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => http.closeAllConnections(), HTTP_CLOSE_GRACE_MS);
    timer.unref();
    void io.close(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** How long a start waits for its commands connection to Redis. */
const REDIS_READY_TIMEOUT_MS = 20_000;

/**
 * Starts one stateless server instance: HTTP + Socket.IO on one port, the Socket.IO Redis Streams
 * adapter so that several instances behind a load balancer broadcast to each other, and the city's
 * fleet seeded into Redis if it is not there yet.
 */
export async function createCadServer(options: CadServerOptions): Promise<CadServer> {
  const log = options.logger ?? createLogger({ level: 'warn' });
  // [OPS10] No offline queue on the commands connection: while it is not connected a command is refused at once
  // (`unavailable`, never applied) instead of waiting to be sent whenever Redis returns, after its caller gave up.
  const redisTarget: RedisTarget = { url: options.redisUrl, isCluster: options.redisCluster ?? false };
  const redis = connectRedis(redisTarget, COMMANDS_ROLE);
  const positionsRedis = connectRedis(redisTarget, COMMANDS_ROLE);
  const readsRedis = connectRedis(redisTarget, COMMANDS_ROLE);
  // The adapter and the journal feed each read a stream with a blocking XREAD, so each gets a connection of its own.
  const adapterRedis = connectRedis(redisTarget, BLOCKING_READER_ROLE);
  const journalRedis = connectRedis(redisTarget, BLOCKING_READER_ROLE);
  watchConnection(redis, 'commands', log);
  watchConnection(adapterRedis, 'broadcast adapter', log);
  watchConnection(journalRedis, 'journal feed', log);
  watchConnection(positionsRedis, 'positions', log);
  watchConnection(readsRedis, 'console reads', log);
  await Promise.all([redis, positionsRedis, readsRedis].map((connection) => untilReady(connection, REDIS_READY_TIMEOUT_MS)));
  const keys = redisKeys(options.keyTag ?? 'jhb');
  // Keyless commands (TIME, PING) go to the node holding the metro's keys, `keys.version` among them.
  await readRedisClock(redis, keys.version);

  const settings: CadSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const secret = await sessionSecret(redis, keys, options.sessionSecret);
  const areaIndex = createAreaIndex(options.city.boundary, options.city.wards);
  const router = options.roadGraphFile ? createRouter(loadRoadGraph(options.roadGraphFile)) : null;
  const now = options.replayClock?.now ?? options.now ?? Date.now;
  // The sockets are counted by role at each scrape, from the Socket.IO server made below.
  const live: { io: CadIo | null } = { io: null };
  const gate = new CommandGate();
  const loop = new LoopLag();
  const metrics = new CadMetrics({
    socketRoles: () => (live.io ? [...live.io.of('/').sockets.values()].map((socket) => socket.data.session.role) : []),
    commandsInFlight: () => gate.inFlight,
    isDraining: () => gate.isDraining,
  });
  const redisProbe = new RedisProbe(redis, metrics, keys.version);
  const coverage = new CoverageTracker({
    redis,
    keys,
    wards: coverageWards(options.city.wards, areaIndex),
    travel: router ? routedTravel(router) : straightLineTravel(),
    now,
  });
  const ctx: CadContext = {
    redis,
    positionsRedis,
    readsRedis,
    positionWrites: new PositionWrites(positionsRedis, keys),
    keys,
    city: { data: options.city, layers: cityLayers(options.city, router !== null, buildGazetteer(options.city, areaIndex), router ? roadLines(router.graph) : []), locate: (p) => areaIndex.locate(p), router, care: options.city.care ? careCatalogue(options.city.care) : null },
    settings,
    unitKinds: new UnitKindCache(redis, keys),
    auth: { tokens: new SessionTokens(secret.secret) },
    limits: new RateLimits(redis, keys.rateLimitPrefix, settings.rateLimits),
    coverage,
    now,
    board: new BoardCache({ readsRedis, keys, settings, now }),
    archive: null,
    replayClock: options.replayClock ?? null,
    ops: { log, metrics, redisProbe, gate, loop },
  };
  if (options.databaseUrl) {
    const archive = await openArchive({ databaseUrl: options.databaseUrl, redis, redisTarget, keys, consumer: options.instanceId ?? hostname(), keepEntries: settings.maxReplayEntries * 2, log, timeZone: options.city.timeZone });
    ctx.archive = archive;
    metrics.watchArchive(() => archive.archiver.lag());
  }
  if (options.seedDemoUsers) await seedDemoUsers(ctx);
  await seedFleet(redis, keys, options.city.fleet, options.city.facilities, ctx.now());

  const app = express();
  if (options.trustProxy) app.set('trust proxy', 1);
  const http = createServer(app);
  http.on('clientError', answerClientError);
  const subscribersBefore = await subscribersOf(redis, ADAPTER_CHANNEL);
  const io: CadIo = new Server(http, { adapter: createAdapter(adapterRedis, { streamName: keys.socketIoStream, maxLen: ctx.settings.adapterStreamMaxLen }), serveClient: false });
  live.io = io;
  if (!(await untilSubscribed(redis, ADAPTER_CHANNEL, subscribersBefore + 1, 5_000))) log.warn('the Socket.IO adapter has not subscribed to its channel after 5 s; starting anyway');
  const frames = new PositionFrames(io, ctx.settings.positionFrameMs, metrics);
  const coveragePush = new CoveragePush(io, coverage, ctx.settings.coverageCheckMs, log);
  const feed = new JournalFeed(io, journalRedis, keys.journal, log);
  feed.start(Number((await redis.get(keys.version)) ?? 0));
  const publisher: Publisher = { io, frames };
  mountHttpApp(app, ctx, publisher, { version: options.version ?? '0.1.0', ...(options.consoleDir ? { consoleDir: options.consoleDir } : {}) });
  attachRealtime(io, ctx, publisher);

  // [OPS4] The last frame goes out, then the sockets close (their clients reconnect, to another instance behind the
  // load balancer), then HTTP; the archiver stops after its last acknowledged batch; the Redis connections last.
  const stopInstance = async (): Promise<void> => {
    redisProbe.stop();
    loop.stop();
    coveragePush.stop();
    frames.stop();
    await closeSocketsAndHttp(io, http);
    feed.stop();
    await ctx.archive?.close();
    redis.disconnect();
    positionsRedis.disconnect();
    readsRedis.disconnect();
    adapterRedis.disconnect();
  };
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  }).catch(async (error: unknown) => {
    // A port already taken leaves no connection or archiver of this instance behind.
    await stopInstance();
    throw error;
  });
  redisProbe.start(settings.redisProbeMs);
  loop.start();
  const { port } = http.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  let drained: Promise<DrainReport> | null = null;
  let closed: Promise<void> | null = null;
  const drain = (timeoutMs = settings.drainTimeoutMs): Promise<DrainReport> => {
    drained ??= (async () => {
      log.info({ inFlight: gate.inFlight, timeoutMs }, 'draining: new commands are refused; waiting for the commands running');
      const report = await gate.drain(timeoutMs);
      if (report.unfinished > 0) log.warn({ unfinished: report.unfinished, timeoutMs }, `drain: ${report.unfinished} command(s) still running after ${timeoutMs} ms; closing anyway`);
      else log.info('drained: every command that was running has been answered');
      return report;
    })();
    return drained;
  };
  return {
    app,
    url: `http://${host}:${port}`,
    port,
    io,
    frames,
    publisher,
    coveragePush,
    http,
    ctx,
    drain,
    close() {
      closed ??= (async () => {
        await drain();
        await stopInstance();
        log.info('stopped');
      })();
      return closed;
    },
  };
}
