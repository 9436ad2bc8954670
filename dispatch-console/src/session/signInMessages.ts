import type { CommandError } from '../../../shared/errors/errorCodes.ts';
import type { SessionEndReason } from '../../../shared/protocol/events.ts';

/** Why the sign-in screen is showing, when it is not simply the start of a shift. */
export type SignInReason = SessionEndReason | 'sign_out_unconfirmed';

/** The sign-in form's problem in plain words for a person at a desk (never the server's developer text). */
export function signInErrorText(error: CommandError): string {
  switch (error.code) {
    case 'sign_in_failed':
    case 'unauthenticated':
      return 'Wrong username or password.';
    case 'rate_limited':
      return 'Too many sign-in attempts. Wait a minute, then try again.';
    case 'desk_required':
      return 'Choose the desk you are sitting at.';
    case 'validation_failed':
      return error.issues?.some((issue) => issue.path === 'username')
        ? 'That is not a username: usernames are 2 to 40 letters or digits (and . _ @ -), with no spaces.'
        : 'Enter your username and password.';
    case 'protocol_outdated':
      return 'This console is out of date. Reload the page, then sign in.';
    case 'forbidden':
      return 'This account may not sign in to the console. Ask the system administrator.';
    default:
      return 'Signing in did not work: the server could not be reached or had a problem. Try again in a moment.';
  }
}

/** What the sign-in screen says about why the last session ended. */
export const SIGN_IN_REASON_TEXT: Record<SignInReason, string> = {
  signed_out: 'You were signed out from another window.',
  disabled: 'Your account was disabled by an administrator.',
  password_reset: 'Your password was reset by an administrator. Sign in with the new password.',
  expired: 'Your session has ended. Sign in again.',
  sign_out_unconfirmed: 'Signed out here, but the server could not be reached to end the session. Close the browser to be sure.',
};
