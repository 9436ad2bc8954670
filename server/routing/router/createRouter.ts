import type { LngLat } from '../../../shared/geo/position.ts';
import { findEdge, type RoadGraph } from '../graph/RoadGraph.ts';
import { MAX_EMERGENCY_KMH } from '../osm/roadSpeeds.ts';
import { aStarHeuristic } from './aStarHeuristic.ts';
import { chSearch } from './chSearch.ts';
import { dijkstraSearch } from './dijkstraSearch.ts';
import type { EtaResult, NoRoute, RouteAlgorithm, RouteResult } from './routeTypes.ts';
import { SearchSpace } from './SearchSpace.ts';
import { createSegmentIndex, type Snap } from './segmentIndex.ts';
import { nodeSeeds, type FoundPath, type Seeds } from './Seeds.ts';

/** How far a point may lie from the nearest road and still be routed, metres. */
export const DEFAULT_MAX_SNAP_METERS = 500;

export type RouterOptions = { maxSnapMeters?: number };

export type Router = {
  readonly graph: RoadGraph;
  /** The fastest drive from `from` to `to` (each snapped to the nearest road segment) [RO6][RO7]. */
  route(from: LngLat, to: LngLat, options?: { algorithm?: RouteAlgorithm }): RouteResult;
  /** Drive times from each of `many` to `to`, in the same order: one snap of `to`, one CH query per candidate. */
  etasFrom(many: readonly LngLat[], to: LngLat): EtaResult[];
  /** The nearest road point within the snapping limit, or null. */
  snap(p: LngLat): Snap | null;
  /** Fastest time between two graph nodes, ms (Infinity when unreachable). */
  nodeTimeMs(from: number, to: number, algorithm?: RouteAlgorithm): number;
};

/** Fractions this close to a segment end count as standing on that node. */
const AT_NODE = 1e-9;

/** Where a search may start from a snapped point: ahead along a→b, or back along b→a, as the one-way rules allow. */
function sourceSeeds(graph: RoadGraph, snap: Snap): Seeds {
  const seeds: Seeds = { nodes: [], costsMs: [] };
  const add = (node: number, cost: number): void => {
    seeds.nodes.push(node);
    seeds.costsMs.push(cost);
  };
  const ab = findEdge(graph, snap.a, snap.b);
  const ba = findEdge(graph, snap.b, snap.a);
  if (ab !== -1) add(snap.b, (1 - snap.fraction) * (graph.edgeTimeMs[ab] ?? 0));
  if (ba !== -1) add(snap.a, snap.fraction * (graph.edgeTimeMs[ba] ?? 0));
  if (snap.fraction <= AT_NODE) add(snap.a, 0);
  if (snap.fraction >= 1 - AT_NODE) add(snap.b, 0);
  return seeds;
}

/** Where a search may end to reach a snapped point: coming along a→b from a, or along b→a from b. */
function targetSeeds(graph: RoadGraph, snap: Snap): Seeds {
  const seeds: Seeds = { nodes: [], costsMs: [] };
  const add = (node: number, cost: number): void => {
    seeds.nodes.push(node);
    seeds.costsMs.push(cost);
  };
  const ab = findEdge(graph, snap.a, snap.b);
  const ba = findEdge(graph, snap.b, snap.a);
  if (ab !== -1) add(snap.a, snap.fraction * (graph.edgeTimeMs[ab] ?? 0));
  if (ba !== -1) add(snap.b, (1 - snap.fraction) * (graph.edgeTimeMs[ba] ?? 0));
  if (snap.fraction <= AT_NODE) add(snap.a, 0);
  if (snap.fraction >= 1 - AT_NODE) add(snap.b, 0);
  return seeds;
}

/** Both points on one segment: the direct drive along it if its direction allows (time ms, metres), else null. */
function sameSegment(graph: RoadGraph, from: Snap, to: Snap): { timeMs: number; meters: number } | null {
  if (from.segment !== to.segment) return null;
  const forward = to.fraction >= from.fraction;
  const edge = forward ? findEdge(graph, from.a, from.b) : findEdge(graph, from.b, from.a);
  if (edge === -1) return null;
  const share = Math.abs(to.fraction - from.fraction);
  return { timeMs: share * (graph.edgeTimeMs[edge] ?? 0), meters: share * (graph.edgeMeters[edge] ?? 0) };
}

/** Metres of segment a–b driven between a snapped point and `node` (one of its ends). */
function partialMeters(graph: RoadGraph, snap: Snap, node: number): number {
  const edge = findEdge(graph, snap.a, snap.b) !== -1 ? findEdge(graph, snap.a, snap.b) : findEdge(graph, snap.b, snap.a);
  const length = edge === -1 ? 0 : (graph.edgeMeters[edge] ?? 0);
  if (node === snap.a) return snap.fraction * length;
  return (1 - snap.fraction) * length;
}

function noRoute(code: NoRoute['code'], message: string): NoRoute {
  return { ok: false, code, message };
}

/**
 * A router over a loaded road graph: snapping through a grid index of segments, then a contraction-hierarchy
 * query (or A* / Dijkstra on request). Not safe for concurrent use from several threads (it reuses search state).
 */
export function createRouter(graph: RoadGraph, options: RouterOptions = {}): Router {
  const maxSnapMeters = options.maxSnapMeters ?? DEFAULT_MAX_SNAP_METERS;
  const index = createSegmentIndex(graph);
  const forward = new SearchSpace(graph.nodeCount);
  const backward = new SearchSpace(graph.nodeCount);
  let maxKmh = 0;
  for (let e = 0; e < graph.edgeCount; e += 1) {
    const ms = graph.edgeTimeMs[e] ?? 0;
    if (ms > 0) maxKmh = Math.max(maxKmh, ((graph.edgeMeters[e] ?? 0) * 3600) / ms);
  }
  maxKmh = Math.max(maxKmh, 1) * 1.0001;

  function search(sources: Seeds, targets: Seeds, algorithm: RouteAlgorithm, goal: LngLat | null): FoundPath | null {
    if (algorithm === 'ch') {
      if (graph.ch === null) throw new Error('this road graph has no contraction hierarchy: use algorithm "astar" or "dijkstra"');
      return chSearch(graph.ch, forward, backward, sources, targets);
    }
    const heuristic = algorithm === 'astar' && goal !== null ? aStarHeuristic(graph, goal, Math.min(maxKmh, MAX_EMERGENCY_KMH * 1.0001)) : undefined;
    return dijkstraSearch(graph, forward, sources, targets, heuristic);
  }

  function snap(p: LngLat): Snap | null {
    return index.nearest(p, maxSnapMeters);
  }

  /** The route between two snapped points. */
  function routeSnapped(a: Snap, b: Snap, algorithm: RouteAlgorithm): RouteResult {
    const offRoadMeters = { from: a.distanceMeters, to: b.distanceMeters };
    const direct = sameSegment(graph, a, b);
    const found = search(sourceSeeds(graph, a), targetSeeds(graph, b), algorithm, b.position);
    if (direct !== null && (found === null || direct.timeMs <= found.timeMs)) {
      const geometry = { type: 'LineString' as const, coordinates: [a.position, b.position] };
      return { ok: true, etaSeconds: direct.timeMs / 1000, distanceMeters: direct.meters, geometry, snappedFrom: a.position, snappedTo: b.position, offRoadMeters };
    }
    if (found === null) return noRoute('no_route', 'no road connects the two points');
    const coordinates: LngLat[] = [a.position, [graph.lng[found.source] ?? 0, graph.lat[found.source] ?? 0]];
    let meters = partialMeters(graph, a, found.source) + partialMeters(graph, b, found.target);
    for (const e of found.edges) {
      meters += graph.edgeMeters[e] ?? 0;
      const v = graph.edgeTarget[e] ?? 0;
      coordinates.push([graph.lng[v] ?? 0, graph.lat[v] ?? 0]);
    }
    coordinates.push(b.position);
    const deduped = coordinates.filter((c, i) => i === 0 || c[0] !== coordinates[i - 1]?.[0] || c[1] !== coordinates[i - 1]?.[1]);
    if (deduped.length === 1) deduped.push(deduped[0] ?? b.position);
    return {
      ok: true,
      etaSeconds: found.timeMs / 1000,
      distanceMeters: meters,
      geometry: { type: 'LineString', coordinates: deduped },
      snappedFrom: a.position,
      snappedTo: b.position,
      offRoadMeters,
    };
  }

  return {
    graph,
    snap,
    nodeTimeMs(from, to, algorithm = 'ch') {
      const goal: LngLat = [graph.lng[to] ?? 0, graph.lat[to] ?? 0];
      return search(nodeSeeds(from), nodeSeeds(to), algorithm, goal)?.timeMs ?? Infinity;
    },
    route(from, to, routeOptions = {}) {
      const a = snap(from);
      if (a === null) return noRoute('from_off_network', `the start is more than ${maxSnapMeters} m from any road`);
      const b = snap(to);
      if (b === null) return noRoute('to_off_network', `the destination is more than ${maxSnapMeters} m from any road`);
      return routeSnapped(a, b, routeOptions.algorithm ?? 'ch');
    },
    etasFrom(many, to) {
      const b = snap(to);
      return many.map((from): EtaResult => {
        const a = snap(from);
        if (a === null) return noRoute('from_off_network', `the start is more than ${maxSnapMeters} m from any road`);
        if (b === null) return noRoute('to_off_network', `the destination is more than ${maxSnapMeters} m from any road`);
        const result = routeSnapped(a, b, 'ch');
        return result.ok ? { ok: true, etaSeconds: result.etaSeconds, distanceMeters: result.distanceMeters } : result;
      });
    },
  };
}
