import type { ErrorCode } from '../../shared/errors/errorCodes.ts';

/** The HTTP status each error code answers with. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  sign_in_failed: 401,
  desk_required: 400,
  protocol_outdated: 426,
  user_exists: 409,
  user_not_found: 404,
  not_signed_on: 409,
  version_ahead: 409,
  unknown_command: 404,
  incident_not_found: 404,
  unit_not_found: 404,
  incident_closed: 409,
  incident_has_active_units: 409,
  unit_not_available: 409,
  status_transition_not_allowed: 409,
  unit_not_assigned: 409,
  command_id_reused: 409,
  rate_limited: 429,
  internal_error: 500,
};
