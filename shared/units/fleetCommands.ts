import { z } from 'zod';
import { CommandIdSchema } from '../protocol/command.ts';
import { UnitKindSchema } from './unitKinds.ts';
import { UnitIdSchema } from './unitSchema.ts';

/** [FL1] A fleet manager adds a vehicle to the live fleet, available at one of the city's stations or hospitals. */
export const RegisterUnitInputSchema = z.object({
  commandId: CommandIdSchema,
  unitId: UnitIdSchema,
  callSign: z.string().trim().min(1).max(24),
  kind: UnitKindSchema,
  /** A facility of the city (its id, as the city's layers list them): where the vehicle is based. */
  baseId: z.string().min(1).max(80),
});
export type RegisterUnitInput = z.infer<typeof RegisterUnitInputSchema>;
