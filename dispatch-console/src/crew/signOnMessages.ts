import type { CommandError } from '../../../shared/errors/errorCodes.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';

/** Why signing on to `unitId` did not work, in words for a crew member standing at the vehicle. */
export function signOnErrorText(error: CommandError, unitId: string): string {
  const callSign = unitId.toUpperCase();
  switch (error.code) {
    case 'unit_not_found':
      return `There is no vehicle ${callSign} in the fleet. Check the call sign on the vehicle.`;
    case 'validation_failed':
      return 'Type the call sign on the vehicle, e.g. ALS-F03.';
    case 'forbidden':
      return `You may not sign on to ${callSign}. Ask the control room.`;
    case 'internal_error':
      return 'No answer from the control room. Check the signal, then try again.';
    default:
      return formatCommandError(error);
  }
}
