import { performance } from 'node:perf_hooks';
import { syntheticUnits } from './syntheticUnits.ts';
import { featureCollection, nearestPoint, point } from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { Redis } from 'ioredis';
import { UNIT_KINDS, type UnitKind } from '../shared/units/unitKinds.ts';
import type { Unit } from '../shared/units/unitSchema.ts';
import { SEARCH_RADII_METERS } from '../server/dispatch/findNearby.ts';
import { nearestAvailable } from '../server/dispatch/recommendUnits.ts';
import { redisKeys } from '../server/redis/keys.ts';
import { seedUnits } from '../server/units/seedFleet.ts';
import { processRssMiB, redisUsedMemory, startBenchRedis } from './benchRedis.ts';
import { pointInBbox, seededRandom } from './random.ts';
import { summarize, type Summary } from './stats.ts';

export interface NearestOptions {
  units: number;
  queries: number;
  wanted: number;
  warmup: number;
}

export interface NearestResult {
  options: NearestOptions;
  seedMs: number;
  ours: Summary;
  /** A bare PING on the same connection: the round-trip floor under every Redis figure. */
  ping: Summary;
  oursPerSecond: number;
  turf: Summary;
  turfPerSecond: number;
  /** Turf p50 / ours p50, and the same at p99. */
  p50Ratio: number;
  p99Ratio: number;
  /** Queries where Turf's nearest unit is also our first hit. */
  sameNearest: number;
  /** Timed queries whose 5th hit lay beyond the first search radius, so that took more than one round trip. */
  widened: number;
  redisMemory: string;
  nodeRssMiB: number;
}

type UnitFeature = Feature<Point, { id: string }>;

function collectionsByKind(units: readonly Unit[]): Map<UnitKind, FeatureCollection<Point, { id: string }>> {
  return new Map(
    UNIT_KINDS.map((kind) => [
      kind,
      featureCollection<Point, { id: string }>(units.filter((unit) => unit.kind === kind).map((unit): UnitFeature => point(unit.position, { id: unit.id }))),
    ]),
  );
}

/**
 * [Bench 1] Nearest `wanted` available units of a kind among `units` synthetic units: the server's
 * GEOSEARCH query (one at a time, each with its loopback round trip) against an in-process Turf
 * `nearestPoint` scan over the same units of that kind, for the same query points.
 */
export async function benchNearestAvailable(options: NearestOptions): Promise<NearestResult> {
  const server = await startBenchRedis();
  const redis = new Redis(server.url, { maxRetriesPerRequest: 20, enableAutoPipelining: true });
  try {
    const random = seededRandom(20_240_601);
    const keys = redisKeys('bench');
    const units = syntheticUnits(options.units, () => pointInBbox(random), Date.now());
    const seedStart = performance.now();
    const added = await seedUnits(redis, keys, units);
    const seedMs = performance.now() - seedStart;
    if (added !== units.length) throw new Error(`seeded ${added} of ${units.length} units`);
    const collections = collectionsByKind(units);
    const queries = Array.from({ length: options.warmup + options.queries }, (_, i) => ({
      kind: UNIT_KINDS[i % UNIT_KINDS.length] ?? 'als',
      at: pointInBbox(random),
    }));

    const oursFirst: (string | undefined)[] = [];
    let widened = 0;
    const oursMs: number[] = [];
    let oursStart = performance.now();
    for (const [i, query] of queries.entries()) {
      if (i === options.warmup) {
        oursMs.length = 0;
        oursStart = performance.now();
      }
      const t0 = performance.now();
      const hits = await nearestAvailable(redis, keys.availableUnits(query.kind), query.at, options.wanted);
      oursMs.push(performance.now() - t0);
      if (i >= options.warmup) {
        oursFirst.push(hits[0]?.id);
        if ((hits[options.wanted - 1]?.distanceMeters ?? 0) > (SEARCH_RADII_METERS[0] ?? 0)) widened += 1;
      }
      if (hits.length < options.wanted) throw new Error(`nearestAvailable found ${hits.length} of ${options.wanted}`);
    }
    const oursElapsed = performance.now() - oursStart;

    const pingMs: number[] = [];
    for (let i = 0; i < queries.length; i += 1) {
      const t0 = performance.now();
      await redis.ping();
      if (i >= options.warmup) pingMs.push(performance.now() - t0);
    }

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
    return {
      options,
      seedMs,
      ours,
      ping: summarize(pingMs),
      oursPerSecond: options.queries / (oursElapsed / 1000),
      turf,
      turfPerSecond: options.queries / (turfElapsed / 1000),
      p50Ratio: turf.p50 / ours.p50,
      p99Ratio: turf.p99 / ours.p99,
      widened,
      sameNearest: turfFirst.filter((id, i) => id === oursFirst[i]).length,
      redisMemory: await redisUsedMemory(redis),
      nodeRssMiB: processRssMiB(),
    };
  } finally {
    redis.disconnect();
    await server.cleanup();
  }
}
