import type { LineString } from 'geojson';
import type { LngLat } from '../../../shared/geo/position.ts';

/** The search a route query runs: contraction hierarchies (default), A*, or plain Dijkstra (reference). */
export type RouteAlgorithm = 'ch' | 'astar' | 'dijkstra';

/** Why no route could be given. */
export type NoRouteCode = 'from_off_network' | 'to_off_network' | 'no_route';

export type RouteFound = {
  ok: true;
  /** Emergency-profile drive time between the snapped points, seconds. */
  etaSeconds: number;
  /** Road distance between the snapped points, metres. */
  distanceMeters: number;
  /** The drive from `snappedFrom` to `snappedTo`, [lng, lat] degrees. */
  geometry: LineString;
  snappedFrom: LngLat;
  snappedTo: LngLat;
  /** Straight-line metres from each asked point to its snapped point (not driven, not in the ETA). */
  offRoadMeters: { from: number; to: number };
};

export type NoRoute = { ok: false; code: NoRouteCode; message: string };

export type RouteResult = RouteFound | NoRoute;

/** One candidate's drive to the incident, for ranking. */
export type EtaResult = { ok: true; etaSeconds: number; distanceMeters: number } | NoRoute;
