import { z } from 'zod';
import { CommandIdSchema } from '../protocol/command.ts';
import { UnitIdSchema } from './unitSchema.ts';

/** [CR2] A crew member signs on to one vehicle for a shift; the board shows who crews it. */
export const CrewSignOnInputSchema = z.object({ commandId: CommandIdSchema, unitId: UnitIdSchema });
export type CrewSignOnInput = z.infer<typeof CrewSignOnInputSchema>;

/** [CR2] The crew member signs off the vehicle they are on. */
export const CrewSignOffInputSchema = z.object({ commandId: CommandIdSchema });
export type CrewSignOffInput = z.infer<typeof CrewSignOffInputSchema>;
