import type { LngLat } from '../shared/geo/position.ts';

export { seededRandom } from '../test/support/seededRandom.ts';

/** The Johannesburg metro's bounding box: west, south, east, north (degrees). */
export const JOBURG_BBOX = { west: 27.714, south: -26.526, east: 28.215, north: -25.903 } as const;

/** A point drawn uniformly inside the Johannesburg bounding box. */
export function pointInBbox(random: () => number): LngLat {
  const { west, south, east, north } = JOBURG_BBOX;
  return [west + random() * (east - west), south + random() * (north - south)];
}
