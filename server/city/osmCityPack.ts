import { z } from 'zod';
import { AreaGeometrySchema } from '../../shared/city/citySchema.ts';

/** The files of a city pack built from an OpenStreetMap extract (see docs/CITY_PACKS.md). */
export const OSM_PACK_FILES = {
  manifest: 'city.json',
  boundary: 'boundary.geojson',
  stations: 'stations.json',
  roads: 'roads.bin',
  fleet: 'fleet.json',
} as const;

/** Whether the runtime knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `city.json`: what the pack is and whom to credit. */
export const CityManifestSchema = z.object({
  format: z.literal('osm-city-pack/1'),
  name: z.string().min(1),
  /** The city's IANA time zone; packs imported before it was recorded run on UTC until it is added. */
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Andorra').default('UTC'),
  source: z.string().min(1),
  attribution: z.array(z.string().min(1)).min(1),
});
export type CityManifest = z.infer<typeof CityManifestSchema>;

/** `boundary.geojson`: one area geometry (the road network's outline when no administrative boundary is imported). */
export const BoundaryFileSchema = z.object({ type: z.literal('Feature'), properties: z.record(z.string(), z.unknown()).nullable(), geometry: AreaGeometrySchema });
