import { z } from 'zod';
import { CallbackEntrySchema, CallbackStatusSchema, CallerNameEntrySchema } from '../callers/callerIdentity.ts';
import { LngLatSchema } from '../geo/position.ts';
import { IncidentSchema, RegionSchema } from '../incidents/incidentSchema.ts';
import { CommandIdSchema } from '../protocol/command.ts';
import { IncidentTypeIdSchema } from '../incidents/incidentTypes.ts';
import { DepartmentCodeSchema, ServiceCodeSchema } from './careServiceSchema.ts';

/**
 * [CC2] A Care Connect ticket's states, as councils run them: open, acknowledged by the department, in progress,
 * action scheduled (a crew booked for a date), and four ends: closed fixed, closed as not the city's
 * responsibility, closed as a duplicate of another ticket, referred elsewhere (another authority).
 */
export const TICKET_STATUSES = ['open', 'acknowledged', 'in_progress', 'action_scheduled', 'closed_fixed', 'closed_not_city', 'closed_duplicate', 'referred'] as const;
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  action_scheduled: 'Action scheduled',
  closed_fixed: 'Closed: fixed',
  closed_not_city: "Closed: not the city's responsibility",
  closed_duplicate: 'Closed: duplicate',
  referred: 'Referred elsewhere',
};

const ENDS: readonly TicketStatus[] = ['closed_fixed', 'closed_not_city', 'closed_duplicate', 'referred'];

/** Whether a ticket in this state is finished (it leaves the department's open queue). */
export function isTicketClosed(status: TicketStatus): boolean {
  return ENDS.includes(status);
}

/**
 * [CC2] The changes a department may make: forward through the work, to any end from any open state; a ticket
 * closed fixed or closed as not the city's may be reopened (the resident says it is not fixed); a duplicate or a
 * referral is final (the other ticket or authority carries it).
 */
export const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['acknowledged', 'in_progress', 'action_scheduled', ...ENDS],
  acknowledged: ['in_progress', 'action_scheduled', ...ENDS],
  in_progress: ['action_scheduled', ...ENDS],
  action_scheduled: ['in_progress', ...ENDS],
  closed_fixed: ['open'],
  closed_not_city: ['open'],
  closed_duplicate: [],
  referred: [],
};

export function isTicketTransitionAllowed(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

/** How the request reached the city. */
export const TICKET_CHANNELS = ['phone', 'email', 'fax', 'walk_in', 'open311', 'emergency_referral'] as const;
export const TicketChannelSchema = z.enum(TICKET_CHANNELS);
export type TicketChannel = z.infer<typeof TicketChannelSchema>;

export const TICKET_CHANNEL_LABELS: Record<TicketChannel, string> = {
  phone: 'Phone',
  email: 'Email',
  fax: 'Fax',
  walk_in: 'Walk-in',
  open311: 'Open311 app',
  emergency_referral: 'Referred by Emergency Connect',
};

/** One person who reported the ticket (the first) or was linked to it as a duplicate caller (the rest). [CC3] */
export const TicketCallerSchema = z.object({
  /** null: the caller would not say. */
  name: z.string().nullable(),
  callbackNumber: z.string().nullable(),
  callbackStatus: CallbackStatusSchema,
  email: z.string().nullable().default(null),
  channel: TicketChannelSchema,
  at: z.number().int(),
  by: z.string(),
});
export type TicketCaller = z.infer<typeof TicketCallerSchema>;

/** [CC2] A callback the city owes a caller: due by a time, then made or failed (by whom, when). */
export const CALLBACK_OUTCOMES = ['made', 'failed'] as const;
export const CallbackOutcomeSchema = z.enum(CALLBACK_OUTCOMES);
export const TicketCallbackSchema = z.object({
  id: z.string(),
  /** Which caller of the ticket (index in `callers`). */
  callerIndex: z.number().int().nonnegative(),
  /** Why it is owed: the ticket was logged, or it closed. */
  reason: z.enum(['logged', 'closed']),
  dueAt: z.number().int(),
  status: z.enum(['due', 'made', 'failed']),
  at: z.number().int().nullable(),
  by: z.string().nullable(),
  note: z.string(),
});
export type TicketCallback = z.infer<typeof TicketCallbackSchema>;

/** [CC2] One change of a ticket: the new state, what the resident may read, what stays inside the city. */
export const TicketHistoryEntrySchema = z.object({
  at: z.number().int(),
  by: z.string(),
  status: TicketStatusSchema,
  publicNote: z.string(),
  internalNote: z.string(),
});
export type TicketHistoryEntry = z.infer<typeof TicketHistoryEntrySchema>;

export const TicketSchema = z.object({
  /** Its reference, `CC-YYMMDD-NNNN-C`. */
  id: z.string(),
  reference: z.string(),
  serviceCode: ServiceCodeSchema,
  department: DepartmentCodeSchema,
  status: TicketStatusSchema,
  description: z.string(),
  /** Where, when the service is about a place. */
  location: LngLatSchema.nullable(),
  address: z.string(),
  ward: z.number().int().nullable(),
  region: RegionSchema.nullable(),
  isInsideMetro: z.boolean().nullable(),
  /** The service's extra fields (meter number and reading, account number, stand number). */
  extra: z.record(z.string(), z.string()),
  channel: TicketChannelSchema,
  callers: z.array(TicketCallerSchema).min(1),
  createdAt: z.number().int(),
  createdBy: z.string(),
  /** When it should be resolved by (the service's expected time, or as the department rescheduled it). */
  expectedBy: z.number().int(),
  statusAt: z.number().int(),
  closedAt: z.number().int().nullable(),
  history: z.array(TicketHistoryEntrySchema),
  callbacks: z.array(TicketCallbackSchema),
  /** [CC4] The Emergency Connect incident it was escalated to, or came from. */
  incidentId: z.string().nullable(),
  /** [CC3] The ticket this one duplicates, when closed as a duplicate. */
  duplicateOf: z.string().nullable().default(null),
});
export type Ticket = z.infer<typeof TicketSchema>;

const TicketIdSchema = z.string().trim().min(1).max(40);
const NoteSchema = z.string().trim().max(1000).default('');

/** [CC2] A caller on the phone (or at the counter, or in an email) reporting a service request. */
export const TicketCallerInputSchema = z.object({
  callerName: CallerNameEntrySchema,
  callbackNumber: CallbackEntrySchema,
  email: z.union([z.literal(''), z.string().trim().email('email: an address such as name@example.com').max(120)]).default(''),
});

export const TicketCreateInputSchema = TicketCallerInputSchema.extend({
  commandId: CommandIdSchema,
  serviceCode: ServiceCodeSchema,
  channel: TicketChannelSchema.default('phone'),
  description: z.string().trim().min(1, 'description is required').max(2000),
  location: LngLatSchema.optional(),
  address: z.string().trim().max(200).default(''),
  extra: z.record(z.string().regex(/^[a-z][a-z0-9_]{1,30}$/), z.string().trim().max(80)).default({}),
  /** [CC4] The emergency call this came from (CH2 "non-emergency, referred to Care Connect"). */
  fromIncidentCall: z.boolean().default(false),
});
export type TicketCreateInput = z.infer<typeof TicketCreateInputSchema>;
export type TicketCreatePayload = z.input<typeof TicketCreateInputSchema>;

/** [CC3] Another caller about the same problem joins the ticket and is given its reference. */
export const TicketLinkCallerInputSchema = TicketCallerInputSchema.extend({
  commandId: CommandIdSchema,
  ticketId: TicketIdSchema,
  channel: TicketChannelSchema.default('phone'),
  note: NoteSchema,
});
export type TicketLinkCallerInput = z.infer<typeof TicketLinkCallerInputSchema>;

/** [CC2] A department moves a ticket on, with what the resident may read and what stays inside. */
export const TicketUpdateInputSchema = z
  .object({
    commandId: CommandIdSchema,
    ticketId: TicketIdSchema,
    status: TicketStatusSchema,
    publicNote: NoteSchema,
    internalNote: NoteSchema,
    /** A new expected date (action scheduled for a day). */
    expectedBy: z.number().int().positive().optional(),
    /** For `closed_duplicate`: the ticket that carries the work. */
    duplicateOf: TicketIdSchema.optional(),
  })
  .refine((u) => u.publicNote !== '' || u.internalNote !== '', { message: 'write a public note, an internal note or both', path: ['publicNote'] })
  .refine((u) => u.status !== 'closed_duplicate' || u.duplicateOf !== undefined, { message: 'name the ticket this one duplicates', path: ['duplicateOf'] });
export type TicketUpdateInput = z.infer<typeof TicketUpdateInputSchema>;

/** [CC2] A callback made or failed. */
export const TicketCallbackInputSchema = z.object({
  commandId: CommandIdSchema,
  ticketId: TicketIdSchema,
  callbackId: z.string().min(1).max(40),
  outcome: CallbackOutcomeSchema,
  note: NoteSchema,
});
export type TicketCallbackInput = z.infer<typeof TicketCallbackInputSchema>;

/** A ticket by its reference as read back (case, spaces and dashes forgiven). */
export const TicketGetInputSchema = z.object({ reference: z.string().trim().min(1).max(40) });
export type TicketGetInput = z.infer<typeof TicketGetInputSchema>;

/** [CC2] A department's queue: its open tickets (and those closed in the last days). */
export const TicketQueueInputSchema = z.object({
  department: DepartmentCodeSchema.optional(),
  includeClosedDays: z.number().int().min(0).max(30).default(0),
});
export type TicketQueueInput = z.infer<typeof TicketQueueInputSchema>;

/** [CC3] While the agent logs: open tickets of the same service nearby. */
export const TicketDuplicatesInputSchema = z.object({ serviceCode: ServiceCodeSchema, location: LngLatSchema });
export type TicketDuplicatesInput = z.infer<typeof TicketDuplicatesInputSchema>;

export const TicketDuplicateSchema = z.object({ ticket: TicketSchema, distanceMeters: z.number().nonnegative(), ageHours: z.number().nonnegative() });
export type TicketDuplicate = z.infer<typeof TicketDuplicateSchema>;

/**
 * [CC5] What anyone holding the reference may read: the service, the state and its public notes, the expected date.
 * No caller, no number, no internal note, no exact location (the ward only).
 */
export const PublicTicketSchema = z.object({
  reference: z.string(),
  service: z.string(),
  department: z.string(),
  status: TicketStatusSchema,
  statusLabel: z.string(),
  createdAt: z.number().int(),
  expectedBy: z.number().int(),
  closedAt: z.number().int().nullable(),
  ward: z.number().int().nullable(),
  updates: z.array(z.object({ at: z.number().int(), status: TicketStatusSchema, note: z.string() })),
  /** [OP2] The city's IANA time zone: the resident's page shows its dates in it, wherever the phone is set. */
  timeZone: z.string(),
});
export type PublicTicket = z.infer<typeof PublicTicketSchema>;

/** [CC4] A ticket that turns out to be life-threatening becomes an Emergency Connect incident. */
export const TicketEscalateInputSchema = z.object({
  commandId: CommandIdSchema,
  ticketId: TicketIdSchema,
  /** The incident type the danger is (e.g. gas_leak, electrical_hazard). */
  type: IncidentTypeIdSchema,
  reason: z.string().trim().min(1, 'reason is required').max(500),
});
export type TicketEscalateInput = z.infer<typeof TicketEscalateInputSchema>;

/** [CC4] What an escalation answers: the new incident and the ticket that now names it. */
export const EscalationSchema = z.object({ incident: IncidentSchema, ticket: TicketSchema });
export type Escalation = z.infer<typeof EscalationSchema>;
