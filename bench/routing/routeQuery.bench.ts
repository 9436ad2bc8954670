import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LngLat } from '../../shared/geo/position.ts';
import { loadRoadGraph } from '../../server/routing/graph/roadGraphFile.ts';
import { createRouter, type Router } from '../../server/routing/router/createRouter.ts';
import type { RouteAlgorithm } from '../../server/routing/router/routeTypes.ts';
import { seededRandom } from '../random.ts';
import { summarize, type Summary } from '../stats.ts';

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

/**
 * Route query latency on the Andorra graph: 2,000 random pairs (snapping + contraction-hierarchy query + path
 * unpacking + GeoJSON) after 200 warm-up queries. p50 and p99 in ms, throughput in routes per second.
 */
export async function benchRouteQuery(): Promise<{ p50: number; p99: number; throughput: number }> {
  const router = createRouter(loadRoadGraph(ANDORRA_ROADS));
  const { latency, throughput } = measureRoutes(router, { pairs: 2_000, warmup: 200, algorithm: 'ch', seed: 2024 });
  return Promise.resolve({ p50: latency.p50, p99: latency.p99, throughput });
}
