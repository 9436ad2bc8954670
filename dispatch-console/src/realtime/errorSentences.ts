import type { CommandError, ErrorCode } from '../../../shared/errors/errorCodes.ts';

/**
 * [IC11] Every error code in plain words: what happened and what to do. A `Record` over every code, so a new code
 * cannot reach an operator without a sentence (the compiler and test/console/errorMessages.test.ts both insist).
 * The server's own message is kept for the log and the audit; it is written for engineers, not for the screen.
 */
export const ERROR_SENTENCES: Record<ErrorCode, string> = {
  validation_failed: 'Some details are not valid: check the fields and try again.',
  unauthenticated: 'You are signed out. Sign in again to carry on.',
  forbidden: 'Your role or desk may not do this. Ask a supervisor if it needs doing.',
  sign_in_failed: 'Wrong username or password.',
  desk_required: 'Choose the desk you are sitting at.',
  protocol_outdated: 'This console is out of date. Reload the page.',
  user_exists: 'A user with that username already exists: choose another username.',
  user_not_found: 'That user no longer exists. Refresh the list.',
  not_signed_on: 'Sign on to a vehicle first.',
  version_ahead: 'The console is out of step with the server. Reload the page.',
  unknown_command: 'The server does not know this action. Reload the page.',
  incident_not_found: 'There is no incident with that reference. Check it with the caller and try again.',
  incident_closed: 'That incident is closed. Create a new incident instead.',
  incident_has_active_units: 'Units are still committed to this incident: stand them down or let them clear first.',
  incident_awaiting_close: 'Every unit has cleared this incident and it is waiting to be closed. Reopen it to send more units.',
  incident_already_dispatched: 'Units have already been sent to this incident: close it with a disposition instead of cancelling it.',
  incident_not_closed: 'That incident is still open, so it cannot be reopened.',
  reopen_window_passed: 'That incident closed too long ago to reopen. Create a new incident instead.',
  note_window_passed: 'That incident closed more than a day ago and takes no more notes. Ask a supervisor if its record must be corrected.',
  incident_notes_full: 'This incident already has as many notes as it can keep. Ask a supervisor to record the rest.',
  unit_not_on_incident: 'That unit is not committed to this incident.',
  unit_not_divertable: 'That unit is already working on scene or carrying a patient: release it first, or choose another unit.',
  divert_not_more_urgent: 'A unit is diverted only to a more urgent incident: assign a free unit instead.',
  unit_not_found: 'That unit is not in the fleet.',
  unit_not_available: 'That unit is no longer available: choose another unit.',
  status_transition_not_allowed: 'That unit cannot change to that status now.',
  unit_not_assigned: 'That unit has no assignment.',
  command_id_reused: 'This action was already sent with other details. Try again.',
  care_not_offered: 'This city has no Care Connect line.',
  service_not_found: 'That service is not in the list: choose one from the services list.',
  ticket_not_found: 'There is no ticket with that reference. Check it with the caller and try again.',
  ticket_closed: 'That ticket is closed: log a new ticket instead.',
  ticket_transition_not_allowed: 'A ticket in this state cannot move to that state.',
  callback_not_found: 'That callback is not on this ticket. Refresh the ticket.',
  callback_already_recorded: 'That callback was already recorded.',
  rate_limited: 'Too many actions in a short time. Wait a few seconds, then try again.',
  unit_exists: 'The fleet already has a unit with that id. Choose another id.',
  clock_not_settable: 'This server runs on the real clock (or the replayed time has passed that point).',
  archive_unavailable: 'The record (reports) cannot be read just now. Live dispatch is not affected; try again in a minute.',
  server_draining: 'The server is restarting and did not take this. The console reconnects by itself; send it again in a moment.',
  unavailable: 'The live store did not answer in time, so nothing was done. Send it again in a moment.',
  internal_error: 'Something went wrong on the server. Try again; if it keeps happening, tell a supervisor.',
};

/** For the codes about one unit: the unit's call sign, then these words. */
export const UNIT_PHRASES: Partial<Record<ErrorCode, string>> = {
  unit_not_available: 'is no longer available: choose another unit.',
  unit_not_found: 'is not in the fleet.',
  status_transition_not_allowed: 'cannot change to that status now.',
  unit_not_on_incident: 'is not committed to this incident.',
  unit_not_divertable: 'is already working on scene or carrying a patient: release it first, or choose another unit.',
  unit_not_assigned: 'has no assignment.',
};

/** The sentence for an error that has no field issues to explain. */
export function errorSentence(error: Pick<CommandError, 'code'>): string {
  return ERROR_SENTENCES[error.code];
}
