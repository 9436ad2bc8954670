import { z } from 'zod';

/** A WGS84 position in GeoJSON order: [longitude, latitude], degrees. */
export const LngLatSchema = z.tuple([
  z.number().finite().min(-180).max(180),
  // Web Mercator's limit, which is also the range Redis GEO sets accept.
  z.number().finite().min(-85.05112878).max(85.05112878),
]);
export type LngLat = z.infer<typeof LngLatSchema>;

/** Builds a validated position; throws a coded error message when out of range. */
export function toLngLat(lng: number, lat: number): LngLat {
  return LngLatSchema.parse([lng, lat]);
}
