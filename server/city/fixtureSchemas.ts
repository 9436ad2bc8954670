import { z } from 'zod';
import { FleetUnitSchema, MultiPolygonSchema, PolygonSchema } from '../../shared/city/citySchema.ts';
import { LngLatSchema } from '../../shared/geo/position.ts';
import { RegionSchema } from '../../shared/incidents/incidentSchema.ts';

/** A GeoJSON FeatureCollection whose features are checked one by one afterwards (for per-record messages). */
export const FeatureCollectionEnvelopeSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});

/** Polygon or MultiPolygon, told apart by `type` so that a bad coordinate gets one precise issue, not a union of guesses. */
const AreaGeometryFixtureSchema = z.discriminatedUnion('type', [PolygonSchema, MultiPolygonSchema]);

const PointSchema = z.object({ type: z.literal('Point'), coordinates: LngLatSchema });

/** One feature of coj_municipal_boundary.geojson (OCHA COD-AB admin 3); only the names we read are required. */
export const BoundaryFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    admin3Name_en: z.string().min(1),
    admin3Pcode: z.string().min(1),
  }),
  geometry: AreaGeometryFixtureSchema,
});
export type BoundaryFeature = z.infer<typeof BoundaryFeatureSchema>;

/** One feature of coj_wards_135.geojson: ward number and its code (e.g. ZA7980001). */
export const WardFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    ward: z.number().int().positive(),
    code: z.string().regex(/^ZA\d+$/, 'expected a ward code like ZA7980001'),
  }),
  geometry: AreaGeometryFixtureSchema,
});
export type WardFeature = z.infer<typeof WardFeatureSchema>;

/** One feature of coj_public_health_facilities_2012.geojson; emergency-unit fields are null except for the 15 facilities that have one. */
export const HealthFacilityFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    uid: z.string().min(1),
    name: z.string().trim().min(1),
    classification: z.string().min(1),
    district: z.string(),
    /** e.g. "Johannesburg B Health sub-District": the letter is the region. */
    sub_district: z.string(),
    street_address: z.string(),
    tel: z.string(),
    emergency_unit_hours_per_day: z.number().min(0).max(24).nullable(),
    emergency_unit_days_per_week: z.number().min(0).max(7).nullable(),
    ae_consulting_rooms: z.number().int().nonnegative().nullable(),
  }),
  geometry: PointSchema,
});
export type HealthFacilityFeature = z.infer<typeof HealthFacilityFeatureSchema>;

/** One feature of coj_saps_police_stations_2014.geojson: station name and the ward it stands in. */
export const PoliceStationFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    name: z.string().trim().min(1),
    province: z.string(),
    coj_ward: z.number().int().positive(),
  }),
  geometry: PointSchema,
});
export type PoliceStationFeature = z.infer<typeof PoliceStationFeatureSchema>;

/** The header row coj_ward_to_region_APPROX.csv must start with. */
export const WARD_REGION_CSV_HEADER = 'ward,ward_pcode,region_approx,method';

/** One row of coj_ward_to_region_APPROX.csv, as strings split on commas. */
export const WardRegionRowSchema = z.object({
  ward: z.coerce.number().int().positive(),
  ward_pcode: z.string().min(1),
  region_approx: RegionSchema,
  method: z.enum(['facility-in-ward', 'nearest-facility-to-centroid']),
});
export type WardRegionRow = z.infer<typeof WardRegionRowSchema>;

/** fleet.json: a note on what the fleet is, and its units checked one by one afterwards. */
export const FleetFileEnvelopeSchema = z.object({
  description: z.string().optional(),
  units: z.array(z.unknown()),
});

/** One unit of fleet.json. */
export const FleetFileUnitSchema = FleetUnitSchema;
