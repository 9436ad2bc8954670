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

/** `city.json`: what the pack is and whom to credit. */
export const CityManifestSchema = z.object({
  format: z.literal('osm-city-pack/1'),
  name: z.string().min(1),
  source: z.string().min(1),
  attribution: z.array(z.string().min(1)).min(1),
});
export type CityManifest = z.infer<typeof CityManifestSchema>;

/** `boundary.geojson`: one area geometry (the road network's outline when no administrative boundary is imported). */
export const BoundaryFileSchema = z.object({ type: z.literal('Feature'), properties: z.record(z.string(), z.unknown()).nullable(), geometry: AreaGeometrySchema });
