import { z } from 'zod';
import { LngLatSchema } from '../geo/position.ts';
import { CommandIdSchema } from '../protocol/command.ts';
import { AgencySchema, UnitKindSchema } from '../units/unitKinds.ts';
import { UnitIdSchema } from '../units/unitSchema.ts';
import { IncidentTypeIdSchema } from './incidentTypes.ts';
import { PriorityLevelSchema } from './priority.ts';
import { KeyAnswersSchema } from './classifyIncident.ts';

export const REGIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export const RegionSchema = z.enum(REGIONS);
export type Region = z.infer<typeof RegionSchema>;

/** A South African or international callback number: digits with optional +, spaces, dashes, brackets. */
export const CallbackNumberSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{2,22}$/, 'callbackNumber: digits, spaces, dashes or a leading +')
  .refine((value) => value.replace(/\D/g, '').length >= 3, 'callbackNumber: at least 3 digits');

/** What a call-taker submits with `incident:create`. */
export const IncidentCreateInputSchema = z.object({
  commandId: CommandIdSchema,
  type: IncidentTypeIdSchema,
  location: LngLatSchema,
  locationNotes: z.string().trim().max(300).default(''),
  callerName: z.string().trim().min(1, 'callerName is required').max(80),
  callbackNumber: CallbackNumberSchema,
  notes: z.string().trim().max(2000).default(''),
  /** Answers to the type's key questions, which raise or lower the priority. [IC6] */
  answers: KeyAnswersSchema.default({}),
  /** When the call was answered (epoch ms), for the answering and processing intervals. */
  callStartedAt: z.number().int().positive().optional(),
});
export type IncidentCreateInput = z.infer<typeof IncidentCreateInputSchema>;
/** What a client sends: defaulted fields may be left out. */
export type IncidentCreatePayload = z.input<typeof IncidentCreateInputSchema>;

export const INCIDENT_STATUSES = ['pending', 'dispatched', 'closed'] as const;
export const IncidentStatusSchema = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatusSchema>;

/** A unit committed to an incident. `clearedAt` is set when the unit stands down or finishes. */
export const AssignmentSchema = z.object({
  unitId: UnitIdSchema,
  callSign: z.string(),
  kind: UnitKindSchema,
  assignedAt: z.number().int(),
  assignedBy: z.string(),
  /** [AK1] When the crew acknowledged the assignment; null until then. */
  acknowledgedAt: z.number().int().nullable().default(null),
  clearedAt: z.number().int().nullable(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/** [DU2] Another caller reporting the same incident, linked to it instead of creating a new one. */
export const LinkedCallerSchema = z.object({
  callerName: z.string(),
  callbackNumber: z.string(),
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
  callerName: z.string(),
  callbackNumber: z.string(),
  notes: z.string(),
  status: IncidentStatusSchema,
  callStartedAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  createdBy: z.string(),
  firstDispatchAt: z.number().int().nullable(),
  closedAt: z.number().int().nullable(),
  assignments: z.array(AssignmentSchema),
  additionalCallers: z.array(LinkedCallerSchema).default([]),
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
  callerName: z.string().trim().min(1, 'callerName is required').max(80),
  callbackNumber: CallbackNumberSchema,
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
});
export type IncidentCloseInput = z.infer<typeof IncidentCloseInputSchema>;
