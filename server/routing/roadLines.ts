import type { LngLat } from '../../shared/geo/position.ts';
import type { RoadGraph } from './graph/RoadGraph.ts';

/** Coordinates kept in the map's road layer: 5 decimals is about a metre. */
const SCALE = 1e5;

/**
 * [RO11] The road network as lines for the map: chains of edges through nodes with exactly one
 * way in and one way on are joined, and each road is drawn once whatever its directions.
 */
export function roadLines(graph: RoadGraph): LngLat[][] {
  const at = (v: number): LngLat => [Math.round((graph.lng[v] ?? 0) * SCALE) / SCALE, Math.round((graph.lat[v] ?? 0) * SCALE) / SCALE];
  const neighbours: Set<number>[] = Array.from({ length: graph.nodeCount }, () => new Set<number>());
  for (let v = 0; v < graph.nodeCount; v += 1) {
    for (let e = graph.firstEdge[v] ?? 0; e < (graph.firstEdge[v + 1] ?? 0); e += 1) {
      const w = graph.edgeTarget[e] ?? v;
      if (w === v) continue;
      neighbours[v]?.add(w);
      neighbours[w]?.add(v);
    }
  }
  const drawn = new Set<string>();
  const key = (a: number, b: number): string => (a < b ? `${a}:${b}` : `${b}:${a}`);
  const isThrough = (v: number): boolean => neighbours[v]?.size === 2;
  const lines: LngLat[][] = [];
  for (let start = 0; start < graph.nodeCount; start += 1) {
    if (isThrough(start)) continue;
    for (const first of neighbours[start] ?? []) {
      if (drawn.has(key(start, first))) continue;
      const line = [at(start)];
      let previous = start;
      let current = first;
      for (;;) {
        drawn.add(key(previous, current));
        line.push(at(current));
        if (!isThrough(current)) break;
        const next = [...(neighbours[current] ?? [])].find((n) => n !== previous);
        if (next === undefined || drawn.has(key(current, next))) break;
        previous = current;
        current = next;
      }
      lines.push(line);
    }
  }
  return lines;
}
