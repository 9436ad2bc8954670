import { EARTH_RADIUS_METERS } from '../../../shared/geo/distance.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import type { RoadGraph } from '../graph/RoadGraph.ts';

/** Shrinks the flat-earth distance so it stays below the great-circle one over a city (admissibility margin). */
const SAFETY = 0.98;
const METERS_PER_DEGREE = (EARTH_RADIUS_METERS * Math.PI) / 180;

/**
 * A* lower bound on the time (ms) from a node to `goal`: straight-line metres at `maxKmh` (the fastest edge speed).
 * Edge times are rounded up to whole ms, so the bound never exceeds the true remaining time.
 */
export function aStarHeuristic(graph: RoadGraph, goal: LngLat, maxKmh: number): (node: number) => number {
  const msPerMeter = 3600 / maxKmh;
  const ky = METERS_PER_DEGREE * SAFETY;
  const kx = METERS_PER_DEGREE * SAFETY * Math.cos((goal[1] * Math.PI) / 180);
  const { lng, lat } = graph;
  const [goalLng, goalLat] = goal;
  return (node) => {
    const dx = ((lng[node] ?? 0) - goalLng) * kx;
    const dy = ((lat[node] ?? 0) - goalLat) * ky;
    return Math.sqrt(dx * dx + dy * dy) * msPerMeter;
  };
}
