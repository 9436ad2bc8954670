import type { LngLat } from './position.ts';

/** Mean Earth radius in metres (IUGG), as turf uses. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

const RADIANS_PER_DEGREE = Math.PI / 180;

/** Great-circle (haversine) distance between two positions, in metres. */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const lat1 = a[1] * RADIANS_PER_DEGREE;
  const lat2 = b[1] * RADIANS_PER_DEGREE;
  const sinHalfDLat = Math.sin((lat2 - lat1) / 2);
  const sinHalfDLng = Math.sin(((b[0] - a[0]) * RADIANS_PER_DEGREE) / 2);
  const h = sinHalfDLat * sinHalfDLat + Math.cos(lat1) * Math.cos(lat2) * sinHalfDLng * sinHalfDLng;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}
