import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Session } from '../../../shared/auth/roles.ts';
import { UnitIdSchema } from '../../../shared/units/unitSchema.ts';
import type { LiveConnection } from '../realtime/useLiveConnection.ts';
import { useCrewTheme } from './useCrewTheme.ts';
import { CrewTopActions } from './CrewTopActions.tsx';
import { signOnErrorText } from './signOnMessages.ts';

interface CrewSignOnScreenProps {
  session: Session;
  live: LiveConnection;
  /** Signed on: the session now names the vehicle. */
  onSignedOn: () => void;
  onSignOut: () => void;
}

/** [CR2] A crew member signed in but on no vehicle yet: types the call sign on the vehicle to sign on for the shift. */
export function CrewSignOnScreen({ session, live, onSignedOn, onSignOut }: CrewSignOnScreenProps) {
  const { isLight, toggle } = useCrewTheme();
  const [text, setText] = useState('');
  const [error, setError] = useState<{ text: string; code: string } | null>(null);
  const [isSending, setSending] = useState(false);
  const isConnected = live.status === 'connected';

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    // Unit ids are the call sign in lower case (ALS-F03 is als-f03).
    const parsed = UnitIdSchema.safeParse(text.trim().toLowerCase());
    if (!parsed.success) {
      setError({ text: 'Type the call sign on the vehicle, e.g. ALS-F03.', code: 'validation_failed' });
      return;
    }
    setSending(true);
    setError(null);
    const answer = await live.commands.sendCommand('crew:sign_on', { unitId: parsed.data });
    setSending(false);
    if (answer.ok) onSignedOn();
    else setError({ text: signOnErrorText(answer.error, parsed.data), code: answer.error.code });
  }

  return (
    <div className={`crew${isLight ? ' theme-light' : ''}`} data-testid="crew-sign-on-screen">
      <header className="crew-top">
        <span className="crew-callsign">{session.displayName}</span>
        <CrewTopActions displayName={session.displayName} isLight={isLight} onToggleTheme={toggle} onSignOut={onSignOut} />
      </header>
      <div className="crew-lines">
        <span className="crew-location">Not on a vehicle</span>
        <span className={`crew-conn conn-${live.status}`} data-testid="connection" data-status={live.status}>
          {isConnected ? 'Live' : 'Offline'}
        </span>
      </div>
      <main className="crew-body">
        <form className="crew-card crew-sign-on" onSubmit={(e) => void handleSubmit(e)} data-testid="crew-sign-on">
          <h2>Sign on to a vehicle</h2>
          <label className="crew-field">
            <span className="crew-muted">Call sign on the vehicle</span>
            <input
              data-testid="crew-sign-on-unit"
              value={text}
              placeholder="e.g. ALS-F03"
              autoFocus
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          {error && (
            <p className="crew-error" role="alert" data-testid="crew-sign-on-error" data-code={error.code}>
              {error.text}
            </p>
          )}
          <button type="submit" className="crew-big" data-testid="crew-sign-on-submit" disabled={isSending}>
            {isSending ? 'Signing on…' : 'Sign on'}
            {isSending && !isConnected && <small>Offline · will send when back</small>}
          </button>
        </form>
      </main>
    </div>
  );
}
