import { z } from 'zod';

/** Stable error codes every command may answer with. */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'sign_in_failed',
  'desk_required',
  'protocol_outdated',
  'user_exists',
  'user_not_found',
  'not_signed_on',
  'version_ahead',
  'unknown_command',
  'incident_not_found',
  'incident_closed',
  'incident_has_active_units',
  'incident_awaiting_close',
  'incident_already_dispatched',
  'incident_not_closed',
  'reopen_window_passed',
  'note_window_passed',
  'incident_notes_full',
  'unit_not_on_incident',
  'unit_not_divertable',
  'divert_not_more_urgent',
  'unit_not_found',
  'unit_exists',
  'unit_not_available',
  'status_transition_not_allowed',
  'unit_not_assigned',
  'command_id_reused',
  'care_not_offered',
  'service_not_found',
  'ticket_not_found',
  'ticket_closed',
  'ticket_transition_not_allowed',
  'callback_not_found',
  'callback_already_recorded',
  'rate_limited',
  'archive_unavailable',
  'clock_not_settable',
  /** [OPS4] The instance is shutting down: the command was not run; send it again (the client reconnects elsewhere). */
  'server_draining',
  /** [OPS10] The live store (Redis) could not take the command in time: it was not applied and never will be under this answer; send it again. */
  'unavailable',
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
  /** What the sender may choose from, for `desk_required` (the desks a dispatcher may sit at). */
  choices: z.array(z.string()).optional(),
});
export type CommandError = z.infer<typeof CommandErrorSchema>;
