import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LngLat } from '../../shared/geo/position.ts';
import { loadRoadGraph } from '../../server/routing/graph/roadGraphFile.ts';
import { createRouter, type Router } from '../../server/routing/router/createRouter.ts';
import type { RouteAlgorithm } from '../../server/routing/router/routeTypes.ts';
import { seededRandom } from '../random.ts';
import { summarize, type Summary } from '../stats.ts';
import { ensurePgRouting, startPgCluster, type PgCluster } from './pgCluster.ts';
import { loadEdges, timePgrDijkstra } from './pgRouting.ts';

/** The generated Andorra road graph (scripts/importCity.ts). */
export const ANDORRA_ROADS = resolve(import.meta.dirname, '../../fixtures/andorra/roads.bin');

export type RouteQueryOptions = { pairs: number; warmup: number; algorithm: RouteAlgorithm; seed: number };

/** `count` query pairs: two random graph nodes each, nudged up to ~50 m off so every query snaps. */
export function randomPairs(router: Router, count: number, seed: number): [LngLat, LngLat][] {
  const random = seededRandom(seed);
  const { graph } = router;
  const point = (): LngLat => {
    const v = Math.floor(random() * graph.nodeCount);
    return [(graph.lng[v] ?? 0) + (random() - 0.5) * 0.001, (graph.lat[v] ?? 0) + (random() - 0.5) * 0.001];
  };
  return Array.from({ length: count }, () => [point(), point()]);
}

/** Latency samples (ms) of `route()` over random pairs after a warm-up. */
export function measureRoutes(router: Router, options: RouteQueryOptions): { latency: Summary; throughput: number; routed: number } {
  for (const [from, to] of randomPairs(router, options.warmup, options.seed + 1)) router.route(from, to, { algorithm: options.algorithm });
  const pairs = randomPairs(router, options.pairs, options.seed);
  const samples: number[] = [];
  let routed = 0;
  const start = performance.now();
  for (const [from, to] of pairs) {
    const t0 = performance.now();
    const result = router.route(from, to, { algorithm: options.algorithm });
    samples.push(performance.now() - t0);
    if (result.ok) routed += 1;
  }
  const elapsed = performance.now() - start;
  return { latency: summarize(samples), throughput: (pairs.length / elapsed) * 1000, routed };
}

export interface RouteBenchOptions {
  /** Timed route() queries, after `warmup` others. */
  pairs: number;
  warmup: number;
  /** Of those pairs, how many (after `pgWarmup` more) go to pgr_dijkstra as node pairs. */
  pgPairs: number;
  pgWarmup: number;
  /** Times the graph is loaded and a router built. */
  loadRuns: number;
  seed: number;
}

/** A pair whose travel times disagree (seconds; null = no path). */
export type Mismatch = { from: number; to: number; ours: number | null; pgRouting: number | null };

export type PgComparison =
  | {
      status: 'measured';
      postgres: string;
      pgrouting: string;
      /** COPY of the edges into the table, ms. */
      loadMs: number;
      latency: Summary;
      throughput: number;
      /** Our CH query between the same graph nodes (`nodeTimeMs`), the like-for-like work. */
      oursNodeQuery: Summary;
      oursNodeThroughput: number;
      compared: number;
      mismatches: Mismatch[];
      /** Our route() p50 and p99 against pgRouting's (pgRouting / ours). */
      p50Ratio: number;
      p99Ratio: number;
      /** Our node query against pgRouting, p50 / p50. */
      nodeP50Ratio: number;
    }
  | { status: 'skipped'; reason: string };

export interface RouteBenchResult {
  options: RouteBenchOptions;
  graph: { nodes: number; edges: number; chEdges: number; fileMiB: number };
  /** loadRoadGraph + createRouter, ms per run. */
  load: { runs: number[]; best: number; median: number; bestRead: number; bestRouter: number };
  route: Summary;
  throughput: number;
  routed: number;
  pg: PgComparison;
}

const RELATIVE_TOLERANCE = 1e-6;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

function measureLoad(runs: number): { router: Router; load: RouteBenchResult['load'] } {
  const total: number[] = [];
  const read: number[] = [];
  const build: number[] = [];
  let router: Router | null = null;
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    const graph = loadRoadGraph(ANDORRA_ROADS);
    const t1 = performance.now();
    router = createRouter(graph);
    const t2 = performance.now();
    read.push(t1 - t0);
    build.push(t2 - t1);
    total.push(t2 - t0);
  }
  if (router === null) throw new Error('loadRuns must be at least 1');
  return { router, load: { runs: total, best: Math.min(...total), median: median(total), bestRead: Math.min(...read), bestRouter: Math.min(...build) } };
}

/** The graph node nearest each end of each pair (the nearer end of the segment the point snaps to). */
function snappedNodePairs(router: Router, pairs: readonly [LngLat, LngLat][]): [number, number][] {
  const node = (p: LngLat): number => {
    const snap = router.snap(p);
    if (snap === null) throw new Error(`a benchmark point does not snap: ${p.join(',')}`);
    return snap.fraction < 0.5 ? snap.a : snap.b;
  };
  return pairs.map(([from, to]) => [node(from), node(to)]);
}

async function pgComparison(router: Router, nodePairs: readonly [number, number][], options: RouteBenchOptions, ours: Summary): Promise<PgComparison> {
  if (process.env.BENCH_SKIP_PGROUTING === '1') return { status: 'skipped', reason: 'BENCH_SKIP_PGROUTING=1 was set' };
  const missing = ensurePgRouting();
  if (missing !== null) return { status: 'skipped', reason: `pgRouting is not available (${missing})` };
  let cluster: PgCluster;
  try {
    cluster = await startPgCluster();
  } catch (error) {
    return { status: 'skipped', reason: `the benchmark's PostgreSQL cluster could not be started (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  try {
    const loadMs = loadEdges(cluster, router.graph);
    const { answers, elapsedMs } = timePgrDijkstra(cluster, nodePairs, options.pgWarmup);
    const timed = nodePairs.slice(options.pgWarmup);
    // Our CH query between the same nodes: warm-up on the warm-up pairs, then timed.
    for (const [s, t] of nodePairs.slice(0, options.pgWarmup)) router.nodeTimeMs(s, t);
    const nodeSamples: number[] = [];
    const oursSeconds: (number | null)[] = [];
    const start = performance.now();
    for (const [s, t] of timed) {
      const t0 = performance.now();
      const ms = router.nodeTimeMs(s, t);
      nodeSamples.push(performance.now() - t0);
      oursSeconds.push(Number.isFinite(ms) ? ms / 1000 : null);
    }
    const nodeElapsed = performance.now() - start;
    const mismatches: Mismatch[] = [];
    timed.forEach(([from, to], i) => {
      const a = oursSeconds[i] ?? null;
      const b = answers[i]?.seconds ?? null;
      const agree = a === null || b === null ? a === b : Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), 1e-9);
      if (!agree) mismatches.push({ from, to, ours: a, pgRouting: b });
    });
    const latency = summarize(answers.map((answer) => answer.ms));
    const oursNodeQuery = summarize(nodeSamples);
    return {
      status: 'measured',
      postgres: cluster.postgresVersion,
      pgrouting: cluster.pgroutingVersion,
      loadMs,
      latency,
      throughput: (answers.length / elapsedMs) * 1000,
      oursNodeQuery,
      oursNodeThroughput: (timed.length / nodeElapsed) * 1000,
      compared: timed.length,
      mismatches,
      p50Ratio: latency.p50 / ours.p50,
      p99Ratio: latency.p99 / ours.p99,
      nodeP50Ratio: latency.p50 / oursNodeQuery.p50,
    };
  } finally {
    cluster.stop();
  }
}

/**
 * [Bench 3] Route queries on the Andorra graph: graph load time, then `pairs` seeded random pairs through
 * `route()` (snapping + contraction-hierarchy query + path unpacking + GeoJSON) after a warm-up, and beside it
 * pgRouting's `pgr_dijkstra` on the same graph in the benchmark's own PostgreSQL cluster for a subset of the
 * same pairs (as graph nodes), checking that both give the same travel time.
 */
export async function benchRouteQuery(options: RouteBenchOptions): Promise<RouteBenchResult> {
  const { router, load } = measureLoad(options.loadRuns);
  const { graph } = router;
  const { latency, throughput, routed } = measureRoutes(router, { pairs: options.pairs, warmup: options.warmup, algorithm: 'ch', seed: options.seed });
  // A subset of the same pairs (measureRoutes draws them from the same seed), as the graph nodes they snap to.
  const pgPairs = randomPairs(router, options.pairs, options.seed).slice(0, options.pgWarmup + options.pgPairs);
  const pg = await pgComparison(router, snappedNodePairs(router, pgPairs), options, latency);
  return {
    options,
    graph: { nodes: graph.nodeCount, edges: graph.edgeCount, chEdges: graph.ch?.edgeChildA.length ?? 0, fileMiB: Math.round((statSync(ANDORRA_ROADS).size / 1_048_576) * 100) / 100 },
    load,
    route: latency,
    throughput,
    routed,
    pg,
  };
}
