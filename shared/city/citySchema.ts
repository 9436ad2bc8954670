import { z } from 'zod';
import { LngLatSchema } from '../geo/position.ts';
import { RegionSchema } from '../incidents/incidentSchema.ts';
import { UnitIdSchema } from '../units/unitSchema.ts';
import { UnitKindSchema } from '../units/unitKinds.ts';
import { GazetteerEntrySchema } from './gazetteer.ts';

const RingSchema = z.array(LngLatSchema).min(4);
export const PolygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(RingSchema).min(1) });
export const MultiPolygonSchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(RingSchema).min(1)).min(1) });
export const AreaGeometrySchema = z.union([PolygonSchema, MultiPolygonSchema]);
export type AreaGeometry = z.infer<typeof AreaGeometrySchema>;

/** One ward with its (approximate) administrative region. */
export const WardSchema = z.object({
  ward: z.number().int().positive(),
  code: z.string(),
  region: RegionSchema,
  geometry: AreaGeometrySchema,
});
export type Ward = z.infer<typeof WardSchema>;

export const FACILITY_KINDS = ['hospital', 'community_health_centre', 'clinic', 'police_station', 'fire_station', 'ambulance_station'] as const;
export const FacilityKindSchema = z.enum(FACILITY_KINDS);
export type FacilityKind = z.infer<typeof FacilityKindSchema>;

/** A real facility of the city: health facilities and police stations. Bases of the demo fleet. */
export const FacilitySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: FacilityKindSchema,
  classification: z.string(),
  address: z.string(),
  /** True for the facilities with a 24-hour emergency unit: the hospitals that receive patients. */
  hasEmergencyUnit24h: z.boolean(),
  region: RegionSchema.nullable(),
  ward: z.number().int().nullable(),
  position: LngLatSchema,
});
export type Facility = z.infer<typeof FacilitySchema>;

/** A vehicle of the city's fleet as listed in its fleet file. */
export const FleetUnitSchema = z.object({
  id: UnitIdSchema,
  callSign: z.string().min(1).max(24),
  kind: UnitKindSchema,
  baseId: z.string().min(1),
});
export type FleetUnit = z.infer<typeof FleetUnitSchema>;

/** The city's map layers as the console draws them (GET /api/city). */
export const CityLayersSchema = z.object({
  name: z.string(),
  /** [OP2] The city's IANA time zone ("Africa/Johannesburg"): every date and hour the console shows or reads is in it. */
  timeZone: z.string(),
  center: LngLatSchema,
  /** [west, south, east, north] */
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  boundary: AreaGeometrySchema,
  wards: z.array(WardSchema.pick({ ward: true, region: true, geometry: true })),
  facilities: z.array(FacilitySchema),
  /** Whether routes are computed on a road network or estimated in a straight line. */
  hasRoadNetwork: z.boolean(),
  attribution: z.array(z.string()),
  /** [LO2] Offline place search: facilities, police stations, wards, regions. */
  gazetteer: z.array(GazetteerEntrySchema),
  /** [RO11] The road network drawn on the maps, as lines of [lng, lat]; empty without a road network. */
  roads: z.array(z.array(LngLatSchema)).default([]),
});
export type CityLayers = z.infer<typeof CityLayersSchema>;
