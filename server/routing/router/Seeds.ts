/** Where a search may start or end: graph nodes with the time (ms) from the snapped point to them or from them to it. */
export type Seeds = { nodes: number[]; costsMs: number[] };

/** A fastest path found between seeds: its time (ms, seed costs included), end nodes and original edges in order. */
export type FoundPath = { timeMs: number; source: number; target: number; edges: number[] };

/** The seed cost of `node`, or Infinity when it is not a seed. */
export function seedCost(seeds: Seeds, node: number): number {
  let best = Infinity;
  for (let i = 0; i < seeds.nodes.length; i += 1) if (seeds.nodes[i] === node) best = Math.min(best, seeds.costsMs[i] ?? Infinity);
  return best;
}

/** Seeds of a single node at no cost. */
export function nodeSeeds(node: number): Seeds {
  return { nodes: [node], costsMs: [0] };
}
