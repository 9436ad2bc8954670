import { z } from 'zod';
import { LngLatSchema } from '../../../shared/geo/position.ts';

/** The kinds of emergency station the importer pulls from OpenStreetMap. */
export const STATION_KINDS = ['fire_station', 'ambulance_station', 'hospital', 'police_station'] as const;
export const StationKindSchema = z.enum(STATION_KINDS);
export type StationKind = z.infer<typeof StationKindSchema>;

/** One station from OSM: a tagged node, or a way (building outline) at its centroid. */
export const StationSchema = z.object({
  /** `osm-node-<id>` or `osm-way-<id>`. */
  id: z.string().regex(/^osm-(node|way)-\d+$/),
  /** The `name` tag (else `name:en`, else `official_name`); unnamed ones read "Unnamed <kind> (OSM <type> <id>)". */
  name: z.string().min(1),
  kind: StationKindSchema,
  position: LngLatSchema,
  osmType: z.enum(['node', 'way']),
  osmId: z.number().int().positive(),
  /** Hospitals only: `emergency=yes` → true, `emergency=no` → false, untagged → null. */
  emergencyDepartment: z.boolean().nullable(),
});
export type Station = z.infer<typeof StationSchema>;

export const StationListSchema = z.array(StationSchema);
