import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Session } from '../../../shared/auth/roles.ts';
import { parseDeskSession } from './sessionStore.ts';
import { DESK_OPTIONS } from './deskOptions.ts';

interface RoleChooserProps {
  onChosen: (session: Session) => void;
}

/** The opening screen: which desk this is (call taking, an agency's dispatch, combined dispatch, supervisor) and who sits at it. */
export function RoleChooser({ onChosen }: RoleChooserProps) {
  const [deskId, setDeskId] = useState<string>('call_taker');
  const [operatorId, setOperatorId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const desk = DESK_OPTIONS.find((d) => d.id === deskId) ?? DESK_OPTIONS[0];

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!desk) return;
    const isCrew = desk.role === 'crew';
    const session = parseDeskSession({
      role: desk.role,
      operatorId: operatorId.trim(),
      ...(desk.agency ? { agency: desk.agency } : {}),
      ...(isCrew ? { unitId: unitId.trim().toLowerCase() } : {}),
    });
    if (!session) {
      setError(isCrew ? 'Unit id (e.g. als-f03) and operator id: letters, digits or . _ @ -' : 'Operator id: 1-40 letters, digits or . _ @ -');
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
          <legend>Desk (↑/↓ to choose)</legend>
          {DESK_OPTIONS.map((d) => (
            <label key={d.id} className={d.id === deskId ? 'role-option selected' : 'role-option'} data-testid={`desk-${d.id}`}>
              <input type="radio" name="desk" value={d.id} checked={d.id === deskId} onChange={() => setDeskId(d.id)} />
              {d.label}
            </label>
          ))}
        </fieldset>
        {desk?.role === 'crew' && (
          <label className="field">
            <span>Unit id (the vehicle)</span>
            <input data-testid="unit-id" value={unitId} onChange={(e) => setUnitId(e.target.value)} placeholder="e.g. als-f03" autoCapitalize="none" />
          </label>
        )}
        <label className="field">
          <span>Operator id</span>
          <input data-testid="operator-id" value={operatorId} autoFocus onChange={(e) => setOperatorId(e.target.value)} placeholder="e.g. ct1" />
        </label>
        {error && <p className="error-text">{error}</p>}
        <button type="submit" className="primary" data-testid="start-session">
          Open console <kbd>Enter</kbd>
        </button>
      </form>
    </div>
  );
}
