import { z } from 'zod';
import { LngLatSchema } from '../geo/position.ts';
import { CommandIdSchema } from '../protocol/command.ts';
import { UnitIdSchema } from './unitSchema.ts';
import { UnitStatusSchema } from './unitStatus.ts';

/** [US2] A crew or dispatcher reports a unit's new status. */
export const UnitStatusInputSchema = z.object({
  commandId: CommandIdSchema,
  unitId: UnitIdSchema,
  status: UnitStatusSchema,
  /** With `transporting`: the facility the patient is taken to. */
  destinationId: z.string().min(1).max(80).optional(),
  /** [AK3] With `available`: the unit is stood down because its crew did not acknowledge. */
  reason: z.enum(['no_acknowledgement']).optional(),
});
export type UnitStatusInput = z.infer<typeof UnitStatusInputSchema>;

/**
 * [UP1] A position fix from a vehicle. `fixAt` is the device time of the fix (epoch ms);
 * a fix older than the stored one is ignored, so a resent fix changes nothing.
 */
export const UnitPositionInputSchema = z.object({
  commandId: CommandIdSchema,
  unitId: UnitIdSchema,
  position: LngLatSchema,
  fixAt: z.number().int().positive().optional(),
});
export type UnitPositionInput = z.infer<typeof UnitPositionInputSchema>;

export const UnitPositionAnswerSchema = z.object({ isAccepted: z.boolean(), fixAt: z.number().int() });
export type UnitPositionAnswer = z.infer<typeof UnitPositionAnswerSchema>;

/** [UP3] The most fixes one batch from the AVL gateway may carry. */
export const MAX_FIXES_PER_BATCH = 500;

/**
 * [UP3] A batch of position fixes from the AVL gateway (the fleet-tracking service that forwards every vehicle's
 * fixes): each fix as `unit:position` takes it, `fixAt` required (the gateway knows when each fix was taken).
 */
export const UnitPositionsInputSchema = z.object({
  commandId: CommandIdSchema,
  fixes: z
    .array(z.object({ unitId: UnitIdSchema, position: LngLatSchema, fixAt: z.number().int().positive() }))
    .min(1, 'fixes: at least one fix')
    .max(MAX_FIXES_PER_BATCH, `fixes: at most ${MAX_FIXES_PER_BATCH} in one batch; send the rest in another`),
});
export type UnitPositionsInput = z.infer<typeof UnitPositionsInputSchema>;

/** Why one fix of a batch was not stored: no such unit, or a fix time too far ahead of the server's clock. */
export const RejectedFixSchema = z.object({ index: z.number().int().nonnegative(), unitId: z.string(), reason: z.enum(['unit_not_found', 'clock_ahead']) });

/** [UP3] What became of a batch: fixes stored, fixes older than the one stored (ignored, as a resend is), and the rejected. */
export const UnitPositionsAnswerSchema = z.object({
  stored: z.number().int().nonnegative(),
  ignored: z.number().int().nonnegative(),
  rejected: z.array(RejectedFixSchema),
});
export type UnitPositionsAnswer = z.infer<typeof UnitPositionsAnswerSchema>;

/** [AK1] The crew acknowledges the assignment it received. */
export const UnitAcknowledgeInputSchema = z.object({
  commandId: CommandIdSchema,
  unitId: UnitIdSchema,
});
export type UnitAcknowledgeInput = z.infer<typeof UnitAcknowledgeInputSchema>;
