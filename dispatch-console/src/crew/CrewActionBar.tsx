import type { UnitStatus } from '../../../shared/units/unitStatus.ts';
import type { ConnectionStatus } from '../realtime/useLiveConnection.ts';
import { crewActions } from './crewFlow.ts';
import type { CrewAction } from './crewFlow.ts';
import type { PendingCommand } from './useCrewCommand.ts';

interface CrewActionBarProps {
  status: UnitStatus;
  needsAck: boolean;
  pending: PendingCommand | null;
  connection: ConnectionStatus;
  error: string | null;
  onAcknowledge: () => void;
  onAction: (action: CrewAction) => void;
  onClearError: () => void;
}

/**
 * The bottom of the crew screen, always in reach of a thumb: one big Acknowledge while the job is unacknowledged,
 * then the next status; the other allowed statuses under "Other status". A tapped command shows "Sending…", or
 * "Offline · will resend" while the connection is down (it is resent with the same id when it returns).
 */
export function CrewActionBar({ status, needsAck, pending, connection, error, onAcknowledge, onAction, onClearError }: CrewActionBarProps) {
  const actions = crewActions(status);
  const primary = actions.find((a) => a.isPrimary) ?? null;
  const others = actions.filter((a) => !a.isPrimary);
  const isOffline = connection !== 'connected';

  return (
    <footer className="crew-actions" data-testid="crew-actions">
      {error && (
        <button type="button" className="crew-error crew-error-button" data-testid="crew-command-error" onClick={onClearError}>
          {error} · tap to dismiss
        </button>
      )}
      {pending ? (
        <button
          type="button"
          className={`crew-big pending${isOffline ? ' offline' : ''}`}
          data-testid="crew-pending"
          data-action={pending.action}
          data-state={isOffline ? 'offline' : 'sending'}
          disabled
        >
          <span>{pending.label}</span>
          <small>{isOffline ? 'Offline · will resend when back' : 'Sending…'}</small>
        </button>
      ) : needsAck ? (
        <button type="button" className="crew-big acknowledge" data-testid="crew-acknowledge" onClick={onAcknowledge}>
          ACKNOWLEDGE
          <small>Tell the control room you have the job</small>
        </button>
      ) : primary ? (
        <button type="button" className={`crew-big status-${primary.status}`} data-testid={`crew-status-${primary.status}`} onClick={() => onAction(primary)}>
          {primary.label}
          {primary.needsHospital && <small>Choose the hospital next</small>}
        </button>
      ) : null}
      {!needsAck && !pending && others.length > 0 && (
        <details className="crew-other">
          <summary>Other status</summary>
          <div className="crew-other-buttons">
            {others.map((a) => (
              <button key={a.status} type="button" className="crew-secondary" data-testid={`crew-status-${a.status}`} onClick={() => onAction(a)}>
                {a.label}
              </button>
            ))}
          </div>
        </details>
      )}
    </footer>
  );
}
