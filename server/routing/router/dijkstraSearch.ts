import type { RoadGraph } from '../graph/RoadGraph.ts';
import type { SearchSpace } from './SearchSpace.ts';
import { seedCost, type FoundPath, type Seeds } from './Seeds.ts';

/** Original edges from the search's start to `target`, following parent edges back. */
export function pathTo(space: SearchSpace, target: number): { source: number; edges: number[] } {
  const edges: number[] = [];
  let node = target;
  while ((space.parentEdge[node] ?? -1) !== -1) {
    edges.push(space.parentEdge[node] ?? 0);
    node = space.parentNode[node] ?? 0;
  }
  return { source: node, edges: edges.reverse() };
}

/**
 * Plain Dijkstra over the original edges from `sources` until no target can improve [RO6]. Travel times in ms.
 * With `heuristic` (ms, admissible: never above the true remaining time) it is A*; without, the reference search.
 */
export function dijkstraSearch(graph: RoadGraph, space: SearchSpace, sources: Seeds, targets: Seeds, heuristic?: (node: number) => number): FoundPath | null {
  const { firstEdge, edgeTarget, edgeTimeMs } = graph;
  const heap = space.heap;
  space.reset();
  sources.nodes.forEach((node, i) => {
    const cost = sources.costsMs[i] ?? 0;
    if (space.improve(node, cost, -1, -1)) heap.push(cost + (heuristic?.(node) ?? 0), node);
  });
  let best = Infinity;
  let bestTarget = -1;
  while (heap.size > 0) {
    const u = heap.pop();
    const key = heap.lastKey;
    if (key >= best) break;
    const d = space.dist[u] ?? 0;
    if (heuristic === undefined ? key > d : key > d + heuristic(u) + 1e-6) continue;
    const toTarget = d + seedCost(targets, u);
    if (toTarget < best) {
      best = toTarget;
      bestTarget = u;
    }
    for (let e = firstEdge[u] ?? 0, end = firstEdge[u + 1] ?? 0; e < end; e += 1) {
      const v = edgeTarget[e] ?? 0;
      const nd = d + (edgeTimeMs[e] ?? 0);
      if (space.improve(v, nd, u, e)) heap.push(nd + (heuristic?.(v) ?? 0), v);
    }
  }
  if (bestTarget === -1) return null;
  const { source, edges } = pathTo(space, bestTarget);
  return { timeMs: best, source, target: bestTarget, edges };
}
