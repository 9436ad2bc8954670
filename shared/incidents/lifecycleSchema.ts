import { z } from 'zod';
import { CommandIdSchema } from '../protocol/command.ts';
import { UnitIdSchema } from '../units/unitSchema.ts';
import { AgencySchema } from '../units/unitKinds.ts';
import { IncidentTypeIdSchema } from './incidentTypes.ts';
import { PriorityLevelSchema } from './priority.ts';

/** [LC3] How long after closing an incident may be reopened: a late second call about the same patient, a wrong close. */
export const REOPEN_WINDOW_MINUTES = 30;
export const REOPEN_WINDOW_MS = REOPEN_WINDOW_MINUTES * 60_000;

/** [LC1] How an incident ended, as the dispatcher closes it. */
export const CLOSE_DISPOSITIONS = ['treated_on_scene', 'transported', 'no_patient_found', 'false_alarm', 'cancelled_by_caller', 'handed_to_other_agency'] as const;
export const CloseDispositionSchema = z.enum(CLOSE_DISPOSITIONS);
export type CloseDisposition = z.infer<typeof CloseDispositionSchema>;

/** Every disposition an incident can carry: the dispatcher's, or `cancelled` before any unit went. [LC2] */
export const IncidentDispositionSchema = z.enum([...CLOSE_DISPOSITIONS, 'cancelled']);
export type IncidentDisposition = z.infer<typeof IncidentDispositionSchema>;

export const DISPOSITION_LABELS: Record<IncidentDisposition, string> = {
  treated_on_scene: 'Treated on scene',
  transported: 'Transported',
  no_patient_found: 'No patient found',
  false_alarm: 'False alarm',
  cancelled_by_caller: 'Cancelled by caller',
  handed_to_other_agency: 'Handed to another agency',
  cancelled: 'Cancelled before dispatch',
};

/** [LC4] Why a desk stood a unit down. */
export const RELEASE_REASONS = ['not_needed', 'reassigned', 'cancelled', 'other'] as const;
export const ReleaseReasonSchema = z.enum(RELEASE_REASONS);
export type ReleaseReason = z.infer<typeof ReleaseReasonSchema>;

export const RELEASE_REASON_LABELS: Record<ReleaseReason, string> = {
  not_needed: 'Not needed',
  reassigned: 'Reassigned',
  cancelled: 'Call cancelled',
  other: 'Other',
};

/** [NR4] An incident's type and priority at one moment. */
export const ClassificationSchema = z.object({ type: IncidentTypeIdSchema, priority: PriorityLevelSchema });
export type Classification = z.infer<typeof ClassificationSchema>;

/** One lifecycle step kept on the incident, so the reason travels with the journaled after-state. */
export const LifecycleEntrySchema = z.object({
  at: z.number().int(),
  by: z.string(),
  action: z.enum(['closed', 'cancelled', 'reopened', 'more_units', 'reclassified', 'released', 'diverted_away', 'diverted_in']),
  /** [DV1] For a divert: the other incident (where the unit went, or where it came from). */
  otherIncidentId: z.string().optional(),
  /** [LC6] For a type change: the agencies whose desks no longer see the incident (told once, so they drop it). */
  droppedAgencies: z.array(AgencySchema).optional(),
  reason: z.string(),
  unitId: z.string().optional(),
  /** [NR4] For a reclassification: the type and priority before and after (entries stored before do not say). */
  change: z.object({ from: ClassificationSchema, to: ClassificationSchema }).optional(),
});
export type LifecycleEntry = z.infer<typeof LifecycleEntrySchema>;

const IncidentIdSchema = z.string().min(1).max(40);
const ReasonSchema = z.string().trim().min(1, 'reason is required').max(500);

/** [LC2] Cancel an incident before any unit was committed to it. */
export const IncidentCancelInputSchema = z.object({ commandId: CommandIdSchema, incidentId: IncidentIdSchema, reason: ReasonSchema });
export type IncidentCancelInput = z.infer<typeof IncidentCancelInputSchema>;

/** [LC3] Reopen a closed incident within the window, or send more units to one awaiting close. */
export const IncidentReopenInputSchema = z.object({ commandId: CommandIdSchema, incidentId: IncidentIdSchema, reason: ReasonSchema });
export type IncidentReopenInput = z.infer<typeof IncidentReopenInputSchema>;

/** [LC6] Change an incident's type, priority or both, with the reason. */
export const IncidentUpdateTypeInputSchema = z
  .object({
    commandId: CommandIdSchema,
    incidentId: IncidentIdSchema,
    type: IncidentTypeIdSchema.optional(),
    priority: PriorityLevelSchema.optional(),
    reason: ReasonSchema,
  })
  .refine((input) => input.type !== undefined || input.priority !== undefined, { message: 'give a new type, a new priority or both', path: ['type'] });
export type IncidentUpdateTypeInput = z.infer<typeof IncidentUpdateTypeInputSchema>;

/** [LC4] Stand a unit down from an incident, with the reason. */
export const ReleaseInputSchema = z.object({
  commandId: CommandIdSchema,
  incidentId: IncidentIdSchema,
  unitId: UnitIdSchema,
  reason: ReleaseReasonSchema,
  note: z.string().trim().max(500).default(''),
});
export type ReleaseInput = z.infer<typeof ReleaseInputSchema>;
