import { z } from 'zod';
import { AgencySchema, type Agency } from '../units/unitKinds.ts';
import { DepartmentCodeSchema } from '../tickets/careServiceSchema.ts';

/**
 * The people who use the system, the AVL gateway's account (the fleet-tracking service that forwards every
 * vehicle's positions in batches, UP3), and `system`, the server's own automation (the demo AVL feed and vehicle
 * simulator). Adding a role is one entry here and its line in each contract entry that it may send.
 */
export const ROLES = ['call_taker', 'dispatcher', 'crew', 'supervisor', 'administrator', 'care_agent', 'department_officer', 'avl_gateway', 'system'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** The roles an account can hold: the people, and the AVL gateway (`system` never signs in). */
export const PERSON_ROLES = ['call_taker', 'dispatcher', 'crew', 'supervisor', 'administrator', 'care_agent', 'department_officer', 'avl_gateway'] as const;
export const PersonRoleSchema = z.enum(PERSON_ROLES);
export type PersonRole = z.infer<typeof PersonRoleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  call_taker: 'Call taker',
  dispatcher: 'Dispatcher',
  crew: 'Crew',
  supervisor: 'Supervisor',
  administrator: 'Administrator',
  care_agent: 'Care Connect agent',
  department_officer: 'Department officer',
  avl_gateway: 'AVL gateway',
  system: 'System',
};

/** [DK1] A dispatch desk: one agency's, or the combined desk that sees every agency. */
export const DESKS = ['ems', 'fire', 'metro_police', 'combined'] as const;
export const DeskSchema = z.enum(DESKS);
export type Desk = z.infer<typeof DeskSchema>;

export const DESK_LABELS: Record<Desk, string> = {
  ems: 'EMS dispatch',
  fire: 'Fire & Rescue dispatch',
  metro_police: 'Metro Police dispatch',
  combined: 'Combined dispatch',
};

/** The agency a desk dispatches for; the combined desk has none (it sees them all). */
export function agencyOfDesk(desk: Desk): Agency | undefined {
  return desk === 'combined' ? undefined : desk;
}

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._@-]{2,40}$/, 'username: 2-40 letters, digits or . _ @ -');

/**
 * [AU4] Who is acting, as the server established it from a verified session (never from the client's word).
 * `operatorId` is the username, as written into the journal; `unitId` is the vehicle a crew is signed on to;
 * `agency` is a dispatcher's desk (absent at the combined desk).
 */
export const ActorSchema = z.object({
  role: RoleSchema,
  operatorId: z.string(),
  userId: z.string().optional(),
  unitId: z.string().optional(),
  agency: AgencySchema.optional(),
  /** [CC6] A department officer's department. */
  department: DepartmentCodeSchema.optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** The verified session behind every request and socket: the actor plus what identifies the sign-in. */
export const SessionSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: PersonRoleSchema,
  /** A dispatcher's desk for this sign-in. */
  desk: DeskSchema.optional(),
  agency: AgencySchema.optional(),
  /** [CC6] A department officer's department, from the user record. */
  department: DepartmentCodeSchema.optional(),
  /** The vehicle a crew is signed on to, read from the live store on every command. */
  unitId: z.string().optional(),
  /** The sign-in's id, revoked on sign-out. */
  sessionId: z.string(),
  /** When the person signed in; renewals never take a session past a day from it. */
  signedInAt: z.number().int(),
  expiresAt: z.number().int(),
});
export type Session = z.infer<typeof SessionSchema>;

/** The actor a session acts as. */
export function actorOf(session: Session): Actor {
  const actor: Actor = { role: session.role, operatorId: session.username, userId: session.userId };
  if (session.unitId) actor.unitId = session.unitId;
  if (session.agency) actor.agency = session.agency;
  if (session.department) actor.department = session.department;
  return actor;
}
