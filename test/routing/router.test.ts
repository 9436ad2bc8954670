import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LngLat } from '../../shared/geo/position.ts';
import { distanceMeters } from '../../shared/geo/distance.ts';
import { buildRoadGraph } from '../../server/routing/graph/buildRoadGraph.ts';
import { contractGraph } from '../../server/routing/graph/contractGraph.ts';
import type { RoadGraph } from '../../server/routing/graph/RoadGraph.ts';
import { loadRoadGraph } from '../../server/routing/graph/roadGraphFile.ts';
import { createRouter, DEFAULT_MAX_SNAP_METERS, type Router } from '../../server/routing/router/createRouter.ts';
import { seededRandom } from '../support/seededRandom.ts';
import { syntheticExtract } from './syntheticExtract.ts';

const ANDORRA_ROADS = resolve(import.meta.dirname, '../../fixtures/andorra/roads.bin');

/** The test's own Dijkstra: textbook, node to node, over the original edges with its own array heap; ms. */
function referenceDijkstra(graph: RoadGraph, source: number, target: number): number {
  const dist = new Float64Array(graph.nodeCount).fill(Infinity);
  const heap: [number, number][] = [];
  const push = (entry: [number, number]): void => {
    heap.push(entry);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if ((heap[parent]?.[0] ?? 0) <= entry[0]) break;
      [heap[i], heap[parent]] = [heap[parent] ?? entry, entry];
      i = parent;
    }
  };
  const pop = (): [number, number] | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && (heap[l]?.[0] ?? 0) < (heap[m]?.[0] ?? 0)) m = l;
        if (r < heap.length && (heap[r]?.[0] ?? 0) < (heap[m]?.[0] ?? 0)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] ?? last, heap[i] ?? last];
        i = m;
      }
    }
    return top;
  };
  dist[source] = 0;
  push([0, source]);
  for (let entry = pop(); entry !== undefined; entry = pop()) {
    const [d, u] = entry;
    if (d > (dist[u] ?? Infinity)) continue;
    if (u === target) return d;
    for (let e = graph.firstEdge[u] ?? 0; e < (graph.firstEdge[u + 1] ?? 0); e += 1) {
      const v = graph.edgeTarget[e] ?? 0;
      const nd = d + (graph.edgeTimeMs[e] ?? 0);
      if (nd < (dist[v] ?? Infinity)) {
        dist[v] = nd;
        push([nd, v]);
      }
    }
  }
  return Infinity;
}

describe('router on Andorra', () => {
  let graph: RoadGraph;
  let router: Router;

  beforeAll(() => {
    graph = loadRoadGraph(ANDORRA_ROADS);
    router = createRouter(graph);
  });

  it('[RO4] loads the graph with every index checked: counts as imported, preprocessing present', () => {
    // How fast it loads is measured by npm run bench, not asserted here.
    const loaded = loadRoadGraph(ANDORRA_ROADS);
    expect(loaded.nodeCount).toBe(graph.nodeCount);
    expect(loaded.edgeCount).toBe(graph.edgeCount);
    expect(loaded.ch).not.toBeNull();
    expect(loaded.firstEdge[loaded.nodeCount]).toBe(loaded.edgeCount);
  });

  it('[RO6] contraction hierarchies give the plain Dijkstra travel time on 1,000 seeded random pairs', () => {
    const random = seededRandom(20_240_501);
    let compared = 0;
    for (let i = 0; i < 1_000; i += 1) {
      const s = Math.floor(random() * graph.nodeCount);
      const t = Math.floor(random() * graph.nodeCount);
      const expected = referenceDijkstra(graph, s, t);
      const actual = router.nodeTimeMs(s, t, 'ch');
      expect(Number.isFinite(expected), `pair ${s} → ${t} is connected`).toBe(true);
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * expected);
      compared += 1;
    }
    expect(compared).toBe(1_000);
  });

  it('[RO6] route() agrees across CH, A* and Dijkstra on random points, and the geometry adds up', () => {
    const random = seededRandom(7);
    const point = (): LngLat => {
      const v = Math.floor(random() * graph.nodeCount);
      return [(graph.lng[v] ?? 0) + (random() - 0.5) * 0.002, (graph.lat[v] ?? 0) + (random() - 0.5) * 0.002];
    };
    for (let i = 0; i < 200; i += 1) {
      const from = point();
      const to = point();
      const ch = router.route(from, to);
      const astar = router.route(from, to, { algorithm: 'astar' });
      const dijkstra = router.route(from, to, { algorithm: 'dijkstra' });
      if (!ch.ok || !astar.ok || !dijkstra.ok) throw new Error(`pair ${i} did not route`);
      expect(Math.abs(ch.etaSeconds - dijkstra.etaSeconds)).toBeLessThanOrEqual(1e-6 * dijkstra.etaSeconds + 1e-9);
      expect(Math.abs(astar.etaSeconds - dijkstra.etaSeconds)).toBeLessThanOrEqual(1e-6 * dijkstra.etaSeconds + 1e-9);
      const coords = ch.geometry.coordinates;
      expect(coords[0]).toEqual(ch.snappedFrom);
      expect(coords[coords.length - 1]).toEqual(ch.snappedTo);
      let length = 0;
      for (let k = 1; k < coords.length; k += 1) length += distanceMeters(coords[k - 1] as LngLat, coords[k] as LngLat);
      expect(Math.abs(length - ch.distanceMeters)).toBeLessThan(0.01 * ch.distanceMeters + 1);
    }
  });

  it('[RO7] snaps a point beside a road onto the nearest segment', () => {
    const v = 1234;
    const node: LngLat = [graph.lng[v] ?? 0, graph.lat[v] ?? 0];
    const beside: LngLat = [node[0] + 0.0002, node[1] + 0.0001];
    const snap = router.snap(beside);
    if (snap === null) throw new Error('should snap');
    expect(snap.distanceMeters).toBeLessThanOrEqual(distanceMeters(beside, node) + 0.01);
    expect(Math.abs(distanceMeters(beside, snap.position) - snap.distanceMeters)).toBeLessThan(0.05);
    // No segment is nearer than the snapped one: check against every node-to-point distance as a bound.
    let nearestNode = Infinity;
    for (let u = 0; u < graph.nodeCount; u += 1) nearestNode = Math.min(nearestNode, distanceMeters(beside, [graph.lng[u] ?? 0, graph.lat[u] ?? 0]));
    expect(snap.distanceMeters).toBeLessThanOrEqual(nearestNode + 0.01);
  });

  it('[RO8] answers a coded no-route for points off the network', () => {
    const sea: LngLat = [1.2, 42.2];
    const inTown: LngLat = [graph.lng[0] ?? 0, graph.lat[0] ?? 0];
    expect(router.route(sea, inTown)).toMatchObject({ ok: false, code: 'from_off_network' });
    expect(router.route(inTown, sea)).toMatchObject({ ok: false, code: 'to_off_network' });
    expect(router.snap(sea)).toBeNull();
    expect(DEFAULT_MAX_SNAP_METERS).toBe(500);
  });

  it('[RO6] etasFrom ranks candidates with the same times as route()', () => {
    const random = seededRandom(99);
    const at = (): LngLat => {
      const v = Math.floor(random() * graph.nodeCount);
      return [graph.lng[v] ?? 0, graph.lat[v] ?? 0];
    };
    const incident = at();
    const candidates = Array.from({ length: 20 }, at);
    const etas = router.etasFrom([...candidates, [1.2, 42.2]], incident);
    candidates.forEach((c, i) => {
      const route = router.route(c, incident);
      expect(etas[i]).toEqual(route.ok ? { ok: true, etaSeconds: route.etaSeconds, distanceMeters: route.distanceMeters } : route);
    });
    expect(etas[20]).toMatchObject({ ok: false, code: 'from_off_network' });
  });
});

describe('router on small hand-made graphs', () => {
  // Two islands 1 km apart: a two-way street 0–1–2, and a one-way loop 10 → 11 → 12 → 10.
  const extract = syntheticExtract(
    { 1: [0, 0], 2: [0.001, 0], 3: [0.002, 0], 10: [0.01, 0], 11: [0.011, 0], 12: [0.011, 0.001] },
    [
      { id: 100, tags: { highway: 'residential' }, refs: [1, 2, 3] },
      { id: 200, tags: { highway: 'residential', oneway: 'yes' }, refs: [10, 11, 12, 10] },
    ],
  );
  const { graph } = buildRoadGraph(extract, { keepLargestComponent: false });
  graph.ch = contractGraph(graph);
  const router = createRouter(graph);

  it('[RO8] answers no_route between disconnected parts', () => {
    expect(router.route([0.0005, 0], [0.0105, 0])).toMatchObject({ ok: false, code: 'no_route' });
    for (const algorithm of ['astar', 'dijkstra'] as const) expect(router.route([0.0005, 0], [0.0105, 0], { algorithm })).toMatchObject({ ok: false, code: 'no_route' });
  });

  it('[RO2] a one-way loop routes the right way round: with the flow is short, against it goes round', () => {
    const a: LngLat = [0.0102, 0];
    const b: LngLat = [0.0108, 0];
    const along = router.route(a, b);
    const against = router.route(b, a);
    if (!along.ok || !against.ok) throw new Error('both should route');
    expect(along.geometry.coordinates).toEqual([a, b]);
    expect(along.distanceMeters).toBeCloseTo(distanceMeters(a, b), 1);
    expect(against.distanceMeters).toBeGreaterThan(3 * along.distanceMeters);
    expect(against.etaSeconds).toBeGreaterThan(3 * along.etaSeconds);
  });

  it('[RO2] keeping the largest strongly connected part drops the smaller island', () => {
    const pruned = buildRoadGraph(extract).graph;
    expect(pruned.nodeCount).toBe(3);
    expect(pruned.edgeCount).toBe(4);
    expect(graph.nodeCount).toBe(6);
    expect(graph.edgeCount).toBe(7);
  });
});
