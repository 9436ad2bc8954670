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

/** [AK1] The crew acknowledges the assignment it received. */
export const UnitAcknowledgeInputSchema = z.object({
  commandId: CommandIdSchema,
  unitId: UnitIdSchema,
});
export type UnitAcknowledgeInput = z.infer<typeof UnitAcknowledgeInputSchema>;
