import { EARTH_RADIUS_METERS } from '../../../shared/geo/distance.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import { createGridSpec, type GridSpec } from '../../../shared/geo/gridSpec.ts';
import type { RoadGraph } from '../graph/RoadGraph.ts';

/** Grid cell size for the segment index, degrees (about 200 m × 150 m at 42° N). */
export const SEGMENT_CELL_DEGREES = 0.002;
const METERS_PER_DEGREE = (EARTH_RADIUS_METERS * Math.PI) / 180;

/** A point snapped onto a road segment `a`–`b` at `fraction` (0 at a, 1 at b) of the way along it. */
export type Snap = { a: number; b: number; segment: number; fraction: number; position: LngLat; distanceMeters: number };

/** Finds the nearest road segment to a point. */
export type SegmentIndex = {
  segmentCount: number;
  /** The nearest segment within `maxMeters` (flat-earth metres around the point), or null. */
  nearest(p: LngLat, maxMeters: number): Snap | null;
};

/**
 * A uniform grid over the graph's bounding box whose cells list the (undirected) segments whose bounding box
 * overlaps them [RO7]. A lookup scans rings of cells outward and stops once no unseen cell can be nearer.
 */
export function createSegmentIndex(graph: RoadGraph, cellDegrees = SEGMENT_CELL_DEGREES): SegmentIndex {
  const { lng, lat } = graph;
  const segA: number[] = [];
  const segB: number[] = [];
  const seen = new Set<number>();
  for (let u = 0; u < graph.nodeCount; u += 1) {
    for (let e = graph.firstEdge[u] ?? 0; e < (graph.firstEdge[u + 1] ?? 0); e += 1) {
      const v = graph.edgeTarget[e] ?? 0;
      const key = Math.min(u, v) * graph.nodeCount + Math.max(u, v);
      if (seen.has(key)) continue;
      seen.add(key);
      segA.push(Math.min(u, v));
      segB.push(Math.max(u, v));
    }
  }
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let v = 0; v < graph.nodeCount; v += 1) {
    west = Math.min(west, lng[v] ?? 0);
    east = Math.max(east, lng[v] ?? 0);
    south = Math.min(south, lat[v] ?? 0);
    north = Math.max(north, lat[v] ?? 0);
  }
  if (graph.nodeCount === 0) [west, south, east, north] = [0, 0, 0, 0];
  const grid: GridSpec = createGridSpec([west, south, east, north], cellDegrees);
  const cellOf = (x: number, y: number): [number, number] => [Math.floor((x - west) / grid.cellWidth), Math.floor((y - south) / grid.cellHeight)];
  const clampCol = (c: number): number => Math.min(grid.cols - 1, Math.max(0, c));
  const clampRow = (r: number): number => Math.min(grid.rows - 1, Math.max(0, r));

  const lists: number[][] = Array.from({ length: grid.cols * grid.rows }, () => []);
  segA.forEach((a, s) => {
    const b = segB[s] ?? 0;
    const [c0, r0] = cellOf(Math.min(lng[a] ?? 0, lng[b] ?? 0), Math.min(lat[a] ?? 0, lat[b] ?? 0));
    const [c1, r1] = cellOf(Math.max(lng[a] ?? 0, lng[b] ?? 0), Math.max(lat[a] ?? 0, lat[b] ?? 0));
    for (let r = clampRow(r0); r <= clampRow(r1); r += 1) for (let c = clampCol(c0); c <= clampCol(c1); c += 1) lists[r * grid.cols + c]?.push(s);
  });
  const cellStart = new Uint32Array(lists.length + 1);
  lists.forEach((list, i) => (cellStart[i + 1] = (cellStart[i] ?? 0) + list.length));
  const cellItems = Uint32Array.from(lists.flat());
  const maxAbsLat = Math.max(Math.abs(south), Math.abs(north));
  const ringMeters = Math.min(grid.cellHeight * METERS_PER_DEGREE, grid.cellWidth * METERS_PER_DEGREE * Math.cos((maxAbsLat * Math.PI) / 180));

  return {
    segmentCount: segA.length,
    nearest(p, maxMeters) {
      const [px, py] = p;
      const kx = METERS_PER_DEGREE * Math.cos((py * Math.PI) / 180);
      const [col, row] = cellOf(px, py);
      let best: Snap | null = null;
      let bestDistance = Infinity;
      const visit = (cell: number): void => {
        for (let i = cellStart[cell] ?? 0, end = cellStart[cell + 1] ?? 0; i < end; i += 1) {
          const s = cellItems[i] ?? 0;
          const a = segA[s] ?? 0;
          const b = segB[s] ?? 0;
          const ax = ((lng[a] ?? 0) - px) * kx;
          const ay = ((lat[a] ?? 0) - py) * METERS_PER_DEGREE;
          const dx = ((lng[b] ?? 0) - px) * kx - ax;
          const dy = ((lat[b] ?? 0) - py) * METERS_PER_DEGREE - ay;
          const length2 = dx * dx + dy * dy;
          const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / length2));
          const x = ax + t * dx;
          const y = ay + t * dy;
          const distance = Math.sqrt(x * x + y * y);
          if (distance < bestDistance) {
            bestDistance = distance;
            best = { a, b, segment: s, fraction: t, position: [px + x / kx, py + y / METERS_PER_DEGREE], distanceMeters: distance };
          }
        }
      };
      const maxRing = grid.cols + grid.rows + Math.abs(col) + Math.abs(row);
      for (let ring = 0; ring <= maxRing; ring += 1) {
        for (let r = row - ring; r <= row + ring; r += 1) {
          if (r < 0 || r >= grid.rows) continue;
          const step = r === row - ring || r === row + ring ? 1 : 2 * ring;
          for (let c = col - ring; c <= col + ring; c += Math.max(1, step)) {
            if (c >= 0 && c < grid.cols) visit(r * grid.cols + c);
          }
        }
        const unseenBeyond = ring * ringMeters;
        if (bestDistance <= unseenBeyond || unseenBeyond > maxMeters) break;
      }
      return bestDistance <= maxMeters ? best : null;
    },
  };
}
