import type { ContractionHierarchy } from '../graph/RoadGraph.ts';
import type { SearchSpace } from './SearchSpace.ts';
import type { FoundPath, Seeds } from './Seeds.ts';

/** Appends the original edges of CH edge `id` (a shortcut or an original edge) to `out`, in driving order. */
export function unpackChEdge(ch: ContractionHierarchy, id: number, out: number[]): void {
  const stack = [id];
  while (stack.length > 0) {
    const e = stack.pop() ?? 0;
    const a = ch.edgeChildA[e] ?? 0;
    if (a < 0) out.push(-1 - a);
    else stack.push(ch.edgeChildB[e] ?? 0, a);
  }
}

function seed(space: SearchSpace, seeds: Seeds): void {
  space.reset();
  seeds.nodes.forEach((node, i) => {
    const cost = seeds.costsMs[i] ?? 0;
    if (space.improve(node, cost, -1, -1)) space.heap.push(cost, node);
  });
}

/**
 * Settles one node of an upward search: forward searches follow the out-sections (`half` 0), backward ones the
 * in-sections (`half` 1). Returns the node, or -1 when the popped entry was stale.
 */
function settleNext(ch: ContractionHierarchy, space: SearchSpace, half: 0 | 1): number {
  const u = space.heap.pop();
  const d = space.heap.lastKey;
  if (d > (space.dist[u] ?? 0)) return -1;
  const { sectionStart, sectionNode, sectionTimeMs } = ch;
  for (let s = sectionStart[2 * u + half] ?? 0, end = sectionStart[2 * u + half + 1] ?? 0; s < end; s += 1) {
    const v = sectionNode[s] ?? 0;
    const nd = d + (sectionTimeMs[s] ?? 0);
    if (space.improve(v, nd, u, s)) space.heap.push(nd, v);
  }
  return u;
}

/** The CH edges from a search's start up to `node` (forward), or from `node` down to the start (backward). */
function chainOf(ch: ContractionHierarchy, space: SearchSpace, node: number): { end: number; chEdges: number[] } {
  const chEdges: number[] = [];
  let v = node;
  while ((space.parentEdge[v] ?? -1) !== -1) {
    chEdges.push(ch.sectionEdge[space.parentEdge[v] ?? 0] ?? 0);
    v = space.parentNode[v] ?? 0;
  }
  return { end: v, chEdges };
}

/**
 * Bidirectional Dijkstra on the contraction hierarchy [RO6]: a forward search from `sources` and a backward one from
 * `targets`, each only climbing in rank, stopped when neither queue can beat the best meeting; the path is
 * unpacked into original edges. Times in ms.
 */
export function chSearch(ch: ContractionHierarchy, forward: SearchSpace, backward: SearchSpace, sources: Seeds, targets: Seeds): FoundPath | null {
  seed(forward, sources);
  seed(backward, targets);
  let best = Infinity;
  let meet = -1;
  const consider = (node: number): void => {
    if (node === -1) return;
    const total = forward.distanceOf(node) + backward.distanceOf(node);
    if (total < best) {
      best = total;
      meet = node;
    }
  };
  while (forward.heap.size > 0 || backward.heap.size > 0) {
    const fKey = forward.heap.peekKey();
    const bKey = backward.heap.peekKey();
    if (Math.min(fKey, bKey) >= best) break;
    if (fKey <= bKey) consider(settleNext(ch, forward, 0));
    else consider(settleNext(ch, backward, 1));
  }
  if (meet === -1) return null;
  const up = chainOf(ch, forward, meet);
  const down = chainOf(ch, backward, meet);
  const edges: number[] = [];
  for (const id of up.chEdges.reverse()) unpackChEdge(ch, id, edges);
  for (const id of down.chEdges) unpackChEdge(ch, id, edges);
  return { timeMs: best, source: up.end, target: down.end, edges };
}
