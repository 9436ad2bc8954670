import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { typeLabel, placeLabel } from './queueOrder.ts';

interface AlertBannerProps {
  alerts: readonly Incident[];
  onAcknowledge: () => void;
  onShow: (incidentId: string) => void;
}

/** Flashes for new top-priority incidents until someone acknowledges them. */
export function AlertBanner({ alerts, onAcknowledge, onShow }: AlertBannerProps) {
  const first = alerts[0];
  if (!first) return null;
  return (
    <div className="alert-banner" role="alert" data-testid="alert-banner">
      <strong>NEW ECHO</strong>
      <button type="button" className="linklike" onClick={() => onShow(first.id)}>
        {first.reference} · {typeLabel(first)} · {placeLabel(first)}
      </button>
      {alerts.length > 1 && <span>+{alerts.length - 1} more</span>}
      <button type="button" className="ack" data-testid="alert-ack" onClick={onAcknowledge}>
        Acknowledge
      </button>
    </div>
  );
}
