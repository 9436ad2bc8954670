import { useState } from 'react';
import type { Session } from '../../../shared/auth/roles.ts';
import type { User } from '../../../shared/auth/userSchema.ts';
import type { LiveConnection } from '../realtime/useLiveConnection.ts';
import { StatusBar } from '../StatusBar.tsx';
import { AddUserForm } from './AddUserForm.tsx';
import { FleetPanel } from './FleetPanel.tsx';
import { Open311Keys } from './Open311Keys.tsx';
import { UserTable } from './UserTable.tsx';
import { adminErrorText } from './adminMessages.ts';
import { useUsers } from './useUsers.ts';

interface UsersScreenProps {
  session: Session;
  live: LiveConnection;
  onSignOut: () => void;
}

/** What the last row action did, for the line above the table. */
interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

/** The administrator's two views. */
type AdminView = 'users' | 'fleet';

/**
 * [AU5][CS12][FL2] The administrator's screen: the users and what can be done to them with the Open311 apps' keys,
 * and the fleet (a tab beside, its view kept once opened so that a half-filled form survives a look at the users).
 * No map, no board, no calls.
 */
export function UsersScreen({ session, live, onSignOut }: UsersScreenProps) {
  const users = useUsers(live.commands, live.status === 'connected');
  const [busyUserId, setBusyUserId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [view, setView] = useState<AdminView>('users');
  const [isFleetOpened, setFleetOpened] = useState(false);

  async function resetPassword(user: User, password: string): Promise<boolean> {
    setBusyUserId(user.id);
    const answer = await users.resetPassword(user.id, password);
    setBusyUserId(null);
    setNotice(answer.ok ? { kind: 'ok', text: `New password set for ${user.username}; any console they had open was signed out.` } : { kind: 'error', text: adminErrorText(answer.error) });
    return answer.ok;
  }

  async function setDisabled(user: User, isDisabled: boolean) {
    setBusyUserId(user.id);
    const answer = await users.setDisabled(user.id, isDisabled);
    setBusyUserId(null);
    if (!answer.ok) setNotice({ kind: 'error', text: adminErrorText(answer.error) });
    else setNotice({ kind: 'ok', text: isDisabled ? `${user.username} is disabled and was signed out everywhere.` : `${user.username} may sign in again.` });
  }

  return (
    <div className="console">
      <StatusBar session={session} status={live.status} refusal={live.refusal} onSignOut={onSignOut}>
        <span className="view-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={view === 'users'} className={view === 'users' ? 'tab active' : 'tab'} data-testid="admin-view-users" onClick={() => setView('users')}>
            Users & apps
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={view === 'fleet'}
            className={view === 'fleet' ? 'tab active' : 'tab'}
            data-testid="admin-view-fleet"
            onClick={() => {
              setFleetOpened(true);
              setView('fleet');
            }}
          >
            Fleet
          </button>
        </span>
      </StatusBar>
      {isFleetOpened && <FleetPanel commands={live.commands} isConnected={live.status === 'connected'} hidden={view !== 'fleet'} />}
      <main className="admin" data-testid="users-screen" hidden={view !== 'users'}>
        <div className="admin-main">
          <section className="panel users">
            <header className="panel-head">
              <h2>Users</h2>
              <button type="button" className="small" data-testid="users-refresh" disabled={users.isLoading} onClick={users.reload}>
                {users.isLoading ? 'Reading…' : 'Refresh'}
              </button>
            </header>
            {notice && (
              <p className={notice.kind === 'ok' ? 'ok-text' : 'error-text'} role="status" data-testid="users-notice" data-kind={notice.kind}>
                {notice.text}
              </p>
            )}
            {users.error && <p className="error-text" data-testid="users-error">{users.error}</p>}
            <div className="users-scroll">
              {users.users ? (
                <UserTable users={users.users} selfId={session.userId} busyUserId={busyUserId} onResetPassword={resetPassword} onSetDisabled={(user, d) => void setDisabled(user, d)} />
              ) : (
                <p className="muted empty">{live.status === 'connected' ? 'Reading the users…' : 'Connecting…'}</p>
              )}
            </div>
          </section>
          <Open311Keys commands={live.commands} isConnected={live.status === 'connected'} />
        </div>
        <AddUserForm onCreate={users.create} />
      </main>
    </div>
  );
}
