import { z } from 'zod';
import { LngLatSchema } from '../geo/position.ts';
import { RankingMethodSchema } from '../dispatch/dispatchSchema.ts';
import { UnitIdSchema } from '../units/unitSchema.ts';
import { CapabilitySchema } from '../hospitals/capabilities.ts';

/** Where a unit's route leads. */
export const RouteDestinationSchema = z.object({
  kind: z.enum(['incident', 'hospital', 'base']),
  id: z.string(),
  name: z.string(),
  position: LngLatSchema,
});
export type RouteDestination = z.infer<typeof RouteDestinationSchema>;

/** A route to draw and follow: on the road network, or a straight line when the city has none. */
export const RouteSchema = z.object({
  method: RankingMethodSchema,
  etaSeconds: z.number().nonnegative(),
  distanceMeters: z.number().nonnegative(),
  /** The path, [lng, lat] points from the unit to the destination. */
  geometry: z.array(LngLatSchema),
  destination: RouteDestinationSchema,
});
export type Route = z.infer<typeof RouteSchema>;

/** [RO9] The route of a unit to where it is going now: its incident, its hospital, or home to base. */
export const RouteUnitInputSchema = z.object({ unitId: UnitIdSchema });
export type RouteUnitInput = z.infer<typeof RouteUnitInputSchema>;

/**
 * [RO10][HO3] The 24-hour emergency units a transporting crew can take a patient to: those that can take what the
 * incident's patient needs first, then by ETA.
 */
export const HospitalOptionSchema = z.object({
  facilityId: z.string(),
  name: z.string(),
  etaSeconds: z.number().nonnegative(),
  distanceMeters: z.number().nonnegative(),
  method: RankingMethodSchema,
  /** What the facility can take. */
  capabilities: z.array(CapabilitySchema).default([]),
  /** Whether it can take everything the incident's patient needs. */
  isSuitable: z.boolean().default(true),
  /** What the patient needs that it cannot take. */
  lacks: z.array(CapabilitySchema).default([]),
});
export type HospitalOption = z.infer<typeof HospitalOptionSchema>;
export const RouteHospitalsInputSchema = z.object({ unitId: UnitIdSchema });
export type RouteHospitalsInput = z.infer<typeof RouteHospitalsInputSchema>;
