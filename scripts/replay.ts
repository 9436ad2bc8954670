import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCadServer } from '../server/app/createCadServer.ts';
import { startEmbeddedPostgres } from '../server/archive/embeddedPostgres.ts';
import { DEFAULT_RATE_LIMITS } from '../server/auth/rateLimits.ts';
import { CITIES } from '../server/city/cityRegistry.ts';
import { loadCityPack } from '../server/city/loadCityPack.ts';
import { ReplayClock } from '../server/clock/replayClock.ts';
import { startEmbeddedRedis } from '../server/redis/embeddedRedis.ts';
import { DEMO_REPLAY_SIGN_INS } from '../server/replay/demoSignIns.ts';
import { readCallLog, type CallLog } from '../server/replay/readCallLog.ts';
import type { Credentials } from '../server/replay/replaySession.ts';
import { replayReport } from '../server/replay/replayReport.ts';
import { runReplay, type ReplayOptions } from '../server/replay/runReplay.ts';
import { startVehicleSimulator } from '../server/simulation/vehicleSimulator.ts';
import { startAvlHeartbeat } from '../server/units/avlHeartbeat.ts';
import { ValueMapSchema } from '../shared/replay/callLogSchema.ts';

const ROOT = resolve(import.meta.dirname, '..');
const USAGE = `usage: npm run replay -- <call log.csv> [--speed N] [--type-map file.json] [--kind-map file.json]
         [--simulate] [--relocate] [--city joburg|andorra|monaco] [--data-dir folder]
         [--server URL --dispatcher user:password --administrator user:password]

Replays a call log (docs/REPLAY.md) through the public API against a replay server: its own (embedded Redis and
PostgreSQL in a fresh folder, CLOCK=replay) unless --server names a running one started with CLOCK=replay.
--speed N runs N replayed seconds per real second (default: as fast as the server answers).
--simulate: calls without unit rows get the nearest units by recommendation and the simulator drives the crews.
--relocate: moves the log's calls so their centre is the city's centre (a log from another city).`;

interface Args {
  file: string;
  speed: number | null;
  typeMap: string | null;
  kindMap: string | null;
  simulate: boolean;
  relocate: boolean;
  city: keyof typeof CITIES;
  dataDir: string | null;
  server: string | null;
  dispatcher: Credentials;
  administrator: Credentials;
}

/** `user:password` from the command line; null when the flag is left out. */
function credentials(text: string | null): Credentials | null {
  if (text === null) return null;
  const at = text.indexOf(':');
  if (at < 1) throw new Error(`credentials are user:password, not "${text}"`);
  return { username: text.slice(0, at), password: text.slice(at + 1) };
}

function parseArgs(argv: readonly string[]): Args {
  const rest = [...argv];
  const take = (flag: string): string | null => {
    const at = rest.indexOf(flag);
    if (at === -1) return null;
    const value = rest[at + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    rest.splice(at, 2);
    return value;
  };
  const flag = (name: string): boolean => {
    const at = rest.indexOf(name);
    if (at !== -1) rest.splice(at, 1);
    return at !== -1;
  };
  const speedText = take('--speed');
  const speed = speedText === null ? null : Number(speedText);
  if (speed !== null && !(Number.isFinite(speed) && speed > 0)) throw new Error(`--speed must be a positive number of replayed seconds per second, not ${speedText}`);
  const city = take('--city') ?? 'joburg';
  if (!(city in CITIES)) throw new Error(`--city must be one of ${Object.keys(CITIES).join(', ')}`);
  const args: Args = {
    speed,
    typeMap: take('--type-map'),
    kindMap: take('--kind-map'),
    simulate: flag('--simulate'),
    relocate: flag('--relocate'),
    city: city as keyof typeof CITIES,
    dataDir: take('--data-dir'),
    server: take('--server'),
    dispatcher: credentials(take('--dispatcher')) ?? DEMO_REPLAY_SIGN_INS.dispatcher,
    administrator: credentials(take('--administrator')) ?? DEMO_REPLAY_SIGN_INS.administrator,
    file: '',
  };
  if (rest.length !== 1 || rest[0] === undefined || rest[0].startsWith('--')) throw new Error(USAGE);
  args.file = rest[0];
  return args;
}

function readMap(file: string | null, what: string): Record<string, string> | undefined {
  if (file === null) return undefined;
  const parsed = ValueMapSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${what} ${file} must be a JSON object of the log's values to the product's ids`);
  return parsed.data;
}

/** A replay server of the replay's own: embedded Redis and PostgreSQL in a fresh folder, its clock at the log's start. */
async function ownServer(args: Args, log: CallLog): Promise<{ url: string; close(): Promise<void> }> {
  const dir = args.dataDir ?? mkdtempSync(join(tmpdir(), 'cad-replay-'));
  // The embedded PostgreSQL may run as its own account (when this runs as root): it must reach its folder.
  chmodSync(dir, 0o755);
  const redis = await startEmbeddedRedis({ dataDir: join(dir, 'redis') });
  const postgres = await startEmbeddedPostgres({ dir: join(dir, 'postgres') });
  const start = Math.min(...log.calls.map((call) => call.receivedAt)) - 60_000;
  const pack = loadCityPack(resolve(ROOT, CITIES[args.city].dir));
  const server = await createCadServer({
    redisUrl: redis.url,
    databaseUrl: postgres.url,
    city: pack.city,
    roadGraphFile: pack.roadGraphFile,
    keyTag: CITIES[args.city].keyTag,
    replayClock: new ReplayClock(start),
    seedDemoUsers: true,
    // The replay is one client sending a city's worth of commands: its own server lets it.
    settings: { rateLimits: { ...DEFAULT_RATE_LIMITS, commandsPer10Seconds: 10_000_000, httpPerMinute: 10_000_000 } },
  });
  // Parked vehicles report often enough that none goes stale for recommendation (half the staleness limit).
  const stopAvl = startAvlHeartbeat(server.ctx, server.frames, (server.ctx.settings.stalePositionSeconds * 1000) / 2);
  const stopSimulator = args.simulate ? startVehicleSimulator(server.ctx, server.publisher) : () => undefined;
  console.log(`Replay server on ${server.url} (${pack.city.name}), data in ${dir}, clock at ${new Date(start).toISOString()}`);
  return {
    url: server.url,
    async close() {
      stopSimulator();
      stopAvl();
      await server.close();
      await postgres.stop();
      await redis.stop();
      if (args.dataDir === null) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = readCallLog(readFileSync(args.file, 'utf8'), { types: readMap(args.typeMap, '--type-map'), kinds: readMap(args.kindMap, '--kind-map') });
  console.log(`${args.file}: ${log.rowsRead} rows, ${log.calls.length} calls, ${log.responses.length} unit responses, ${log.refused.length} rows refused`);
  const simulate = args.simulate || log.responses.length === 0;
  if (simulate && !args.simulate) console.log('The log has no unit stamps: replaying with the vehicle simulator (--simulate).');
  const server = args.server ? { url: args.server.replace(/\/$/, ''), close: () => Promise.resolve() } : await ownServer({ ...args, simulate }, log);
  const started = Date.now();
  try {
    const options: ReplayOptions = {
      url: server.url,
      dispatcher: args.dispatcher,
      administrator: args.administrator,
      log,
      speed: args.speed,
      simulate,
      relocate: args.relocate,
      say: (line) => console.log(line),
    };
    const result = await runReplay(options);
    console.log(replayReport(result, (Date.now() - started) / 1000));
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `replay failed: ${error.message}` : error);
  process.exit(1);
});
