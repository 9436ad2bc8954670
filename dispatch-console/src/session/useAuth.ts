import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionInfo } from '../../../shared/auth/userSchema.ts';
import { readSession, signOut as sendSignOut } from './sessionApi.ts';
import type { SignInReason } from './signInMessages.ts';

/** Reads the session again this often while signed in, which also renews the cookie for a long shift. */
const RENEW_EVERY_MS = 5 * 60_000;

export type AuthState =
  | { phase: 'checking' }
  | { phase: 'signed_out'; reason: SignInReason | null }
  | { phase: 'signed_in'; info: SessionInfo };

export interface Auth {
  state: AuthState;
  signedIn: (info: SessionInfo) => void;
  signOut: () => Promise<void>;
  /** Reads the session again: after a crew signs on or off, or when the socket is refused as unauthenticated. */
  refresh: () => Promise<void>;
  /** The server ended the session (the socket is dropped next). */
  ended: (reason: SignInReason) => void;
}

/**
 * Who is signed in, as the server says (the cookie is httpOnly; the console never holds credentials). On load the
 * session is read once: a page reloaded mid-shift opens straight on its desk.
 */
export function useAuth(): Auth {
  const [state, setState] = useState<AuthState>({ phase: 'checking' });

  const refresh = useCallback(async () => {
    const answer = await readSession();
    if (answer.ok) setState({ phase: 'signed_in', info: answer.data });
    else if (answer.error.code === 'unauthenticated') {
      setState((current) => ({ phase: 'signed_out', reason: current.phase === 'signed_in' ? 'expired' : null }));
    }
    // Any other failure (server restarting, network) leaves a signed-in console as it is: its socket says it is offline.
    else setState((current) => (current.phase === 'checking' ? { phase: 'signed_out', reason: null } : current));
  }, []);

  useEffect(() => void refresh(), [refresh]);

  const isSignedIn = state.phase === 'signed_in';
  useEffect(() => {
    if (!isSignedIn) return;
    const timer = setInterval(() => void refresh(), RENEW_EVERY_MS);
    return () => clearInterval(timer);
  }, [isSignedIn, refresh]);

  /** Set while this console signs itself out: the server's own "signed out" notice to its socket is then no news. */
  const isSigningOut = useRef(false);
  const signOut = useCallback(async () => {
    isSigningOut.current = true;
    const answer = await sendSignOut();
    setState({ phase: 'signed_out', reason: answer.ok || answer.error.code === 'unauthenticated' ? null : 'sign_out_unconfirmed' });
  }, []);

  const signedIn = useCallback((info: SessionInfo) => {
    isSigningOut.current = false;
    setState({ phase: 'signed_in', info });
  }, []);
  // Only a signed-in console is told why it was signed out, and never of its own sign-out (the socket's notice may
  // arrive before or after the sign-out's answer).
  const ended = useCallback((reason: SignInReason) => {
    if (isSigningOut.current && reason === 'signed_out') return;
    setState((current) => (current.phase === 'signed_in' ? { phase: 'signed_out', reason } : current));
  }, []);

  return { state, signedIn, signOut, refresh, ended };
}
