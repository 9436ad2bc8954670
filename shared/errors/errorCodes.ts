import { z } from 'zod';

/** Stable error codes every command may answer with. */
export const ERROR_CODES = [
  'validation_failed',
  'forbidden',
  'unknown_command',
  'incident_not_found',
  'incident_closed',
  'incident_has_active_units',
  'unit_not_found',
  'unit_not_available',
  'status_transition_not_allowed',
  'unit_not_assigned',
  'command_id_reused',
  'rate_limited',
  'internal_error',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const CommandErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Field-level problems for `validation_failed`. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** The unit a conflict is about, for `unit_not_available` and friends. */
  unitId: z.string().optional(),
});
export type CommandError = z.infer<typeof CommandErrorSchema>;
