import type { CareCatalogue } from '../../../shared/tickets/careServiceSchema.ts';
import { TICKET_STATUS_LABELS, type TicketDuplicate } from '../../../shared/tickets/ticketSchema.ts';
import { formatDistance } from '../dispatch/pickAssignment.ts';
import { formatSpan } from './ticketWords.ts';

interface TicketDuplicatesPanelProps {
  duplicates: readonly TicketDuplicate[];
  catalogue: CareCatalogue;
  selectedId: string | null;
  isSending: boolean;
  onSelect: (ticketId: string) => void;
  onLink: (ticketId: string) => void;
}

/**
 * [CS5][CC3] Open tickets of the same service within 500 m: a burst pipe reported by twenty neighbours is one job.
 * Ctrl+L adds this caller to the chosen one (the nearest unless another is chosen with Alt+↑/↓) and gives them its
 * reference, instead of a new ticket.
 */
export function TicketDuplicatesPanel({ duplicates, catalogue, selectedId, isSending, onSelect, onLink }: TicketDuplicatesPanelProps) {
  if (duplicates.length === 0) return null;
  const selected = duplicates.find((d) => d.ticket.id === selectedId) ?? duplicates[0];
  return (
    <section className="panel duplicates likely" data-testid="care-duplicates" aria-label="Possibly the same job">
      <header className="panel-head">
        <h2>Already reported?</h2>
        <span className="small muted">{duplicates.length} open within 500 m</span>
      </header>
      <div className="call-keys small muted">
        Same problem? Link this caller to the open ticket: <kbd>Ctrl+L</kbd> · <kbd>Alt+↑</kbd>/<kbd>Alt+↓</kbd> choose
      </div>
      <ol className="duplicate-list">
        {duplicates.map((d) => {
          const isSelected = d.ticket.id === selected?.ticket.id;
          return (
            <li key={d.ticket.id} className={`duplicate${isSelected ? ' selected' : ''}`} data-testid={`care-duplicate-${d.ticket.reference}`} data-selected={isSelected ? 'true' : 'false'} onClick={() => onSelect(d.ticket.id)}>
              <div className="dup-top">
                <span className="ref">{d.ticket.reference}</span>
                <span className="muted small">{TICKET_STATUS_LABELS[d.ticket.status]}</span>
              </div>
              <div className="dup-type">{catalogue.service(d.ticket.serviceCode)?.name ?? d.ticket.serviceCode}</div>
              <div className="dup-meta small">
                {formatDistance(d.distanceMeters)} away · logged {formatSpan(d.ageHours * 3_600_000)} ago · {d.ticket.callers.length} caller{d.ticket.callers.length === 1 ? '' : 's'}
              </div>
              {d.ticket.address && <div className="dup-reasons small muted">{d.ticket.address}</div>}
            </li>
          );
        })}
      </ol>
      {selected && (
        <button type="button" className="primary link-button" data-testid="care-link" disabled={isSending} onClick={() => onLink(selected.ticket.id)}>
          Link this caller to {selected.ticket.reference} <kbd>Ctrl+L</kbd>
        </button>
      )}
    </section>
  );
}
