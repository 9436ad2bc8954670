import { z } from 'zod';
import { LngLatSchema } from '../geo/position.ts';
import { CommandIdSchema } from '../protocol/command.ts';
import { AgencySchema, UnitKindSchema } from '../units/unitKinds.ts';
import { UnitIdSchema } from '../units/unitSchema.ts';
import { IncidentTypeIdSchema } from './incidentTypes.ts';
import { PriorityLevelSchema } from './priority.ts';
import { KeyAnswersSchema } from './classifyIncident.ts';
import { CallbackEntrySchema, CallbackStatusSchema, CallerNameEntrySchema } from '../callers/callerIdentity.ts';
import { CloseDispositionSchema, IncidentDispositionSchema, LifecycleEntrySchema } from './lifecycleSchema.ts';
import { IncidentNoteSchema } from './noteSchema.ts';
import { UnitStatusSchema } from '../units/unitStatus.ts';

export const REGIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export const RegionSchema = z.enum(REGIONS);
export type Region = z.infer<typeof RegionSchema>;

/** Kept here too: older imports of the callback number schema. */
export { CallbackNumberSchema } from '../callers/callerIdentity.ts';

/** What a call-taker submits with `incident:create`. */
export const IncidentCreateInputSchema = z.object({
  commandId: CommandIdSchema,
  type: IncidentTypeIdSchema,
  location: LngLatSchema,
  locationNotes: z.string().trim().max(300).default(''),
  /** [IC9] Only location and type are required: no name is an unknown caller, no number or "withheld" no callback. */
  callerName: CallerNameEntrySchema,
  callbackNumber: CallbackEntrySchema,
  notes: z.string().trim().max(2000).default(''),
  /** Answers to the type's key questions, which raise or lower the priority. [IC6] */
  answers: KeyAnswersSchema.default({}),
  /** When the call was answered (epoch ms), for the answering and processing intervals. */
  callStartedAt: z.number().int().positive().optional(),
});
export type IncidentCreateInput = z.infer<typeof IncidentCreateInputSchema>;
/** What a client sends: defaulted fields may be left out. */
export type IncidentCreatePayload = z.input<typeof IncidentCreateInputSchema>;

/** [LC7] `awaiting_close`: every committed unit has cleared; the incident waits for its disposition. */
export const INCIDENT_STATUSES = ['pending', 'dispatched', 'awaiting_close', 'closed'] as const;
export const IncidentStatusSchema = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatusSchema>;

/**
 * [NR4] A status a committed unit reported while on the incident (en route, on scene, transporting, at hospital,
 * and the available or out of service that cleared it), who reported it, and for transporting the hospital's name.
 */
export const AssignmentStepSchema = z.object({
  status: UnitStatusSchema,
  at: z.number().int(),
  by: z.string(),
  to: z.string().optional(),
});
export type AssignmentStep = z.infer<typeof AssignmentStepSchema>;

/** A unit committed to an incident. `clearedAt` is set when the unit stands down or finishes. */
export const AssignmentSchema = z.object({
  unitId: UnitIdSchema,
  callSign: z.string(),
  kind: UnitKindSchema,
  assignedAt: z.number().int(),
  assignedBy: z.string(),
  /** [AK1] When the crew acknowledged the assignment; null until then. */
  acknowledgedAt: z.number().int().nullable().default(null),
  /** [NR4] Who acknowledged; documents stored before do not say. */
  acknowledgedBy: z.string().optional(),
  clearedAt: z.number().int().nullable(),
  /** [NR4] The statuses reported while committed, oldest first; documents stored before have none. */
  steps: z.array(AssignmentStepSchema).optional(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/** [DU2] Another caller reporting the same incident, linked to it instead of creating a new one. */
export const LinkedCallerSchema = z.object({
  /** [IC9] null: an unknown caller, or no number to call back (see `callbackStatus`). */
  callerName: z.string().nullable(),
  callbackNumber: z.string().nullable(),
  /** Documents stored before [IC9] always had a number. */
  callbackStatus: CallbackStatusSchema.default('given'),
  notes: z.string(),
  linkedAt: z.number().int(),
  linkedBy: z.string(),
});
export type LinkedCaller = z.infer<typeof LinkedCallerSchema>;

/** An incident as stored and broadcast. Its id is its reference number. Times are epoch ms. */
export const IncidentSchema = z.object({
  id: z.string(),
  reference: z.string(),
  type: IncidentTypeIdSchema,
  priority: PriorityLevelSchema,
  /** Which key-question answers set the priority, in words. */
  priorityReasons: z.array(z.string()).default([]),
  answers: KeyAnswersSchema.default({}),
  agencies: z.array(AgencySchema),
  plan: z.array(z.object({ kind: UnitKindSchema, count: z.number().int().positive() })),
  location: LngLatSchema,
  locationNotes: z.string(),
  ward: z.number().int().nullable(),
  region: RegionSchema.nullable(),
  isInsideMetro: z.boolean(),
  /** [IC9] null: an unknown caller, or no number to call back (see `callbackStatus`). */
  callerName: z.string().nullable(),
  callbackNumber: z.string().nullable(),
  /** Documents stored before [IC9] always had a number. */
  callbackStatus: CallbackStatusSchema.default('given'),
  notes: z.string(),
  status: IncidentStatusSchema,
  callStartedAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  createdBy: z.string(),
  firstDispatchAt: z.number().int().nullable(),
  closedAt: z.number().int().nullable(),
  /** [LC1] Who closed it and how it ended; null while open (and again once reopened). */
  closedBy: z.string().nullable().default(null),
  disposition: IncidentDispositionSchema.nullable().default(null),
  closeNote: z.string().default(''),
  /** [CC4] The Care Connect ticket this incident was escalated from. */
  careTicketId: z.string().nullable().default(null),
  assignments: z.array(AssignmentSchema),
  additionalCallers: z.array(LinkedCallerSchema).default([]),
  /** [LC1]–[LC6] Each lifecycle step with who took it and why, oldest first. */
  lifecycle: z.array(LifecycleEntrySchema).default([]),
  /** [NR1] Free-text notes from call-takers, desks and crews, oldest first. */
  narrative: z.array(IncidentNoteSchema).default([]),
});
export type Incident = z.infer<typeof IncidentSchema>;

export const IncidentGetInputSchema = z.object({
  /** A reference as typed or read back: case, spaces and missing dashes are forgiven; the check digit is not. */
  reference: z.string().trim().min(1).max(40),
});
export type IncidentGetInput = z.infer<typeof IncidentGetInputSchema>;

/** [DU2] Link this caller to an existing incident instead of creating a new one. */
export const LinkCallerInputSchema = z.object({
  commandId: CommandIdSchema,
  incidentId: z.string().min(1).max(40),
  /** [IC9] As for a new incident: an unknown caller or a withheld number is still linked. */
  callerName: CallerNameEntrySchema,
  callbackNumber: CallbackEntrySchema,
  notes: z.string().trim().max(2000).default(''),
});
export type LinkCallerInput = z.infer<typeof LinkCallerInputSchema>;

/** [DU1] While the call-taker types: open incidents that may be the same event. */
export const DuplicatesInputSchema = z.object({
  location: LngLatSchema,
  type: IncidentTypeIdSchema,
});
export type DuplicatesInput = z.infer<typeof DuplicatesInputSchema>;

export const DuplicateCandidateSchema = z.object({
  incident: IncidentSchema,
  distanceMeters: z.number().nonnegative(),
  ageMinutes: z.number().nonnegative(),
  score: z.number().min(0).max(1),
  isLikely: z.boolean(),
  reasons: z.array(z.string()),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidateSchema>;

export const IncidentCloseInputSchema = z.object({
  commandId: CommandIdSchema,
  incidentId: z.string().min(1).max(40),
  /** [LC1] How the incident ended. */
  disposition: CloseDispositionSchema,
  note: z.string().trim().max(500).default(''),
});
export type IncidentCloseInput = z.infer<typeof IncidentCloseInputSchema>;
