import { distanceMeters } from '../../../shared/geo/distance.ts';
import type { OsmExtract } from '../osm/readOsmExtract.ts';
import { roadRuleOf } from '../osm/roadRuleOf.ts';
import type { RoadGraph } from './RoadGraph.ts';
import { stronglyConnected } from './stronglyConnected.ts';

/** Milliseconds to drive `meters` at `kmh`, rounded up to a whole millisecond (so A*'s bound stays below it). */
export function travelTimeMs(meters: number, kmh: number): number {
  return Math.ceil((meters * 3600) / kmh);
}

export type BuildOptions = {
  /**
   * Keep only the largest strongly connected part (default true), so every snapped point can reach every other:
   * islands are mostly extract-edge stubs and car parks whose only way in is mistagged.
   */
  keepLargestComponent?: boolean;
};

export type BuildStats = { routableWays: number; nodesBeforePruning: number; edgesBeforePruning: number };

type RawEdges = { from: number[]; to: number[]; timeMs: number[]; meters: number[] };

function collectEdges(extract: OsmExtract): { edges: RawEdges; routableWays: number } {
  const edges: RawEdges = { from: [], to: [], timeMs: [], meters: [] };
  let routableWays = 0;
  for (const way of extract.ways) {
    const rule = roadRuleOf(way.tags);
    if (rule === null) continue;
    routableWays += 1;
    for (let i = 1; i < way.refs.length; i += 1) {
      const a = extract.nodeIndex.get(way.refs[i - 1] ?? -1);
      const b = extract.nodeIndex.get(way.refs[i] ?? -1);
      if (a === undefined || b === undefined || a === b) continue;
      const meters = distanceMeters([extract.lng[a] ?? 0, extract.lat[a] ?? 0], [extract.lng[b] ?? 0, extract.lat[b] ?? 0]);
      const push = (from: number, to: number, kmh: number): void => {
        edges.from.push(from);
        edges.to.push(to);
        edges.timeMs.push(travelTimeMs(meters, kmh));
        edges.meters.push(meters);
      };
      if (rule.forwardKmh > 0) push(a, b, rule.forwardKmh);
      if (rule.backwardKmh > 0) push(b, a, rule.backwardKmh);
    }
  }
  return { edges, routableWays };
}

/** CSR rows of `edges` over `nodeCount` nodes, keeping the fastest of parallel edges; `keep[e]` false drops edge `e`. */
function toCsr(nodeCount: number, edges: RawEdges, nodeOf: (raw: number) => number, keep: (e: number) => boolean) {
  const order = [...edges.from.keys()].filter(keep);
  order.sort((x, y) => nodeOf(edges.from[x] ?? 0) - nodeOf(edges.from[y] ?? 0) || nodeOf(edges.to[x] ?? 0) - nodeOf(edges.to[y] ?? 0) || (edges.timeMs[x] ?? 0) - (edges.timeMs[y] ?? 0));
  const kept: number[] = [];
  for (const e of order) {
    const last = kept[kept.length - 1];
    if (last !== undefined && edges.from[last] === edges.from[e] && edges.to[last] === edges.to[e]) continue;
    kept.push(e);
  }
  const firstEdge = new Uint32Array(nodeCount + 1);
  const edgeTarget = new Uint32Array(kept.length);
  const edgeTimeMs = new Uint32Array(kept.length);
  const edgeMeters = new Float32Array(kept.length);
  kept.forEach((e, i) => {
    const from = nodeOf(edges.from[e] ?? 0);
    firstEdge[from + 1] = (firstEdge[from + 1] ?? 0) + 1;
    edgeTarget[i] = nodeOf(edges.to[e] ?? 0);
    edgeTimeMs[i] = edges.timeMs[e] ?? 0;
    edgeMeters[i] = edges.meters[e] ?? 0;
  });
  for (let v = 0; v < nodeCount; v += 1) firstEdge[v + 1] = (firstEdge[v + 1] ?? 0) + (firstEdge[v] ?? 0);
  return { firstEdge, edgeTarget, edgeTimeMs, edgeMeters };
}

/** Number nodes in Z-order of their position, so that nearby nodes sit nearby in memory (faster searches). */
function spatialOrder(indices: number[], extract: OsmExtract): number[] {
  const key = (i: number): number => {
    const x = Math.floor((((extract.lng[i] ?? 0) + 180) / 360) * 65535);
    const y = Math.floor((((extract.lat[i] ?? 0) + 90) / 180) * 65535);
    let z = 0;
    for (let bit = 15; bit >= 0; bit -= 1) z = z * 4 + ((y >> bit) & 1) * 2 + ((x >> bit) & 1);
    return z;
  };
  const keys = new Map(indices.map((i) => [i, key(i)]));
  return [...indices].sort((a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0) || a - b);
}

/**
 * Builds the directed road graph of an extract [RO1][RO2]: one edge per straight segment of a drivable way and
 * allowed direction, with emergency-profile travel time (ms) and length (m); nodes are those the kept edges use.
 * The contraction hierarchy is left null (see contractGraph).
 */
export function buildRoadGraph(extract: OsmExtract, options: BuildOptions = {}): { graph: RoadGraph; stats: BuildStats } {
  const { edges, routableWays } = collectEdges(extract);
  const used = [...new Set([...edges.from, ...edges.to])];
  let compact = new Map(used.map((raw, i) => [raw, i]));
  const nodeOfAll = (raw: number): number => compact.get(raw) ?? 0;
  const all = toCsr(used.length, edges, nodeOfAll, () => true);
  let kept = used;
  if (options.keepLargestComponent ?? true) {
    const component = stronglyConnected(used.length, all.firstEdge, all.edgeTarget);
    const sizes = new Map<number, number>();
    for (const c of component) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    let largest = -1;
    let largestSize = 0;
    for (const [c, size] of sizes) if (size > largestSize) [largest, largestSize] = [c, size];
    kept = used.filter((_, i) => component[i] === largest);
  }
  kept = spatialOrder(kept, extract);
  compact = new Map(kept.map((raw, i) => [raw, i]));
  const csr = toCsr(kept.length, edges, (raw) => compact.get(raw) ?? 0, (e) => compact.has(edges.from[e] ?? -1) && compact.has(edges.to[e] ?? -1));
  const graph: RoadGraph = {
    nodeCount: kept.length,
    edgeCount: csr.edgeTarget.length,
    lng: Float64Array.from(kept, (raw) => extract.lng[raw] ?? 0),
    lat: Float64Array.from(kept, (raw) => extract.lat[raw] ?? 0),
    osmNodeId: new Float64Array(kept.length),
    ...csr,
    ch: null,
  };
  const osmIdOfIndex = new Map<number, number>();
  for (const [id, index] of extract.nodeIndex) if (compact.has(index)) osmIdOfIndex.set(index, id);
  kept.forEach((raw, i) => (graph.osmNodeId[i] = osmIdOfIndex.get(raw) ?? 0));
  return { graph, stats: { routableWays, nodesBeforePruning: used.length, edgesBeforePruning: all.edgeTarget.length } };
}
