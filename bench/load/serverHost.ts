import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { LngLat } from '../../shared/geo/position.ts';
import type { CadServer } from '../../server/app/createCadServer.ts';
import { DEMO_PASSWORD } from '../../server/auth/demoUsers.ts';
import { issueToken, resolveSession, SESSION_COOKIE } from '../../server/auth/resolveSession.ts';
import { createUser, findUserByName, type StoredUser } from '../../server/auth/userStore.ts';
import { runCommand } from '../../server/commands/runCommand.ts';
import { seedUnits } from '../../server/units/seedFleet.ts';
import type { Desk } from '../../shared/auth/roles.ts';
import { BENCH_RATE_LIMITS, startJoburgBenchServer } from '../benchServer.ts';
import { pointInBbox, seededRandom } from '../random.ts';
import { syntheticUnits } from '../syntheticUnits.ts';
import { serveCalls } from './ipcCalls.ts';
import type { SocketSpec } from './loadProtocol.ts';
import type { HostCalls, HostProbe } from './serverHostProtocol.ts';

/**
 * The server host: the CAD server alone in a child process (forked by bench/load/startServerHost.ts); its message
 * API is documented in bench/load/serverHostProtocol.ts.
 */
let server: CadServer | null = null;
const running = (): CadServer => {
  if (!server) throw new Error('the server is not started');
  return server;
};

const MiB = 1_048_576;
let peakRss = process.memoryUsage().rss;
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100).unref();
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
let cpuSince = process.cpuUsage();
let wallSince = performance.now();

function probe(reset: boolean): HostProbe {
  const memory = process.memoryUsage();
  peakRss = Math.max(peakRss, memory.rss);
  const cpu = process.cpuUsage(cpuSince);
  const answer: HostProbe = {
    rssMiB: memory.rss / MiB,
    peakRssMiB: peakRss / MiB,
    heapUsedMiB: memory.heapUsed / MiB,
    externalMiB: memory.external / MiB,
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs: performance.now() - wallSince,
    eventLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    eventLoopDelayMaxMs: loopDelay.max / 1e6,
  };
  if (reset) {
    peakRss = memory.rss;
    cpuSince = process.cpuUsage();
    wallSince = performance.now();
    loopDelay.reset();
  }
  return answer;
}

async function cookieOf(user: StoredUser, desk: Desk | undefined): Promise<string> {
  const issued = await issueToken(running().ctx, user, desk);
  return `${SESSION_COOKIE}=${issued.token}`;
}

let crewCounter = 0;

/** A new crew member signed on to `unitId`, and the cookie of their session. */
async function crewOn(unitId: string): Promise<SocketSpec> {
  const { ctx } = running();
  crewCounter += 1;
  const n = crewCounter;
  const username = `load-crew-${process.pid.toString(36)}-${n}`;
  const user = await createUser(ctx, { username, displayName: `Load crew ${n}`, role: 'crew', desks: [], password: DEMO_PASSWORD });
  if (!user) throw new Error(`could not create ${username}`);
  const cookie = await cookieOf(user, undefined);
  const session = await resolveSession(ctx, cookie.slice(SESSION_COOKIE.length + 1));
  if (!session) throw new Error(`no session for ${username}`);
  const signOn = await runCommand(ctx, 'crew:sign_on', { session, transport: 'http', clientKey: 'bench' }, { commandId: `loadsignon${n.toString(36)}x${process.pid.toString(36)}`, unitId });
  if (!signOn.result.ok) throw new Error(`sign-on to ${unitId}: ${signOn.result.error.message}`);
  return { cookie, unitId };
}

async function demoCookies(username: string, desk: Desk | undefined, count: number): Promise<SocketSpec[]> {
  const user = await findUserByName(running().ctx, username);
  if (!user) throw new Error(`no demo user ${username}`);
  return Promise.all(Array.from({ length: count }, async () => ({ cookie: await cookieOf(user, desk) })));
}

/** `count` sessions of one AVL gateway account (UP3), created on first use. */
async function gatewayCookies(count: number): Promise<SocketSpec[]> {
  if (count === 0) return [];
  const { ctx } = running();
  const username = 'load-avl-gateway';
  const user = (await findUserByName(ctx, username)) ?? (await createUser(ctx, { username, displayName: 'Load AVL gateway', role: 'avl_gateway', desks: [], password: DEMO_PASSWORD }));
  if (!user) throw new Error(`could not create ${username}`);
  return Promise.all(Array.from({ length: count }, async () => ({ cookie: await cookieOf(user, undefined) })));
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < items.length; start += size) out.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  return out;
}

serveCalls<HostCalls>({
  async start(options) {
    // Every load socket comes from one address (loopback): the per-address connection ceiling is raised too.
    const rateLimits = { ...BENCH_RATE_LIMITS, connectionsPerMinute: 10_000_000 };
    server = await startJoburgBenchServer(options.redisUrl, { settings: { passwordCost: { log2N: options.passwordLog2N }, rateLimits } });
    const { ctx } = server;
    const random = seededRandom(5_150_301);
    const units = syntheticUnits(options.syntheticUnits, () => pointInBbox(random), Date.now());
    const seedStart = performance.now();
    await seedUnits(ctx.redis, ctx.keys, units);
    const seedMs = performance.now() - seedStart;
    return { url: server.url, pid: process.pid, syntheticUnitIds: units.map((u) => u.id), unitsInStore: await ctx.redis.scard(ctx.keys.unitIds), seedMs };
  },
  async sessions(request) {
    const startedAt = performance.now();
    const crews = await inBatches(request.crewUnitIds, 50, crewOn);
    const dispatchers = await demoCookies('dispatcher', 'combined', request.dispatchers);
    const callTakers = await demoCookies('calltaker', undefined, request.callTakers);
    const gateways = await gatewayCookies(request.gateways ?? 0);
    return { crews, dispatchers, callTakers, gateways, elapsedMs: performance.now() - startedAt };
  },
  metroPoints({ count, seed }) {
    const { city } = running().ctx;
    const random = seededRandom(seed);
    const points: LngLat[] = [];
    while (points.length < count) {
      const at = pointInBbox(random);
      if (city.locate(at).isInsideMetro) points.push(at);
    }
    return Promise.resolve(points);
  },
  probe: ({ reset }) => Promise.resolve(probe(reset)),
  async stop() {
    await server?.close();
    server = null;
    // Exits once the answer is on its way; a --cpu-prof profile is written at exit.
    setTimeout(() => process.exit(0), 100);
    return {};
  },
});
