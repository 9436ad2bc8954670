import { getHeapStatistics } from 'node:v8';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCadServer } from './app/createCadServer.ts';
import { loadCityPack } from './city/loadCityPack.ts';
import { readConfig } from './config/readConfig.ts';
import { CITIES } from './city/cityRegistry.ts';
import { startEmbeddedRedis, type EmbeddedRedis } from './redis/embeddedRedis.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './archive/embeddedPostgres.ts';
import { ReplayClock } from './clock/replayClock.ts';
import { startCityJobs } from './leases/cityJobs.ts';
import { DEMO_PASSWORD, demoUsersFor, demoUsersPresent } from './auth/demoUsers.ts';
import { createUser, findUserByName } from './auth/userStore.ts';
import { createLogger, type Logger } from './ops/logger.ts';
import { PROJECT_ROOT } from './config/projectRoot.ts';

/** [OPS4] After a signal, how long the drain and the stops may take before the process exits anyway. */
const STOP_DEADLINE_MS = 30_000;

/** Until the configuration is read (a bad LOG_LEVEL is itself an error worth a line), the log runs at `info`. */
let log: Logger = createLogger({ level: 'info' });

/** Starts the whole system: Redis (embedded unless REDIS_URL is set), the city, the server, the console. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  log = createLogger({ level: config.LOG_LEVEL });
  const cityEntry = CITIES[config.CITY];
  const { city, roadGraphFile } = loadCityPack(resolve(PROJECT_ROOT, cityEntry.dir));
  // [AU8][OPS8] Every check that needs no store comes first: a refused start leaves nothing running.
  const isProduction = config.NODE_ENV === 'production';
  const replayClock = config.CLOCK === 'replay' ? new ReplayClock(config.CLOCK_START ? Date.parse(config.CLOCK_START) : Date.now()) : null;
  const withDemoUsers = (config.DEMO_USERS ?? (isProduction ? 'off' : 'on')) === 'on';
  if (isProduction && (withDemoUsers || !config.SESSION_SECRET)) {
    throw new Error('NODE_ENV=production: set SESSION_SECRET (32+ characters, the same on every instance) and leave DEMO_USERS off');
  }
  let embedded: EmbeddedRedis | null = null;
  if (!config.REDIS_URL) {
    embedded = await startEmbeddedRedis({ dataDir: resolve(PROJECT_ROOT, config.DATA_DIR, config.CITY, 'redis'), say: (message) => log.info(message) });
    if (existsSync(resolve(PROJECT_ROOT, config.DATA_DIR, 'redis'))) {
      log.info(`Note: ${resolve(PROJECT_ROOT, config.DATA_DIR, 'redis')} is from an earlier version that kept every city in one folder; it is no longer read and may be removed.`);
    }
    log.info({ redisUrl: embedded.url, dataDir: embedded.dataDir }, `Embedded Redis on ${embedded.url} (AOF, appendfsync always) with data in ${embedded.dataDir}`);
  }
  let embeddedPostgres: EmbeddedPostgres | null = null;
  if (!config.DATABASE_URL) {
    try {
      embeddedPostgres = await startEmbeddedPostgres({ dir: resolve(PROJECT_ROOT, config.DATA_DIR, config.CITY, 'postgres') });
    } catch (error) {
      await embedded?.stop();
      throw error;
    }
    log.info({ postgresPort: embeddedPostgres.port, dataDir: embeddedPostgres.dir }, `Embedded PostgreSQL on 127.0.0.1:${embeddedPostgres.port} with the archive in ${embeddedPostgres.dir}`);
  }
  const stopStores = async (): Promise<void> => {
    await embeddedPostgres?.stop();
    await embedded?.stop();
  };
  // A start that fails (the port is taken, the archive will not migrate) leaves nothing of its own running.
  const server = await createCadServer({
    redisUrl: config.REDIS_URL ?? embedded?.url ?? '',
    redisCluster: config.REDIS_CLUSTER === 'on',
    databaseUrl: config.DATABASE_URL ?? embeddedPostgres?.url ?? '',
    ...(config.INSTANCE_ID ? { instanceId: config.INSTANCE_ID } : {}),
    ...(replayClock ? { replayClock } : {}),
    city,
    keyTag: cityEntry.keyTag,
    roadGraphFile,
    host: config.HOST,
    port: config.PORT,
    consoleDir: resolve(PROJECT_ROOT, 'dispatch-console/dist'),
    settings: {
      stalePositionSeconds: config.STALE_POSITION_SECONDS,
      positionFrameMs: config.POSITION_FRAME_MS,
      ackDeadlineSeconds: config.ACK_DEADLINE_SECONDS,
      sessionMinutes: config.SESSION_MINUTES,
      isSecureCookie: config.BEHIND_HTTPS_PROXY === 'on',
    },
    trustProxy: config.BEHIND_HTTPS_PROXY === 'on',
    seedDemoUsers: withDemoUsers,
    ...(config.SESSION_SECRET ? { sessionSecret: config.SESSION_SECRET } : {}),
    logger: log,
  }).catch(async (error: unknown) => {
    await stopStores();
    throw error;
  });
  if (config.ADMIN_USERNAME && config.ADMIN_PASSWORD && !(await findUserByName(server.ctx, config.ADMIN_USERNAME))) {
    await createUser(server.ctx, { username: config.ADMIN_USERNAME, displayName: 'Administrator', role: 'administrator', desks: [], password: config.ADMIN_PASSWORD });
    log.info({ username: config.ADMIN_USERNAME }, `Administrator ${config.ADMIN_USERNAME} created; sign in and add the centre's users.`);
  }
  if (isProduction) {
    // [AU8] A production server never runs with a demo account that anyone could sign in with.
    const demo = await demoUsersPresent(server.ctx);
    if (demo.length > 0) {
      await server.close();
      await stopStores();
      throw new Error(`NODE_ENV=production: demo users exist (${demo.join(', ')}); disable them from the administrator screen or a non-production start first`);
    }
  }
  const stopCityJobs = startCityJobs(server, { avl: config.DEMO_AVL === 'on', simulator: config.SIMULATOR === 'on' }, config.INSTANCE_ID, log);
  // The heap's ceiling, so an operator sees whether the cap of scripts/start.sh and the Dockerfile applies (docs/scaling.md).
  const heapLimitMiB = Math.round(getHeapStatistics().heap_size_limit / 1_048_576);
  log.info({ city: city.name, units: city.fleet.length, wards: city.wards.length, heapLimitMiB }, `Emergency Connect CAD: ${city.name}, ${city.fleet.length} units, ${city.wards.length} wards, ${roadGraphFile ? 'routing on the road network' : 'no road network: straight-line ETAs'}`);
  if (withDemoUsers) {
    log.info(`Demo sign-in (password ${DEMO_PASSWORD} for each): ${demoUsersFor(server.ctx).map((u) => `${u.username} (${u.role.replace('_', ' ')}${u.desks.length ? `: ${u.desks.join('/')}` : ''}${u.department ? `: ${u.department}` : ''})`).join(', ')}`);
  }
  const openUrl = server.url.replace('127.0.0.1', config.HOST === '0.0.0.0' ? 'localhost' : config.HOST);
  log.info({ url: openUrl }, `Open ${openUrl}`);

  // [OPS4] A signal drains the server (readiness 503, new commands refused, those running answered), closes its
  // sockets and HTTP, stops the archiver, then the embedded stores. A second signal, or the deadline, exits at once.
  let isStopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (isStopping) {
      log.warn({ signal }, `${signal} again: exiting without waiting for the drain`);
      process.exit(1);
    }
    isStopping = true;
    log.info({ signal }, `${signal}: stopping`);
    const deadline = setTimeout(() => {
      log.error({ deadlineMs: STOP_DEADLINE_MS }, `still stopping after ${STOP_DEADLINE_MS / 1000} s: exiting`);
      process.exit(1);
    }, STOP_DEADLINE_MS);
    deadline.unref();
    await stopCityJobs();
    await server.close();
    await stopStores();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // The reason a start failed is for the person who started it: its message, not a stack trace.
  log.fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
