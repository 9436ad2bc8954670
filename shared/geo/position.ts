import { z } from 'zod';

/** A WGS84 position in GeoJSON order: [longitude, latitude], degrees. */
export const LngLatSchema = z.tuple([
  z.number().finite().min(-180).max(180),
  z.number().finite().min(-90).max(90),
]);
export type LngLat = z.infer<typeof LngLatSchema>;

/** Builds a validated position; throws a coded error message when out of range. */
export function toLngLat(lng: number, lat: number): LngLat {
  return LngLatSchema.parse([lng, lat]);
}
