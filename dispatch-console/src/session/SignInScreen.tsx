import { useState } from 'react';
import type { FormEvent } from 'react';
import { DESK_LABELS, DESKS } from '../../../shared/auth/roles.ts';
import type { Desk } from '../../../shared/auth/roles.ts';
import type { SessionInfo } from '../../../shared/auth/userSchema.ts';
import { primeAudio } from '../incidents/alertSound.ts';
import { signIn } from './sessionApi.ts';
import { SIGN_IN_REASON_TEXT, signInErrorText } from './signInMessages.ts';
import type { SignInReason } from './signInMessages.ts';

interface SignInScreenProps {
  /** Why the last session ended, when it did not end by this console's own sign-out. */
  reason: SignInReason | null;
  onSignedIn: (info: SessionInfo) => void;
}

/** The desks the server offered, in the usual order (anything this console does not know is left out). */
function deskChoices(choices: readonly string[] | undefined): Desk[] {
  return DESKS.filter((desk) => choices?.includes(desk));
}

/**
 * The opening screen: username and password (Enter signs in). A dispatcher allowed at several desks is then asked
 * which desk they sit at for this shift. The role and desk come from the server, never from this form.
 */
export function SignInScreen({ reason, onSignedIn }: SignInScreenProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [desks, setDesks] = useState<Desk[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);

  async function send(desk?: Desk) {
    if (isSending) return;
    if (username.trim() === '' || password === '') {
      setError('Enter your username and password.');
      return;
    }
    // Signing in is a key press or click: the moment a browser lets the alert sound be unlocked.
    primeAudio();
    setSending(true);
    setError(null);
    const answer = await signIn(desk ? { username: username.trim(), password, desk } : { username: username.trim(), password });
    setSending(false);
    if (answer.ok) {
      onSignedIn(answer.data);
      return;
    }
    const choices = answer.error.code === 'desk_required' ? deskChoices(answer.error.choices) : [];
    if (choices.length > 0) {
      setDesks(choices);
      return;
    }
    setDesks(null);
    setError(signInErrorText(answer.error));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  function edit(set: (value: string) => void) {
    return (value: string) => {
      set(value);
      setDesks(null);
    };
  }

  return (
    <div className="chooser">
      <form className="chooser-card" onSubmit={handleSubmit} data-testid="sign-in" aria-busy={isSending}>
        <h1>Emergency Connect</h1>
        <p className="muted">City of Johannesburg · computer-aided dispatch</p>
        {reason && (
          <p className="sign-in-notice" role="status" data-testid="sign-in-notice" data-reason={reason}>
            {SIGN_IN_REASON_TEXT[reason]}
          </p>
        )}
        <label className="field">
          <span>Username</span>
          <input
            data-testid="sign-in-username"
            name="username"
            value={username}
            autoFocus
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            onChange={(e) => edit(setUsername)(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input data-testid="sign-in-password" name="password" type="password" value={password} autoComplete="current-password" onChange={(e) => edit(setPassword)(e.target.value)} />
        </label>
        {desks ? (
          <fieldset className="chooser-roles" data-testid="desk-choices">
            <legend>Which desk are you at?</legend>
            {desks.map((desk, i) => (
              <button key={desk} type="button" className="role-option desk-choice" data-testid={`desk-choice-${desk}`} autoFocus={i === 0} disabled={isSending} onClick={() => void send(desk)}>
                {DESK_LABELS[desk]}
              </button>
            ))}
          </fieldset>
        ) : (
          <button type="submit" className="primary" data-testid="sign-in-submit" disabled={isSending}>
            {isSending ? 'Signing in…' : 'Sign in'} <kbd>Enter</kbd>
          </button>
        )}
        {error && (
          <p className="error-text" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <a className="track-link" href="/track" data-testid="track-link">
          Follow a Care Connect ticket →
        </a>
      </form>
    </div>
  );
}
