import { createServer, type Server as HttpServer } from 'node:http';
import { hostname } from 'node:os';
import { openArchive } from '../archive/openArchive.ts';
import type { ReplayClock } from '../clock/replayClock.ts';
import { careCatalogue } from '../../shared/tickets/careServiceSchema.ts';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { Redis } from 'ioredis';
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
import type { CadIo } from '../realtime/cadIo.ts';
import { PositionFrames } from '../realtime/positionFrames.ts';
import { CoveragePush } from '../realtime/coveragePush.ts';
import { CoverageTracker } from '../coverage/coverageTracker.ts';
import { coverageWards } from '../coverage/coverageWards.ts';
import { routedTravel, straightLineTravel } from '../coverage/travelTimes.ts';
import { redisKeys } from '../redis/keys.ts';
import { watchConnection } from '../redis/watchConnection.ts';
import { seedFleet } from '../units/seedFleet.ts';
import { UnitKindCache } from '../units/unitKindCache.ts';
import { DEFAULT_SETTINGS, type CadContext, type CadSettings } from './cadContext.ts';
import { RateLimits } from '../auth/rateLimits.ts';
import { sessionSecret } from '../auth/sessionSecret.ts';
import { SessionTokens } from '../auth/sessionTokens.ts';
import { seedDemoUsers } from '../auth/demoUsers.ts';

export interface CadServerOptions {
  redisUrl: string;
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
}

export interface CadServer {
  url: string;
  /** The Express app (its routes are listed by the OpenAPI test). */
  app: Express;
  port: number;
  io: CadIo;
  frames: PositionFrames;
  /** [CV5] Pushes the coverage to this instance's consoles when the available units change. */
  coveragePush: CoveragePush;
  http: HttpServer;
  ctx: CadContext;
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

/**
 * Starts one stateless server instance: HTTP + Socket.IO on one port, the Socket.IO Redis Streams
 * adapter so that several instances behind a load balancer broadcast to each other, and the city's
 * fleet seeded into Redis if it is not there yet.
 */
export async function createCadServer(options: CadServerOptions): Promise<CadServer> {
  const redisOptions = { maxRetriesPerRequest: 20, enableAutoPipelining: true } as const;
  const redis = new Redis(options.redisUrl, redisOptions);
  // The adapter reads its stream with a blocking XREAD, so it gets a connection of its own.
  const adapterRedis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  watchConnection(redis, 'commands');
  watchConnection(adapterRedis, 'broadcast adapter');
  await redis.ping();

  const keys = redisKeys(options.keyTag ?? 'jhb');
  const settings: CadSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const secret = await sessionSecret(redis, keys, options.sessionSecret);
  const areaIndex = createAreaIndex(options.city.boundary, options.city.wards);
  const router = options.roadGraphFile ? createRouter(loadRoadGraph(options.roadGraphFile)) : null;
  const now = options.replayClock?.now ?? options.now ?? Date.now;
  const coverage = new CoverageTracker({
    redis,
    keys,
    wards: coverageWards(options.city.wards, areaIndex),
    travel: router ? routedTravel(router) : straightLineTravel(),
    now,
  });
  const ctx: CadContext = {
    redis,
    keys,
    city: { data: options.city, layers: cityLayers(options.city, router !== null, buildGazetteer(options.city, areaIndex), router ? roadLines(router.graph) : []), locate: (p) => areaIndex.locate(p), router, care: options.city.care ? careCatalogue(options.city.care) : null },
    settings,
    unitKinds: new UnitKindCache(redis, keys),
    auth: { tokens: new SessionTokens(secret.secret) },
    limits: new RateLimits(redis, keys.rateLimitPrefix, settings.rateLimits),
    coverage,
    now,
    archive: null,
    replayClock: options.replayClock ?? null,
  };
  if (options.databaseUrl) {
    ctx.archive = await openArchive({ databaseUrl: options.databaseUrl, redis, redisUrl: options.redisUrl, keys, consumer: options.instanceId ?? hostname(), keepEntries: settings.maxReplayEntries * 2 });
  }
  if (options.seedDemoUsers) await seedDemoUsers(ctx);
  await seedFleet(redis, keys, options.city.fleet, options.city.facilities, ctx.now());

  const app = express();
  if (options.trustProxy) app.set('trust proxy', 1);
  const http = createServer(app);
  http.on('clientError', answerClientError);
  const io: CadIo = new Server(http, { adapter: createAdapter(adapterRedis, { streamName: keys.socketIoStream }), serveClient: false });
  const frames = new PositionFrames(io, ctx.settings.positionFrameMs);
  const coveragePush = new CoveragePush(io, coverage, ctx.settings.coverageCheckMs);
  const publisher = { io, frames };
  mountHttpApp(app, ctx, publisher, { version: options.version ?? '0.1.0', ...(options.consoleDir ? { consoleDir: options.consoleDir } : {}) });
  attachRealtime(io, ctx, publisher);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    app,
    url: `http://${host}:${port}`,
    port,
    io,
    frames,
    coveragePush,
    http,
    ctx,
    async close() {
      coveragePush.stop();
      frames.stop();
      await ctx.archive?.close();
      await io.close();
      redis.disconnect();
      adapterRedis.disconnect();
    },
  };
}
