import { z } from 'zod';
import { CommandIdSchema } from '../protocol/command.ts';
import { priorityRank, type PriorityLevel } from '../incidents/priority.ts';
import { IncidentSchema } from '../incidents/incidentSchema.ts';
import { UnitIdSchema, UnitSchema } from '../units/unitSchema.ts';
import type { UnitStatus } from '../units/unitStatus.ts';

/**
 * [DV1] A unit may be diverted while it is on its way (dispatched or en route). Once on scene it is working
 * a patient or a fire and is released first; transporting and at hospital it carries a patient.
 */
export const DIVERTABLE_STATUSES: readonly UnitStatus[] = ['dispatched', 'en_route'];

export function isDivertableStatus(status: UnitStatus): boolean {
  return DIVERTABLE_STATUSES.includes(status);
}

/** [DV1] Diverting moves a unit only towards a more urgent incident. */
export function isMoreUrgent(to: PriorityLevel, from: PriorityLevel): boolean {
  return priorityRank(to) < priorityRank(from);
}

/**
 * [DV3] A committed unit is offered for a more urgent incident only when it would arrive much sooner than any
 * free unit: at least this many seconds sooner…
 */
export const DIVERT_MIN_SAVING_SECONDS = 120;
/** …and in at most this share of the best free unit's time (or when no free unit of the kind can go at all). */
export const DIVERT_MAX_ETA_SHARE = 0.6;
/** Divert candidates listed per kind. */
export const DIVERT_CANDIDATES_PER_KIND = 2;

/** [DV3] Whether a unit `divertEta` seconds away is worth taking off its job, given the best free unit's ETA. */
export function isWorthDiverting(divertEtaSeconds: number, bestFreeEtaSeconds: number | undefined): boolean {
  if (bestFreeEtaSeconds === undefined) return true;
  return bestFreeEtaSeconds - divertEtaSeconds >= DIVERT_MIN_SAVING_SECONDS && divertEtaSeconds <= bestFreeEtaSeconds * DIVERT_MAX_ETA_SHARE;
}

const IncidentIdSchema = z.string().min(1).max(40);

/** [DV1] Move a committed unit from its (less urgent) incident to a more urgent one, with the reason. */
export const DivertInputSchema = z
  .object({
    commandId: CommandIdSchema,
    unitId: UnitIdSchema,
    /** The incident the unit is on now, as the dispatcher saw it: the divert is refused if the unit has moved on. */
    fromIncidentId: IncidentIdSchema,
    toIncidentId: IncidentIdSchema,
    reason: z.string().trim().min(1, 'reason is required').max(500),
  })
  .refine((input) => input.fromIncidentId !== input.toIncidentId, { message: 'a unit is diverted to another incident', path: ['toIncidentId'] });
export type DivertInput = z.infer<typeof DivertInputSchema>;

/** [DV1] What a divert answers: the incident the unit left, the one it goes to, and the unit. */
export const DivertOutcomeSchema = z.object({ from: IncidentSchema, to: IncidentSchema, unit: UnitSchema });
export type DivertOutcome = z.infer<typeof DivertOutcomeSchema>;
