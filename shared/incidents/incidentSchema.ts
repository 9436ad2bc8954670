import { z } from 'zod';
import { LngLatSchema } from '../geo/position.ts';
import { CommandIdSchema } from '../protocol/command.ts';
import { AgencySchema, UnitKindSchema } from '../units/unitKinds.ts';
import { UnitIdSchema } from '../units/unitSchema.ts';
import { IncidentTypeIdSchema } from './incidentTypes.ts';
import { PriorityLevelSchema } from './priority.ts';

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
  /** When the call was answered (epoch ms), for the answering and processing intervals. */
  callStartedAt: z.number().int().positive().optional(),
});
export type IncidentCreateInput = z.infer<typeof IncidentCreateInputSchema>;

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
  clearedAt: z.number().int().nullable(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/** An incident as stored and broadcast. Its id is its reference number. Times are epoch ms. */
export const IncidentSchema = z.object({
  id: z.string(),
  reference: z.string(),
  type: IncidentTypeIdSchema,
  priority: PriorityLevelSchema,
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
});
export type Incident = z.infer<typeof IncidentSchema>;

export const IncidentCloseInputSchema = z.object({
  commandId: CommandIdSchema,
  incidentId: z.string().min(1).max(40),
});
export type IncidentCloseInput = z.infer<typeof IncidentCloseInputSchema>;
