import { resolve } from 'node:path';
import { createCadServer, type CadServer, type CadServerOptions } from '../../server/app/createCadServer.ts';
import type { CityData } from '../../server/city/cityData.ts';
import { loadCityPack, type CityPack } from '../../server/city/loadCityPack.ts';
import type { EmbeddedRedis } from '../../server/redis/embeddedRedis.ts';
import { startTestRedis } from './testRedis.ts';
import { startTestPostgres } from './testPostgres.ts';
import type { EmbeddedPostgres } from '../../server/archive/embeddedPostgres.ts';
import type { PasswordCost } from '../../server/auth/passwordHash.ts';
import type { RateLimitSettings } from '../../server/auth/rateLimits.ts';
import { createLogger, LOG_LEVELS, type LogLevel, type Logger } from '../../server/ops/logger.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Cheap password hashing: the tests sign in hundreds of times; the scheme is the same, only its cost is lower. */
export const TEST_PASSWORD_COST: PasswordCost = { log2N: 10 };

/** Limits far above what the tests send, except where a test is about the limits and sets its own. */
export const TEST_RATE_LIMITS: RateLimitSettings = {
  signInPerMinute: 100_000,
  failedSignInsPer15Minutes: 100_000,
  commandsPer10Seconds: 1_000_000,
  httpPerMinute: 1_000_000,
  connectionsPerMinute: 100_000,
};
/**
 * [OPS12] Test servers shed no position fix for a late event loop: a test shares a busy machine with others, and a
 * test about a fix wants it stored. The shedding itself is tested in test/ops/loopLag.test.ts.
 */
export const TEST_SHED_LOOP_LATE_MS = 0;

/**
 * [OPS1] The test servers' logger: silent, so a run of the suite is not flooded with a line per command;
 * `TEST_LOG_LEVEL=debug npx vitest run …` shows what a server did while a test ran.
 */
export function testLogger(): Logger {
  const wanted = process.env.TEST_LOG_LEVEL;
  const level: LogLevel = LOG_LEVELS.find((l) => l === wanted) ?? 'silent';
  return createLogger({ level });
}

const packs = new Map<string, CityPack>();

/** A city pack by folder (relative to the repository), loaded once per test file. */
export function cityPack(dir: string): CityPack {
  const known = packs.get(dir);
  if (known) return known;
  const pack = loadCityPack(resolve(ROOT, dir));
  packs.set(dir, pack);
  return pack;
}

/** The Johannesburg city (no road network). */
export function joburgCity(): CityData {
  return cityPack('fixtures/joburg').city;
}

/** What every test server is started with: the demo users, cheap hashing and high limits (for servers a test builds itself). */
export function testServerOptions(settings: Partial<CadServerOptions['settings']> = {}): Pick<CadServerOptions, 'seedDemoUsers' | 'settings' | 'logger'> {
  return { seedDemoUsers: true, settings: { passwordCost: TEST_PASSWORD_COST, rateLimits: TEST_RATE_LIMITS, shedPositionsLoopLateMs: TEST_SHED_LOOP_LATE_MS, ...settings }, logger: testLogger() };
}

export interface TestServer {
  url: string;
  server: CadServer;
  redis: EmbeddedRedis;
  /** The test's own PostgreSQL, when started `withArchive`. */
  postgres: EmbeddedPostgres | null;
  close(): Promise<void>;
}

/**
 * Starts a real redis-server and one server instance on free ports, with a city pack (Johannesburg
 * unless `cityDir` names another) and its fleet, serving the built console when it has been built.
 */
export async function startTestServer(options: Partial<Omit<CadServerOptions, 'redisUrl' | 'databaseUrl'>> & { cityDir?: string; withArchive?: boolean } = {}): Promise<TestServer> {
  const redis = await startTestRedis();
  const { cityDir = 'fixtures/joburg', withArchive = false, ...serverOptions } = options;
  const postgres = withArchive ? await startTestPostgres() : null;
  const pack = cityPack(cityDir);
  const server = await createCadServer({
    city: pack.city,
    roadGraphFile: pack.roadGraphFile,
    consoleDir: resolve(ROOT, 'dispatch-console/dist'),
    seedDemoUsers: true,
    logger: testLogger(),
    ...serverOptions,
    settings: { passwordCost: TEST_PASSWORD_COST, rateLimits: TEST_RATE_LIMITS, shedPositionsLoopLateMs: TEST_SHED_LOOP_LATE_MS, ...serverOptions.settings },
    redisUrl: redis.url,
    ...(postgres ? { databaseUrl: postgres.url } : {}),
  }).catch(async (error: unknown) => {
    // A server that fails to start leaves no store of its own running.
    await redis.cleanup();
    await postgres?.cleanup();
    throw error;
  });
  return {
    url: server.url,
    server,
    redis,
    postgres,
    async close() {
      await server.close();
      await redis.cleanup();
      await postgres?.cleanup();
    },
  };
}
