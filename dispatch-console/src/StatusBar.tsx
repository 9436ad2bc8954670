import type { ReactNode } from 'react';
import type { Session } from '../../shared/auth/roles.ts';
import type { ConnectionStatus } from './realtime/useLiveConnection.ts';
import { deskLabel } from './session/deskOptions.ts';
import { useNow } from './incidents/useNow.ts';

interface StatusBarProps {
  session: Session;
  status: ConnectionStatus;
  refusal: string | null;
  version: number;
  onSignOut: () => void;
  children?: ReactNode;
}

const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  disconnected: 'Reconnecting…',
};

/** Who is at the desk, whether the board is live, and the clock. */
export function StatusBar({ session, status, refusal, version, onSignOut, children }: StatusBarProps) {
  const now = useNow();
  const clock = new Date(now).toLocaleTimeString('en-ZA', { timeZone: 'Africa/Johannesburg', hour12: false });
  return (
    <header className="status-bar">
      <span className="brand">Emergency Connect</span>
      <span className="desk" data-testid="desk" data-role={session.role} data-agency={session.agency ?? 'combined'}>
        {deskLabel(session)} · {session.operatorId}
      </span>
      {children}
      <span className="spacer" />
      <span className={`conn conn-${status}`} data-testid="connection" data-status={status} title={refusal ?? undefined}>
        {STATUS_TEXT[status]}
        {refusal && status !== 'connected' ? ` (${refusal})` : ''}
      </span>
      <span className="muted small" data-testid="state-version">v{version < 0 ? '–' : version}</span>
      <span className="clock">{clock}</span>
      <button type="button" className="small" onClick={onSignOut}>
        Change desk
      </button>
    </header>
  );
}
