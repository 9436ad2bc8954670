import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Session } from '../../../shared/auth/roles.ts';
import { DESK_ROLES, ROLE_LABELS, parseDeskSession } from './sessionStore.ts';
import type { DeskRole } from './sessionStore.ts';

interface RoleChooserProps {
  onChosen: (session: Session) => void;
}

/** The opening screen: who is at this desk. */
export function RoleChooser({ onChosen }: RoleChooserProps) {
  const [role, setRole] = useState<DeskRole>('dispatcher');
  const [operatorId, setOperatorId] = useState('');
  const [error, setError] = useState<string | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const session = parseDeskSession({ role, operatorId: operatorId.trim() });
    if (!session) {
      setError('Operator id: 1-40 letters, digits or . _ @ -');
      return;
    }
    onChosen(session);
  }

  return (
    <div className="chooser">
      <form className="chooser-card" onSubmit={handleSubmit} data-testid="role-chooser">
        <h1>Emergency Connect</h1>
        <p className="muted">City of Johannesburg · computer-aided dispatch</p>
        <fieldset className="chooser-roles">
          <legend>Desk</legend>
          {DESK_ROLES.map((r) => (
            <label key={r} className={r === role ? 'role-option selected' : 'role-option'}>
              <input type="radio" name="role" value={r} checked={r === role} onChange={() => setRole(r)} />
              {ROLE_LABELS[r]}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Operator id</span>
          <input
            data-testid="operator-id"
            value={operatorId}
            autoFocus
            onChange={(e) => setOperatorId(e.target.value)}
            placeholder="e.g. d1"
          />
        </label>
        {error && <p className="error-text">{error}</p>}
        <button type="submit" className="primary" data-testid="start-session">
          Open console
        </button>
      </form>
    </div>
  );
}
