import { MinHeap } from '../router/MinHeap.ts';
import type { ContractionHierarchy, RoadGraph } from './RoadGraph.ts';

/** Witness searches stop after settling this many nodes (then a shortcut is added to be safe). */
const WITNESS_SETTLE_LIMIT = 500;
/** A lower limit while only estimating a node's priority. */
const ESTIMATE_SETTLE_LIMIT = 100;

/** Adjacency of the shrinking graph: per node, parallel lists of neighbour, weight (ms) and CH edge id. */
type Lists = { node: number[][]; weight: number[][]; id: number[][] };

function emptyLists(n: number): Lists {
  return { node: Array.from({ length: n }, () => []), weight: Array.from({ length: n }, () => []), id: Array.from({ length: n }, () => []) };
}

function removeEntry(lists: Lists, owner: number, neighbour: number): void {
  const nodes = lists.node[owner] ?? [];
  const i = nodes.indexOf(neighbour);
  if (i === -1) return;
  const last = nodes.length - 1;
  for (const list of [lists.node, lists.weight, lists.id]) {
    const row = list[owner] ?? [];
    row[i] = row[last] ?? 0;
    row.pop();
  }
}

/**
 * Preprocesses `graph` into a contraction hierarchy [RO3]: nodes are contracted in order of a lazily updated
 * priority (edge difference + contracted neighbours + depth); a shortcut `u → x` replaces `u → v → x` unless a
 * bounded witness search finds a path no slower without `v`. Query time stays exact whatever the order.
 */
export function contractGraph(graph: RoadGraph): ContractionHierarchy {
  const n = graph.nodeCount;
  const outs = emptyLists(n);
  const ins = emptyLists(n);
  const childA: number[] = [];
  const childB: number[] = [];
  for (let u = 0; u < n; u += 1) {
    for (let e = graph.firstEdge[u] ?? 0; e < (graph.firstEdge[u + 1] ?? 0); e += 1) {
      const v = graph.edgeTarget[e] ?? 0;
      const w = graph.edgeTimeMs[e] ?? 0;
      outs.node[u]?.push(v);
      outs.weight[u]?.push(w);
      outs.id[u]?.push(e);
      ins.node[v]?.push(u);
      ins.weight[v]?.push(w);
      ins.id[v]?.push(e);
      childA.push(-1 - e);
      childB.push(-1);
    }
  }

  const contracted = new Uint8Array(n);
  const deletedNeighbours = new Uint32Array(n);
  const depth = new Uint32Array(n);
  const dist = new Float64Array(n);
  const stamp = new Uint32Array(n);
  let generation = 0;
  const heap = new MinHeap();

  /** Dijkstra from `source` avoiding `skip`, up to `limit` ms or `settleLimit` settled nodes; fills `dist`. */
  function witnessSearch(source: number, skip: number, limit: number, settleLimit: number): void {
    generation += 1;
    heap.clear();
    dist[source] = 0;
    stamp[source] = generation;
    heap.push(0, source);
    let settled = 0;
    while (heap.size > 0) {
      const u = heap.pop();
      const d = heap.lastKey;
      if (d > (dist[u] ?? Infinity)) continue;
      if (d > limit || ++settled > settleLimit) break;
      const nodes = outs.node[u] ?? [];
      const weights = outs.weight[u] ?? [];
      for (let i = 0; i < nodes.length; i += 1) {
        const x = nodes[i] ?? 0;
        if (x === skip) continue;
        const nd = d + (weights[i] ?? 0);
        if (stamp[x] !== generation || nd < (dist[x] ?? Infinity)) {
          stamp[x] = generation;
          dist[x] = nd;
          heap.push(nd, x);
        }
      }
    }
  }

  /** The shortcuts contracting `v` needs; added to the graph when `apply`. Returns how many. */
  function shortcutsFor(v: number, apply: boolean): number {
    const inNodes = [...(ins.node[v] ?? [])];
    const inWeights = [...(ins.weight[v] ?? [])];
    const inIds = [...(ins.id[v] ?? [])];
    const outNodes = [...(outs.node[v] ?? [])];
    const outWeights = [...(outs.weight[v] ?? [])];
    const outIds = [...(outs.id[v] ?? [])];
    const maxOut = Math.max(0, ...outWeights);
    let count = 0;
    for (let i = 0; i < inNodes.length; i += 1) {
      const u = inNodes[i] ?? 0;
      const wu = inWeights[i] ?? 0;
      witnessSearch(u, v, wu + maxOut, apply ? WITNESS_SETTLE_LIMIT : ESTIMATE_SETTLE_LIMIT);
      for (let j = 0; j < outNodes.length; j += 1) {
        const x = outNodes[j] ?? 0;
        if (x === u) continue;
        const via = wu + (outWeights[j] ?? 0);
        if (stamp[x] === generation && (dist[x] ?? Infinity) <= via) continue;
        count += 1;
        if (apply) addShortcut(u, x, via, inIds[i] ?? 0, outIds[j] ?? 0);
      }
    }
    return count;
  }

  function addShortcut(u: number, x: number, weight: number, first: number, second: number): void {
    const id = childA.length;
    childA.push(first);
    childB.push(second);
    const k = (outs.node[u] ?? []).indexOf(x);
    if (k !== -1) {
      if ((outs.weight[u]?.[k] ?? 0) <= weight) return;
      removeEntry(outs, u, x);
      removeEntry(ins, x, u);
    }
    outs.node[u]?.push(x);
    outs.weight[u]?.push(weight);
    outs.id[u]?.push(id);
    ins.node[x]?.push(u);
    ins.weight[x]?.push(weight);
    ins.id[x]?.push(id);
  }

  function priorityOf(v: number): number {
    const removed = (ins.node[v]?.length ?? 0) + (outs.node[v]?.length ?? 0);
    return 2 * (shortcutsFor(v, false) - removed) + (deletedNeighbours[v] ?? 0) + (depth[v] ?? 0);
  }

  const queue = new MinHeap(n + 1);
  const priority = new Float64Array(n);
  for (let v = 0; v < n; v += 1) {
    priority[v] = priorityOf(v);
    queue.push(priority[v] ?? 0, v);
  }

  const rank = new Uint32Array(n);
  const upOut: { node: number; weight: number; id: number }[][] = Array.from({ length: n }, () => []);
  const upIn: { node: number; weight: number; id: number }[][] = Array.from({ length: n }, () => []);
  let nextRank = 0;
  while (queue.size > 0) {
    const v = queue.pop();
    const key = queue.lastKey;
    if (contracted[v] === 1 || key !== priority[v]) continue;
    const fresh = priorityOf(v);
    if (fresh > queue.peekKey()) {
      priority[v] = fresh;
      queue.push(fresh, v);
      continue;
    }
    shortcutsFor(v, true);
    contracted[v] = 1;
    rank[v] = nextRank++;
    const neighbours = new Set<number>();
    (outs.node[v] ?? []).forEach((x, i) => {
      upOut[v]?.push({ node: x, weight: outs.weight[v]?.[i] ?? 0, id: outs.id[v]?.[i] ?? 0 });
      removeEntry(ins, x, v);
      neighbours.add(x);
    });
    (ins.node[v] ?? []).forEach((u, i) => {
      upIn[v]?.push({ node: u, weight: ins.weight[v]?.[i] ?? 0, id: ins.id[v]?.[i] ?? 0 });
      removeEntry(outs, u, v);
      neighbours.add(u);
    });
    for (const lists of [outs, ins]) {
      lists.node[v] = [];
      lists.weight[v] = [];
      lists.id[v] = [];
    }
    for (const x of neighbours) {
      deletedNeighbours[x] = (deletedNeighbours[x] ?? 0) + 1;
      depth[x] = Math.max(depth[x] ?? 0, (depth[v] ?? 0) + 1);
      priority[x] = priorityOf(x);
      queue.push(priority[x] ?? 0, x);
    }
  }

  const sectionStart = new Uint32Array(2 * n + 1);
  const total = upOut.reduce((s, l) => s + l.length, 0) + upIn.reduce((s, l) => s + l.length, 0);
  const sectionNode = new Uint32Array(total);
  const sectionTimeMs = new Uint32Array(total);
  const sectionEdge = new Uint32Array(total);
  let at = 0;
  for (let v = 0; v < n; v += 1) {
    for (const [half, list] of [upOut[v] ?? [], upIn[v] ?? []].entries()) {
      sectionStart[2 * v + half] = at;
      for (const entry of list) {
        sectionNode[at] = entry.node;
        sectionTimeMs[at] = entry.weight;
        sectionEdge[at] = entry.id;
        at += 1;
      }
    }
  }
  sectionStart[2 * n] = at;
  return { rank, sectionStart, sectionNode, sectionTimeMs, sectionEdge, edgeChildA: Int32Array.from(childA), edgeChildB: Int32Array.from(childB) };
}
