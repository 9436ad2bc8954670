import type { ReactNode } from 'react';
import type { Session } from '../../shared/auth/roles.ts';
import { zoneAbbreviation } from '../../shared/time/zonedTime.ts';
import type { ConnectionStatus } from './realtime/useLiveConnection.ts';
import { refusalText } from './realtime/handshakeRefusal.ts';
import { roleLabel } from './session/sessionLabel.ts';
import { useNow } from './incidents/useNow.ts';
import { useCityZone } from './time/cityZone.ts';

interface StatusBarProps {
  session: Session;
  status: ConnectionStatus;
  refusal: string | null;
  /** The live state's version; left out on screens without a board (the administrator's). */
  version?: number;
  onSignOut: () => void;
  children?: ReactNode;
}

const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  disconnected: 'Reconnecting…',
};

/** Who is signed in and at which desk, whether the console is live, and the clock. */
export function StatusBar({ session, status, refusal, version, onSignOut, children }: StatusBarProps) {
  const now = useNow();
  const timeZone = useCityZone();
  // [OP2] The city's clock, named by its zone as people there say it ("SAST"), whatever the browser is set to.
  const clock = new Date(now).toLocaleTimeString('en-ZA', { timeZone, hour12: false });
  return (
    <header className="status-bar">
      <span className="brand">Emergency Connect</span>
      <span className="desk" data-testid="desk" data-role={session.role} data-desk={session.desk ?? ''} data-agency={session.agency ?? 'combined'} title={session.username}>
        {roleLabel(session)} · <span data-testid="display-name">{session.displayName}</span>
      </span>
      {children}
      <span className="spacer" />
      <span className={`conn conn-${status}`} data-testid="connection" data-status={status} title={refusal ?? undefined}>
        {STATUS_TEXT[status]}
        {refusal && status !== 'connected' ? ` (${refusalText(refusal)})` : ''}
      </span>
      {version !== undefined && <span className="muted small" data-testid="state-version">v{version < 0 ? '–' : version}</span>}
      <span className="clock" data-testid="clock" title={timeZone}>
        {clock} <span className="muted small">{zoneAbbreviation(timeZone, now)}</span>
      </span>
      <button type="button" className="small" data-testid="sign-out" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
