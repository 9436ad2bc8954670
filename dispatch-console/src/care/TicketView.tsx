import type { ReactNode } from 'react';
import type { CareCatalogue } from '../../../shared/tickets/careServiceSchema.ts';
import { TICKET_CHANNEL_LABELS, TICKET_STATUS_LABELS, type Ticket } from '../../../shared/tickets/ticketSchema.ts';
import { isTicketOverdue } from '../../../shared/tickets/ticketSteps.ts';
import { formatLatLng } from '../calls/locationQuery.ts';
import { callerLine, formatDate, formatDue } from './ticketWords.ts';
import { useCityZone } from '../time/cityZone.ts';

interface TicketViewProps {
  ticket: Ticket;
  catalogue: CareCatalogue;
  now: number;
  /** Actions and forms shown under the summary (callbacks, escalation, a status change). */
  children?: ReactNode;
}

/**
 * [CS5] A ticket as the city sees it: its service and department, state and expected date, where, what the callers
 * said and the service's fields, who called (every linked caller), its history with the public and the internal
 * notes, and the Emergency Connect incident it was escalated to. The agent sees here what the resident sees on the
 * resident page (the public notes), and more.
 */
export function TicketView({ ticket, catalogue, now, children }: TicketViewProps) {
  const timeZone = useCityZone();
  const service = catalogue.service(ticket.serviceCode);
  const department = catalogue.department(ticket.department);
  const isOverdue = isTicketOverdue(ticket, now);
  return (
    <div className="ticket-view" data-testid="ticket-view" data-reference={ticket.reference} data-status={ticket.status}>
      <div className="incident-summary">
        <div className="lookup-ref">
          <span className="ref" data-testid="ticket-reference">
            {ticket.reference}
          </span>
          <span className={`ticket-status ticket-status-${ticket.status}`} data-testid="ticket-status">
            {TICKET_STATUS_LABELS[ticket.status]}
          </span>
        </div>
        <div className="summary-type">{service?.name ?? ticket.serviceCode}</div>
        <div className="muted">
          {department?.name ?? ticket.department} · {TICKET_CHANNEL_LABELS[ticket.channel]} · logged {formatDate(ticket.createdAt, timeZone)}
        </div>
        <div className={isOverdue ? 'ticket-due overdue' : 'ticket-due'} data-testid="ticket-due">
          Expected by {formatDate(ticket.expectedBy, timeZone)}
          {ticket.closedAt === null ? ` · ${formatDue(ticket.expectedBy, now)}` : ` · closed ${formatDate(ticket.closedAt, timeZone)}`}
        </div>
        {(ticket.address || ticket.location) && (
          <div>
            At: {ticket.address || (ticket.location ? formatLatLng(ticket.location) : '')}
            {ticket.ward !== null && <span className="muted"> · Ward {ticket.ward}</span>}
            {ticket.region !== null && <span className="muted"> · Region {ticket.region}</span>}
          </div>
        )}
        <div className="ticket-description">{ticket.description}</div>
        {Object.keys(ticket.extra).length > 0 && (
          <dl className="ticket-extra" data-testid="ticket-extra">
            {Object.entries(ticket.extra).map(([key, value]) => (
              <div key={key}>
                <dt>{service?.extraFields.find((f) => f.key === key)?.label ?? key}</dt>
                <dd className="mono">{value}</dd>
              </div>
            ))}
          </dl>
        )}
        {ticket.incidentId && (
          <div className="ticket-escalated" data-testid="ticket-incident">
            Escalated to Emergency Connect: <span className="ref">{ticket.incidentId}</span>
          </div>
        )}
        {ticket.duplicateOf && <div className="muted">Duplicate of {ticket.duplicateOf}</div>}
      </div>
      <div className="ticket-section">
        <h3>Callers ({ticket.callers.length})</h3>
        <ol className="ticket-callers" data-testid="ticket-callers">
          {ticket.callers.map((caller, i) => (
            <li key={`${caller.at}-${i}`}>
              {callerLine(caller)}
              {caller.email && <span className="muted"> · {caller.email}</span>}
              <span className="muted small"> · {formatDate(caller.at, timeZone)}</span>
            </li>
          ))}
        </ol>
      </div>
      {children}
      <div className="ticket-section">
        <h3>History</h3>
        <ol className="ticket-history" data-testid="ticket-history">
          {ticket.history.map((entry, i) => (
            <li key={`${entry.at}-${i}`}>
              <div className="history-head">
                <span className={`ticket-status ticket-status-${entry.status}`}>{TICKET_STATUS_LABELS[entry.status]}</span>
                <span className="muted small">
                  {formatDate(entry.at, timeZone)} · {entry.by}
                </span>
              </div>
              {entry.publicNote && <div className="history-public">{entry.publicNote}</div>}
              {entry.internalNote && (
                <div className="history-internal">
                  <span className="internal-tag">internal</span> {entry.internalNote}
                </div>
              )}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
