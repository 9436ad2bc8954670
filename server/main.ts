import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCadServer } from './app/createCadServer.ts';
import { loadCityPack } from './city/loadCityPack.ts';
import { readConfig } from './config/readConfig.ts';
import { CITIES } from './city/cityRegistry.ts';
import { startEmbeddedRedis, type EmbeddedRedis } from './redis/embeddedRedis.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './archive/embeddedPostgres.ts';
import { ReplayClock } from './clock/replayClock.ts';
import { startAvlHeartbeat } from './units/avlHeartbeat.ts';
import { startVehicleSimulator } from './simulation/vehicleSimulator.ts';
import { DEMO_PASSWORD, demoUsersFor, demoUsersPresent } from './auth/demoUsers.ts';
import { createUser, findUserByName } from './auth/userStore.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Starts the whole system: Redis (embedded unless REDIS_URL is set), the city, the server, the console. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  const cityEntry = CITIES[config.CITY];
  const { city, roadGraphFile } = loadCityPack(resolve(ROOT, cityEntry.dir));
  let embedded: EmbeddedRedis | null = null;
  if (!config.REDIS_URL) {
    embedded = await startEmbeddedRedis({ dataDir: resolve(ROOT, config.DATA_DIR, config.CITY, 'redis') });
    if (existsSync(resolve(ROOT, config.DATA_DIR, 'redis'))) {
      console.log(`Note: ${resolve(ROOT, config.DATA_DIR, 'redis')} is from an earlier version that kept every city in one folder; it is no longer read and may be removed.`);
    }
    console.log(`Embedded Redis on ${embedded.url} (AOF, appendfsync always) with data in ${embedded.dataDir}`);
  }
  const isProduction = config.NODE_ENV === 'production';
  const replayClock = config.CLOCK === 'replay' ? new ReplayClock(config.CLOCK_START ? Date.parse(config.CLOCK_START) : Date.now()) : null;
  const withDemoUsers = (config.DEMO_USERS ?? (isProduction ? 'off' : 'on')) === 'on';
  if (isProduction && (withDemoUsers || !config.SESSION_SECRET)) {
    throw new Error('NODE_ENV=production: set SESSION_SECRET (32+ characters, the same on every instance) and leave DEMO_USERS off');
  }
  let embeddedPostgres: EmbeddedPostgres | null = null;
  if (!config.DATABASE_URL) {
    try {
      embeddedPostgres = await startEmbeddedPostgres({ dir: resolve(ROOT, config.DATA_DIR, config.CITY, 'postgres') });
    } catch (error) {
      await embedded?.stop();
      throw error;
    }
    console.log(`Embedded PostgreSQL on 127.0.0.1:${embeddedPostgres.port} with the archive in ${embeddedPostgres.dir}`);
  }
  const stopStores = async (): Promise<void> => {
    await embeddedPostgres?.stop();
    await embedded?.stop();
  };
  // A start that fails (the port is taken, the archive will not migrate) leaves nothing of its own running.
  const server = await createCadServer({
    redisUrl: config.REDIS_URL ?? embedded?.url ?? '',
    databaseUrl: config.DATABASE_URL ?? embeddedPostgres?.url ?? '',
    ...(config.INSTANCE_ID ? { instanceId: config.INSTANCE_ID } : {}),
    ...(replayClock ? { replayClock } : {}),
    city,
    keyTag: cityEntry.keyTag,
    roadGraphFile,
    host: config.HOST,
    port: config.PORT,
    consoleDir: resolve(ROOT, 'dispatch-console/dist'),
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
  }).catch(async (error: unknown) => {
    await stopStores();
    throw error;
  });
  if (config.ADMIN_USERNAME && config.ADMIN_PASSWORD && !(await findUserByName(server.ctx, config.ADMIN_USERNAME))) {
    await createUser(server.ctx, { username: config.ADMIN_USERNAME, displayName: 'Administrator', role: 'administrator', desks: [], password: config.ADMIN_PASSWORD });
    console.log(`Administrator ${config.ADMIN_USERNAME} created; sign in and add the centre's users.`);
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
  const stopAvl = config.DEMO_AVL === 'on' ? startAvlHeartbeat(server.ctx, server.frames, 60_000) : () => undefined;
  const stopSimulator = config.SIMULATOR === 'on' ? startVehicleSimulator(server.ctx, { io: server.io, frames: server.frames }) : () => undefined;
  console.log(`Emergency Connect CAD: ${city.name}, ${city.fleet.length} units, ${city.wards.length} wards, ${roadGraphFile ? 'routing on the road network' : 'no road network: straight-line ETAs'}`);
  if (withDemoUsers) {
    console.log(`Demo sign-in (password ${DEMO_PASSWORD} for each): ${demoUsersFor(server.ctx).map((u) => `${u.username} (${u.role.replace('_', ' ')}${u.desks.length ? `: ${u.desks.join('/')}` : ''}${u.department ? `: ${u.department}` : ''})`).join(', ')}`);
  }
  console.log(`Open ${server.url.replace('127.0.0.1', config.HOST === '0.0.0.0' ? 'localhost' : config.HOST)}`);

  let isStopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (isStopping) return;
    isStopping = true;
    console.log(`${signal}: stopping`);
    stopAvl();
    stopSimulator();
    await server.close();
    await stopStores();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
