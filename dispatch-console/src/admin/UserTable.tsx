import { useState } from 'react';
import { DESK_LABELS, ROLE_LABELS } from '../../../shared/auth/roles.ts';
import type { User } from '../../../shared/auth/userSchema.ts';
import { PasswordReset } from './PasswordReset.tsx';

interface UserTableProps {
  users: readonly User[];
  /** The administrator's own id: they may not disable themselves (nobody would be left to enable them). */
  selfId: string;
  busyUserId: string | null;
  onResetPassword: (user: User, password: string) => Promise<boolean>;
  onSetDisabled: (user: User, isDisabled: boolean) => void;
}

/** Every user with role, desks, the vehicle a crew member is on, and whether they may sign in; with the row actions. */
export function UserTable({ users, selfId, busyUserId, onResetPassword, onSetDisabled }: UserTableProps) {
  const [resettingId, setResettingId] = useState<string | null>(null);
  // Disabling drops the user's consoles at once, so it takes a second click.
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const sorted = [...users].sort((a, b) => a.username.localeCompare(b.username));

  return (
    <table className="users-table" data-testid="users-table">
      <thead>
        <tr>
          <th>Username</th>
          <th>Name</th>
          <th>Role</th>
          <th>Desks / department</th>
          <th>Vehicle</th>
          <th>State</th>
          <th>Actions</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((user) => {
          const isBusy = busyUserId === user.id;
          const isSelf = user.id === selfId;
          return (
            <tr key={user.id} className={user.isDisabled ? 'disabled-user' : undefined} data-testid={`user-row-${user.username}`} data-disabled={String(user.isDisabled)}>
              <td className="mono">{user.username}</td>
              <td>{user.displayName}</td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>{user.department ?? user.desks.map((d) => DESK_LABELS[d]).join(', ')}</td>
              <td className="mono nowrap" data-testid={`user-vehicle-${user.username}`}>
                {user.unitId ? user.unitId.toUpperCase() : ''}
              </td>
              <td data-testid={`user-state-${user.username}`}>{user.isDisabled ? <span className="state-disabled">Disabled</span> : 'Active'}</td>
              <td>
                <div className="row-actions">
                  {resettingId === user.id ? (
                    <PasswordReset
                      username={user.username}
                      isSending={isBusy}
                      onCancel={() => setResettingId(null)}
                      onSave={(password) => void onResetPassword(user, password).then((done) => done && setResettingId(null))}
                    />
                  ) : (
                    <>
                      <button type="button" className="small" data-testid={`user-reset-${user.username}`} disabled={isBusy} onClick={() => setResettingId(user.id)}>
                        Reset password
                      </button>
                      {user.isDisabled ? (
                        <button type="button" className="small" data-testid={`user-enable-${user.username}`} disabled={isBusy} onClick={() => onSetDisabled(user, false)}>
                          Enable
                        </button>
                      ) : confirmingId === user.id ? (
                        <button
                          type="button"
                          className="small danger"
                          data-testid={`user-disable-confirm-${user.username}`}
                          autoFocus
                          disabled={isBusy}
                          onBlur={() => setConfirmingId(null)}
                          onClick={() => {
                            setConfirmingId(null);
                            onSetDisabled(user, true);
                          }}
                        >
                          Disable {user.username} now?
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="small"
                          data-testid={`user-disable-${user.username}`}
                          disabled={isBusy || isSelf}
                          title={isSelf ? 'You cannot disable your own account' : 'Their consoles are signed out at once'}
                          onClick={() => setConfirmingId(user.id)}
                        >
                          Disable
                        </button>
                      )}
                    </>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
