import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { featureCollection, nearestPoint, point } from '@turf/turf';
import { settleMachine, type Settled } from './load/settleMachine.ts';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { Redis } from 'ioredis';
import { redisCpuMs } from './load/redisCpu.ts';
import { UNIT_KINDS, type UnitKind } from '../shared/units/unitKinds.ts';
import { SEARCH_RADII_METERS } from '../server/dispatch/findNearby.ts';
import { nearestAvailable } from '../server/dispatch/recommendUnits.ts';
import { redisKeys } from '../server/redis/keys.ts';
import { seedUnits } from '../server/units/seedFleet.ts';
import { processRssMiB, redisUsedMemory, startBenchRedis } from './benchRedis.ts';
import { pointInBbox, seededRandom } from './random.ts';
import { geosearchStats, probeRadii, type GeosearchStats, type RadiusProbe } from './geosearchProbe.ts';
import { watchQueryTail, type QueryTail, type TimedQuery } from './queryTail.ts';
import { connectRawRedis, type RawRedis } from './rawRedis.ts';
import { batchedSeedDifferences, seedUnitsBatched } from './seedUnitsBatched.ts';
import { summarize, type Summary } from './stats.ts';
import { syntheticUnitChunks } from './syntheticUnitChunks.ts';

/** How the synthetic units enter Redis. */
export type NearestSeeding = 'seedUnits' | 'batched';

export interface NearestOptions {
  units: number;
  queries: number;
  wanted: number;
  warmup: number;
  /**
   * `seedUnits`: the server's own path (one `seedUnit` script call a unit, 500 in flight, AOF `appendfsync always`);
   * `batched`: one write a chunk on a bare RESP connection, of the same keys and fields (`seedUnitsBatched`, checked
   * against `seedUnits` on a sample in the same run), two chunks in flight, with the AOF off while seeding and turned back on after (its
   * rewrite timed apart). Default: `seedUnits` up to 100,000 units, `batched` above.
   */
  seeding?: NearestSeeding;
  /** Units generated, seeded and let go at a time (a multiple of the 8 kinds); default 10,000. */
  chunkSize?: number;
  /** First radii to probe with a bare GEOSEARCH (diagnostic); default the server's first radius (500 m), 1,000 and 3,000 m. [] for none. */
  probeRadii?: readonly number[];
}

export interface NearestResult {
  options: NearestOptions;
  seeding: NearestSeeding;
  seedMs: number;
  seedUnitsPerSecond: number;
  /** CPU time Redis and this process spent while seeding, ms: against `seedMs`, how much of it was waiting for a CPU. */
  seedCpuMs: { redis: number; node: number };
  /** Units in the store's `unitIds` after seeding (= `options.units`, checked). */
  storedUnits: number;
  /** `batched` seeding only: units seeded both ways under other keys and read back, and how many differ (must be 0). */
  batchedCheck: { units: number; differences: number } | null;
  ours: Summary;
  /** A bare PING on the same connection: the round-trip floor under every Redis figure. */
  ping: Summary;
  oursPerSecond: number;
  turf: Summary;
  turfPerSecond: number;
  /** Building the per-kind Turf FeatureCollections (once, outside the timed scans). */
  turfBuildMs: number;
  /** Turf p50 / ours p50, and the same at p99. */
  p50Ratio: number;
  p99Ratio: number;
  /** Queries where Turf's nearest unit is also our first hit. */
  sameNearest: number;
  /** Timed queries whose 5th hit lay beyond the first search radius, so that took more than one round trip. */
  widened: number;
  /** What the timed queries' tail (over `TAIL_MS`) was made of: this process's garbage collections, Redis's slow executions. */
  tail: QueryTail | null;
  /** Redis's own time per GEOSEARCH during the timed queries, and GEOSEARCH calls per query (> 1 when widened). */
  geosearch: GeosearchStats & { perQuery: number };
  /** A single GEOSEARCH at other first radii, over the same query points (up to 500): what a smaller first radius would cost. */
  radiusProbes: RadiusProbe[];
  /** `batched` seeding: turning the AOF back on after seeding (a rewrite of the whole store), ms; null otherwise. */
  aofRewriteMs: number | null;
  /** How the machine was found before the timed queries (after seeding and the AOF rewrite: `sync`, then quiet). */
  settledBeforeQueries: Settled;
  /** Mean units of the queried kind inside the first search radius (500 m), what one GEOSEARCH walks and sorts; over up to 100 of the query points. */
  firstRadiusMembers: number;
  redisMemory: string;
  redisUsedBytes: number;
  /** The AOF on disk after seeding (`appendfsync always`), MiB. */
  redisAofMiB: number;
  /** RSS of the redis-server process, MiB (from /proc; null where there is none). */
  redisRssMiB: number | null;
  /** This process's RSS at the end (the Turf collections held). */
  nodeRssMiB: number;
  /** Largest RSS read during the run (after each chunk, after the Turf build, at the end). */
  nodeRssPeakMiB: number;
  /** V8 heap used once the Turf collections are built, MiB. */
  heapUsedMiB: number;
}

type UnitFeature = Feature<Point, { id: string }>;

const BATCHED_ABOVE = 100_000;
/** A timed query slower than this is looked into (the goal's p99 is 1 ms). */
const TAIL_MS = 0.5;
const CHECK_UNITS = 64;

const unitIdAt = (index: number): string => `bench-${String(index + 1).padStart(5, '0')}`;
const mib = (bytes: number): number => Math.round((bytes / 1_048_576) * 10) / 10;

async function waitForAofRewrite(redis: Redis): Promise<void> {
  for (;;) {
    const info = await redis.info('persistence');
    if (/^aof_enabled:1/m.test(info) && /^aof_rewrite_in_progress:0/m.test(info) && /^aof_rewrite_scheduled:0/m.test(info)) return;
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** The per-kind FeatureCollections, built from the positions kept in a typed array (unit `i` is of kind `i % 8`). */
function collectionsByKind(positions: Float64Array, count: number): Map<UnitKind, FeatureCollection<Point, { id: string }>> {
  const features = new Map<UnitKind, UnitFeature[]>(UNIT_KINDS.map((kind) => [kind, []]));
  for (let i = 0; i < count; i += 1) {
    const kind = UNIT_KINDS[i % UNIT_KINDS.length] ?? 'als';
    features.get(kind)?.push(point([positions[2 * i] ?? 0, positions[2 * i + 1] ?? 0], { id: unitIdAt(i) }));
  }
  return new Map(UNIT_KINDS.map((kind) => [kind, featureCollection(features.get(kind) ?? [])]));
}

function directoryBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? directoryBytes(path) : entry.isFile() ? statSync(path).size : 0);
  }, 0);
}

async function redisServerRssMiB(redis: Redis): Promise<number | null> {
  const pid = /^process_id:(\d+)/m.exec(await redis.info('server'))?.[1];
  if (!pid) return null;
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round((Number(kb) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/**
 * [Bench 1] Nearest `wanted` available units of a kind among `units` synthetic units: the server's
 * GEOSEARCH query (one at a time, each with its loopback round trip) against an in-process Turf
 * `nearestPoint` scan over the same units of that kind, for the same query points. The units are generated and seeded
 * a chunk at a time; only their positions are kept (a typed array), and the Turf collections are built from them after
 * the Redis queries are timed, so that the Redis figures are not taken beside a heap of a million features.
 */
export async function benchNearestAvailable(options: NearestOptions): Promise<NearestResult> {
  const seeding = options.seeding ?? (options.units > BATCHED_ABOVE ? 'batched' : 'seedUnits');
  const chunkSize = options.chunkSize ?? 10_000;
  const server = await startBenchRedis();
  const redis = new Redis(server.url, { maxRetriesPerRequest: 20, enableAutoPipelining: true });
  let raw: RawRedis | null = null;
  let rssPeak = processRssMiB();
  const readRss = (): number => {
    const rss = processRssMiB();
    rssPeak = Math.max(rssPeak, rss);
    return rss;
  };
  try {
    const random = seededRandom(20_240_601);
    const keys = redisKeys('bench');
    const positions = new Float64Array(options.units * 2);
    let batchedCheck: NearestResult['batchedCheck'] = null;
    let seedMs = 0;
    let added = 0;
    let generated = 0;
    let inFlight: Promise<void> | null = null;
    const redisCpuBefore = await redisCpuMs(redis);
    const nodeCpuBefore = process.cpuUsage();
    if (seeding === 'batched') {
      raw = await connectRawRedis(server.url);
      await redis.config('SET', 'appendonly', 'no');
    }
    for (const chunk of syntheticUnitChunks(options.units, chunkSize, () => pointInBbox(random), Date.now())) {
      if (raw && batchedCheck === null) {
        const sample = chunk.slice(0, CHECK_UNITS);
        batchedCheck = { units: sample.length, differences: await batchedSeedDifferences(redis, raw, redisKeys('bench-check-script'), redisKeys('bench-check-batched'), sample) };
      }
      const t0 = performance.now();
      if (raw) {
        // This chunk is written now; the previous one's replies are awaited while Redis works through this one.
        const writing = seedUnitsBatched(raw, keys, chunk);
        // Handled when awaited below; marked now so that a refusal while the previous chunk is awaited is not "unhandled".
        writing.catch(() => undefined);
        if (inFlight) await inFlight;
        inFlight = writing;
        added += chunk.length;
      } else {
        added += await seedUnits(redis, keys, chunk);
      }
      seedMs += performance.now() - t0;
      for (const [i, unit] of chunk.entries()) {
        positions[2 * (generated + i)] = unit.position[0];
        positions[2 * (generated + i) + 1] = unit.position[1];
      }
      generated += chunk.length;
      readRss();
    }
    if (inFlight) {
      const t0 = performance.now();
      await inFlight;
      seedMs += performance.now() - t0;
    }
    const nodeCpu = process.cpuUsage(nodeCpuBefore);
    const seedCpuMs = { redis: (await redisCpuMs(redis)) - redisCpuBefore, node: (nodeCpu.user + nodeCpu.system) / 1000 };
    raw?.close();
    let aofRewriteMs: number | null = null;
    if (seeding === 'batched') {
      const t0 = performance.now();
      await redis.config('SET', 'appendonly', 'yes');
      await waitForAofRewrite(redis);
      aofRewriteMs = performance.now() - t0;
    }
    // The seeding's writes (an AOF of hundreds of MB at a million units) are flushed before anything is timed.
    const settledBeforeQueries = await settleMachine();
    const storedUnits = await redis.scard(keys.unitIds);
    if (added !== options.units || storedUnits !== options.units) throw new Error(`seeded ${added} of ${options.units} units (${storedUnits} in the store)`);
    const queries = Array.from({ length: options.warmup + options.queries }, (_, i) => ({
      kind: UNIT_KINDS[i % UNIT_KINDS.length] ?? 'als',
      at: pointInBbox(random),
    }));

    const oursFirst: (string | undefined)[] = [];
    let widened = 0;
    const oursMs: number[] = [];
    const timed: TimedQuery[] = [];
    let oursStart = performance.now();
    let tailOf: ((queries: readonly TimedQuery[]) => Promise<QueryTail>) | null = null;
    for (const [i, query] of queries.entries()) {
      if (i === options.warmup) {
        oursMs.length = 0;
        await redis.config('RESETSTAT');
        tailOf = await watchQueryTail(redis, TAIL_MS);
        oursStart = performance.now();
      }
      const t0 = performance.now();
      const hits = await nearestAvailable(redis, keys.availableUnits(query.kind), query.at, options.wanted);
      const ms = performance.now() - t0;
      oursMs.push(ms);
      if (i >= options.warmup) timed.push({ startMs: t0, ms });
      if (i >= options.warmup) {
        oursFirst.push(hits[0]?.id);
        if ((hits[options.wanted - 1]?.distanceMeters ?? 0) > (SEARCH_RADII_METERS[0] ?? 0)) widened += 1;
      }
      if (hits.length < options.wanted) throw new Error(`nearestAvailable found ${hits.length} of ${options.wanted}`);
    }
    const oursElapsed = performance.now() - oursStart;
    const tail = tailOf ? await tailOf(timed) : null;
    const geosearch = await geosearchStats(redis);

    const pingMs: number[] = [];
    for (let i = 0; i < queries.length; i += 1) {
      const t0 = performance.now();
      await redis.ping();
      if (i >= options.warmup) pingMs.push(performance.now() - t0);
    }

    // Untimed: how many units one first-radius GEOSEARCH has to walk and sort at this density.
    const sampled = queries.slice(options.warmup, options.warmup + 100);
    let inFirstRadius = 0;
    for (const query of sampled) {
      inFirstRadius += await redis.geosearch(keys.availableUnits(query.kind), 'FROMLONLAT', query.at[0], query.at[1], 'BYRADIUS', SEARCH_RADII_METERS[0], 'm').then((members) => members.length);
    }

    const radiusProbes = await probeRadii(
      redis,
      queries.slice(options.warmup, options.warmup + 500).map((query) => ({ key: keys.availableUnits(query.kind), at: query.at })),
      options.probeRadii ?? [SEARCH_RADII_METERS[0], 1_000, 3_000],
      options.wanted,
    );

    const turfBuildStart = performance.now();
    const collections = collectionsByKind(positions, options.units);
    const turfBuildMs = performance.now() - turfBuildStart;
    readRss();
    const heapUsedMiB = mib(process.memoryUsage().heapUsed);

    const turfMs: number[] = [];
    const turfFirst: string[] = [];
    let turfStart = performance.now();
    for (const [i, query] of queries.entries()) {
      if (i === options.warmup) {
        turfMs.length = 0;
        turfStart = performance.now();
      }
      const collection = collections.get(query.kind);
      if (!collection) throw new Error(`no units of kind ${query.kind}`);
      const t0 = performance.now();
      const nearest = nearestPoint(query.at, collection);
      turfMs.push(performance.now() - t0);
      if (i >= options.warmup) turfFirst.push(nearest.properties.id);
    }
    const turfElapsed = performance.now() - turfStart;

    const ours = summarize(oursMs);
    const turf = summarize(turfMs);
    const memoryInfo = await redis.info('memory');
    return {
      options,
      seeding,
      seedMs,
      seedUnitsPerSecond: options.units / (seedMs / 1000),
      seedCpuMs,
      storedUnits,
      batchedCheck,
      ours,
      ping: summarize(pingMs),
      oursPerSecond: options.queries / (oursElapsed / 1000),
      turf,
      turfPerSecond: options.queries / (turfElapsed / 1000),
      turfBuildMs,
      p50Ratio: turf.p50 / ours.p50,
      p99Ratio: turf.p99 / ours.p99,
      widened,
      tail,
      geosearch: { ...geosearch, perQuery: geosearch.calls / options.queries },
      radiusProbes,
      aofRewriteMs,
      settledBeforeQueries,
      sameNearest: turfFirst.filter((id, i) => id === oursFirst[i]).length,
      firstRadiusMembers: sampled.length ? inFirstRadius / sampled.length : Number.NaN,
      redisMemory: await redisUsedMemory(redis),
      redisUsedBytes: Number(/^used_memory:(\d+)/m.exec(memoryInfo)?.[1] ?? Number.NaN),
      redisAofMiB: mib(directoryBytes(server.dataDir)),
      redisRssMiB: await redisServerRssMiB(redis),
      nodeRssMiB: readRss(),
      nodeRssPeakMiB: rssPeak,
      heapUsedMiB,
    };
  } finally {
    raw?.close();
    redis.disconnect();
    await server.cleanup();
  }
}
