import { useState } from 'react';
import type { Session } from '../../shared/auth/roles.ts';
import { RoleChooser } from './session/RoleChooser.tsx';
import { clearSession, loadSession, saveSession } from './session/sessionStore.ts';
import { ConsoleScreen } from './ConsoleScreen.tsx';
import { primeAudio } from './incidents/alertSound.ts';

/** Chooses the desk, then opens the console for it. */
export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession(sessionStorage, window.location.search));

  function handleChosen(chosen: Session) {
    primeAudio();
    saveSession(sessionStorage, chosen);
    setSession(chosen);
  }

  function handleSignOutClick() {
    clearSession(sessionStorage);
    const url = new URL(window.location.href);
    url.searchParams.delete('role');
    url.searchParams.delete('operator');
    url.searchParams.delete('agency');
    window.history.replaceState(null, '', url);
    setSession(null);
  }

  if (!session) return <RoleChooser onChosen={handleChosen} />;
  return <ConsoleScreen key={`${session.role}:${session.agency ?? ''}:${session.operatorId}`} session={session} onSignOut={handleSignOutClick} />;
}
