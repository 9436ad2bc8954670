import { useState } from 'react';
import type { Session } from '../../shared/auth/roles.ts';
import { RoleChooser } from './session/RoleChooser.tsx';
import { SESSION_QUERY_PARAMS, clearSession, loadSession, saveSession } from './session/sessionStore.ts';
import { ConsoleScreen } from './ConsoleScreen.tsx';
import { CrewScreen } from './crew/CrewScreen.tsx';
import { primeAudio } from './incidents/alertSound.ts';

/** Chooses the desk, then opens the console for it (or, for a crew, the phone-sized crew screen of its vehicle). */
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
    for (const param of SESSION_QUERY_PARAMS) url.searchParams.delete(param);
    window.history.replaceState(null, '', url);
    setSession(null);
  }

  if (!session) return <RoleChooser onChosen={handleChosen} />;
  if (session.role === 'crew') return <CrewScreen key={`crew:${session.unitId ?? ''}:${session.operatorId}`} session={session} onSignOut={handleSignOutClick} />;
  return <ConsoleScreen key={`${session.role}:${session.agency ?? ''}:${session.operatorId}`} session={session} onSignOut={handleSignOutClick} />;
}
