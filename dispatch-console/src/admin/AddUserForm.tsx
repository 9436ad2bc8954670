import { useState } from 'react';
import type { FormEvent } from 'react';
import { DESK_LABELS, DESKS, PERSON_ROLES, ROLE_LABELS } from '../../../shared/auth/roles.ts';
import type { Desk, PersonRole } from '../../../shared/auth/roles.ts';
import { UserCreateInputSchema } from '../../../shared/auth/userSchema.ts';
import type { User, UserCreateInput } from '../../../shared/auth/userSchema.ts';
import type { Result } from '../../../shared/protocol/result.ts';
import { adminErrorText, fieldProblems } from './adminMessages.ts';
import { useCareServices } from '../care/useCareServices.ts';

interface AddUserFormProps {
  onCreate: (input: UserCreateInput) => Promise<Result<User>>;
}

interface Draft {
  username: string;
  displayName: string;
  role: PersonRole;
  desks: Desk[];
  /** [CS10] A department officer's department ('' until chosen). */
  department: string;
  password: string;
}

const EMPTY_DRAFT: Draft = { username: '', displayName: '', role: 'call_taker', desks: [], department: '', password: '' };

/**
 * [AU5][CS10] Adds a user: a role, the desks a dispatcher may sit at or the department an officer works for (from
 * the city's Care Connect departments), and a first password to hand over in person.
 */
export function AddUserForm({ onCreate }: AddUserFormProps) {
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<string[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  const isDispatcher = draft.role === 'dispatcher';
  const isOfficer = draft.role === 'department_officer';
  const { catalogue } = useCareServices();

  function edit(change: Partial<Draft>) {
    setDraft((current) => ({ ...current, ...change }));
    setAdded(null);
  }

  function toggleDesk(desk: Desk, isOn: boolean) {
    edit({ desks: isOn ? DESKS.filter((d) => d === desk || draft.desks.includes(d)) : draft.desks.filter((d) => d !== desk) });
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    // Only a dispatcher sits at a desk: ticked desks are dropped when the role was changed afterwards.
    // Only an officer works for a department: a chosen one is dropped when the role was changed afterwards.
    const { department, ...rest } = draft;
    const checked = UserCreateInputSchema.safeParse({ ...rest, desks: isDispatcher ? draft.desks : [], ...(isOfficer && department !== '' ? { department } : {}) });
    if (!checked.success) {
      setProblems(fieldProblems(checked.error.issues.map((issue) => issue.path.join('.'))));
      return;
    }
    setSending(true);
    setProblems([]);
    const answer = await onCreate(checked.data);
    setSending(false);
    if (!answer.ok) {
      setProblems([adminErrorText(answer.error, checked.data.username)]);
      return;
    }
    setAdded(answer.data.username);
    setDraft(EMPTY_DRAFT);
  }

  return (
    <section className="panel add-user">
      <header className="panel-head">
        <h2>Add a user</h2>
      </header>
      <form className="admin-form" onSubmit={(e) => void handleSubmit(e)} data-testid="add-user-form">
        <label className="field">
          <span>Username (to sign in with)</span>
          <input data-testid="add-user-username" value={draft.username} autoCapitalize="none" spellCheck={false} autoComplete="off" onChange={(e) => edit({ username: e.target.value })} />
        </label>
        <label className="field">
          <span>Name</span>
          <input data-testid="add-user-name" value={draft.displayName} autoComplete="off" onChange={(e) => edit({ displayName: e.target.value })} />
        </label>
        <label className="field">
          <span>Role</span>
          <select data-testid="add-user-role" value={draft.role} onChange={(e) => edit({ role: PERSON_ROLES.find((r) => r === e.target.value) ?? 'call_taker' })}>
            {PERSON_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </label>
        {isDispatcher && (
          <fieldset className="desk-checks" data-testid="add-user-desks">
            <legend>Desks they may sit at</legend>
            {DESKS.map((desk) => (
              <label key={desk} className="check">
                <input type="checkbox" data-testid={`add-user-desk-${desk}`} checked={draft.desks.includes(desk)} onChange={(e) => toggleDesk(desk, e.target.checked)} />
                {DESK_LABELS[desk]}
              </label>
            ))}
          </fieldset>
        )}
        {isOfficer && (
          <label className="field">
            <span>Department they work for</span>
            <select data-testid="add-user-department" value={draft.department} onChange={(e) => edit({ department: e.target.value })}>
              <option value="">{catalogue ? 'Choose a department…' : 'Loading the departments…'}</option>
              {catalogue?.file.departments.map((department) => (
                <option key={department.code} value={department.code}>
                  {department.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>First password (10 characters or more)</span>
          <input data-testid="add-user-password" type="password" value={draft.password} autoComplete="new-password" onChange={(e) => edit({ password: e.target.value })} />
        </label>
        {problems.length > 0 && (
          <div className="error-text" role="alert" data-testid="add-user-error">
            {problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
          </div>
        )}
        {added && (
          <p className="ok-text" role="status" data-testid="add-user-done">
            Added {added}.
          </p>
        )}
        <button type="submit" className="primary" data-testid="add-user-submit" disabled={isSending}>
          {isSending ? 'Adding…' : 'Add user'}
        </button>
      </form>
    </section>
  );
}
