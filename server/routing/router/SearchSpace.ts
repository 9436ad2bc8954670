import { MinHeap } from './MinHeap.ts';

/**
 * Per-node search state reused across queries: a node's entries count only when its stamp equals the current
 * generation, so starting a search costs nothing however large the graph.
 */
export class SearchSpace {
  readonly dist: Float64Array;
  readonly parentNode: Int32Array;
  /** The edge (or CH section) that reached the node; -1 for a start node. */
  readonly parentEdge: Int32Array;
  readonly stamp: Uint32Array;
  readonly heap = new MinHeap();
  generation = 0;

  constructor(nodeCount: number) {
    this.dist = new Float64Array(nodeCount);
    this.parentNode = new Int32Array(nodeCount);
    this.parentEdge = new Int32Array(nodeCount);
    this.stamp = new Uint32Array(nodeCount);
  }

  reset(): void {
    this.generation += 1;
    this.heap.clear();
  }

  /** The node's distance in this search, or Infinity when not reached. */
  distanceOf(node: number): number {
    return this.stamp[node] === this.generation ? (this.dist[node] ?? Infinity) : Infinity;
  }

  /** Records a better distance for `node` (if it is one). Returns whether it was. */
  improve(node: number, distance: number, parentNode: number, parentEdge: number): boolean {
    if (this.stamp[node] === this.generation && distance >= (this.dist[node] ?? Infinity)) return false;
    this.stamp[node] = this.generation;
    this.dist[node] = distance;
    this.parentNode[node] = parentNode;
    this.parentEdge[node] = parentEdge;
    return true;
  }
}
