import { z } from 'zod';
import { UnitIdSchema } from '../units/unitSchema.ts';
import { AgencySchema, type Agency } from '../units/unitKinds.ts';

/** The people who use the system; `system` is the server's own automation (e.g. the demo AVL feed). */
export const ROLES = ['call_taker', 'dispatcher', 'crew', 'supervisor', 'system'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** The roles a person can choose when a console opens (`system` is never chosen by a client). */
export const CONSOLE_ROLES = ['call_taker', 'dispatcher', 'crew', 'supervisor'] as const;

/**
 * Who is sending commands. Chosen when the console opens until real sign-in replaces it;
 * the policy check is the same either way.
 */
export const SessionSchema = z
  .object({
    role: z.enum(CONSOLE_ROLES),
    operatorId: z.string().trim().regex(/^[A-Za-z0-9._@-]{1,40}$/, 'operatorId: 1-40 letters, digits or ._@-'),
    unitId: UnitIdSchema.optional(),
    /** [DK1] A dispatcher's desk: EMS, Fire & Rescue or Metro Police. Absent = a combined desk that sees all agencies. */
    agency: AgencySchema.optional(),
  })
  .refine((s) => s.role !== 'crew' || s.unitId !== undefined, { message: 'a crew session names its unitId', path: ['unitId'] })
  .refine((s) => s.agency === undefined || s.role === 'dispatcher', { message: 'only a dispatcher sits at an agency desk', path: ['agency'] });
export type Session = z.infer<typeof SessionSchema>;

/** Who did something, as written into the journal. */
export interface Actor {
  role: Role;
  operatorId: string;
  unitId?: string;
  agency?: Agency;
}
