import type { EchoAlert } from './echoAlerts.ts';
import { formatElapsed, typeLabel, placeLabel } from './queueOrder.ts';
import { useNow } from './useNow.ts';

/** The banner names this many incidents; more are counted. */
const NAMED_ALERTS = 3;

interface AlertBannerProps {
  alerts: readonly EchoAlert[];
  /** Acknowledges every alert shown. */
  onAcknowledge: () => void;
  onShow: (incidentId: string) => void;
}

/**
 * [IQ2] Flashes while an Echo incident waits for a unit, until a unit is assigned or this desk acknowledges it
 * (the button, or E). Opening an incident from here does not acknowledge it: only assigning or acknowledging does.
 */
export function AlertBanner({ alerts, onAcknowledge, onShow }: AlertBannerProps) {
  const now = useNow();
  if (alerts.length === 0) return null;
  const named = alerts.slice(0, NAMED_ALERTS);
  return (
    <div className="alert-banner" role="alert" data-testid="alert-banner" data-count={alerts.length}>
      <strong>{alerts.length === 1 ? 'ECHO · NO UNIT' : `${alerts.length} ECHO · NO UNIT`}</strong>
      <span className="alert-list">
        {named.map((alert) => (
          <button
            key={alert.key}
            type="button"
            className="linklike"
            data-testid={`alert-${alert.incident.reference}`}
            title="Show this incident"
            onClick={() => onShow(alert.incident.id)}
          >
            {alert.incident.reference} · {typeLabel(alert.incident)} · {placeLabel(alert.incident)} · waiting {formatElapsed(alert.waitingSince, now)}
          </button>
        ))}
        {alerts.length > named.length && <span>+{alerts.length - named.length} more</span>}
      </span>
      <button type="button" className="ack" data-testid="alert-ack" onClick={onAcknowledge}>
        Acknowledge <kbd>E</kbd>
      </button>
    </div>
  );
}
