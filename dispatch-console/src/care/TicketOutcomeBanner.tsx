import type { CareCatalogue } from '../../../shared/tickets/careServiceSchema.ts';
import { spokenReference } from '../../../shared/incidents/referenceNumber.ts';
import type { TicketOutcome } from './useTicketDesk.ts';
import { formatDate, spelledReference } from './ticketWords.ts';
import { useCityZone } from '../time/cityZone.ts';

interface TicketOutcomeBannerProps {
  outcome: TicketOutcome;
  catalogue: CareCatalogue;
  onDismiss: () => void;
}

/**
 * [CS2] The reference to read back, large and spelt out, with what to tell the caller: the callback the service
 * promises and when it should be resolved. A linked caller is given the existing ticket's reference.
 */
export function TicketOutcomeBanner({ outcome, catalogue, onDismiss }: TicketOutcomeBannerProps) {
  const timeZone = useCityZone();
  const { ticket } = outcome;
  const service = catalogue.service(ticket.serviceCode);
  const isLinked = outcome.kind === 'linked';
  return (
    <div className={`reference-banner care-reference${isLinked ? ' linked' : ''}`} data-testid="care-reference-banner" data-kind={outcome.kind} role="status">
      <div className="muted">{isLinked ? `Linked to the open ticket · ${ticket.callers.length} callers · read its reference back` : 'Ticket created · read the reference back to the caller'}</div>
      <div className="reference-big" data-testid="care-reference">
        {ticket.reference}
      </div>
      <div className="reference-spoken" data-testid="care-reference-spoken">
        {spokenReference(ticket.reference)}
      </div>
      <div className="reference-spelled" data-testid="care-reference-spelled">
        {spelledReference(ticket.reference)}
      </div>
      {service && (
        <div className="care-promise" data-testid="care-promise">
          <span className="muted small">Read out:</span> "{service.callbackPromise}"
        </div>
      )}
      <div className="muted small">
        {service?.name ?? ticket.serviceCode} · expected by {formatDate(ticket.expectedBy, timeZone)} · follow it at {window.location.origin}/track
      </div>
      <button type="button" onClick={onDismiss} data-testid="care-reference-dismiss">
        Done <kbd>Esc</kbd>
      </button>
    </div>
  );
}
