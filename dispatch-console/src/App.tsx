import { ResidentPage, TRACK_PATH } from './care/ResidentPage.tsx';
import { SignInScreen } from './session/SignInScreen.tsx';
import { useAuth } from './session/useAuth.ts';
import { SignedInConsole } from './SignedInConsole.tsx';

/** The resident page is public (no sign-in); every other path is the staff console. */
export function App() {
  return window.location.pathname === TRACK_PATH || window.location.pathname.startsWith(`${TRACK_PATH}/`) ? <ResidentPage /> : <StaffConsole />;
}

/** Signs in, then opens the screens of the signed-in user's role; back to sign-in when the session ends. */
function StaffConsole() {
  const auth = useAuth();
  const { state } = auth;
  if (state.phase === 'checking') {
    return (
      <div className="chooser" data-testid="session-checking">
        <p className="muted">Emergency Connect · checking your sign-in…</p>
      </div>
    );
  }
  if (state.phase === 'signed_out') return <SignInScreen reason={state.reason} onSignedIn={auth.signedIn} />;
  // A new sign-in always passes through the sign-in screen, so one user's console never carries over to the next.
  return <SignedInConsole key={state.info.session.userId} info={state.info} auth={auth} />;
}
