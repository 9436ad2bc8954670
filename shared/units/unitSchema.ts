import { z } from 'zod';
import { LngLatSchema } from '../geo/position.ts';
import { AgencySchema, UnitKindSchema } from './unitKinds.ts';
import { UnitStatusSchema } from './unitStatus.ts';

export const UnitIdSchema = z.string().regex(/^[a-z0-9-]{2,40}$/, 'unit id: 2-40 lowercase letters, digits or dashes').brand<'UnitId'>();
export type UnitId = z.infer<typeof UnitIdSchema>;

/** [CR2] A crew member signed on to a vehicle. */
export const CrewMemberSchema = z.object({ userId: z.string(), name: z.string(), since: z.number().int() });
export type CrewMember = z.infer<typeof CrewMemberSchema>;

/** A vehicle of the fleet as it stands in the live store. Times are epoch milliseconds. */
export const UnitSchema = z.object({
  id: UnitIdSchema,
  callSign: z.string().min(1).max(24),
  kind: UnitKindSchema,
  agency: AgencySchema,
  baseId: z.string().min(1),
  baseName: z.string().min(1),
  status: UnitStatusSchema,
  statusAt: z.number().int().nonnegative(),
  incidentId: z.string().nullable(),
  position: LngLatSchema,
  fixAt: z.number().int().nonnegative(),
  /** The hospital a transporting unit is taking its patient to. */
  destinationId: z.string().nullable().default(null),
  /** [AK3] When the unit was last stood down for not acknowledging an assignment. */
  unansweredAt: z.number().int().nullable().default(null),
  /** [CR2] Who is signed on to the vehicle now. */
  crew: z.array(CrewMemberSchema).default([]),
});
export type Unit = z.infer<typeof UnitSchema>;

/** One position fix in a coalesced frame sent to consoles. */
export const UnitFixSchema = z.object({
  unitId: UnitIdSchema,
  position: LngLatSchema,
  fixAt: z.number().int().nonnegative(),
});
export type UnitFix = z.infer<typeof UnitFixSchema>;
