import { useEffect, useRef } from 'react';
import type { CareCatalogue } from '../../../shared/tickets/careServiceSchema.ts';
import { TICKET_STATUS_LABELS, TICKET_STATUSES, type Ticket } from '../../../shared/tickets/ticketSchema.ts';
import { overdueCallbacks } from '../../../shared/tickets/ticketSteps.ts';
import { TICKET_GROUP_LABELS, ticketGroupOf, type TicketFilter, type TicketGroup } from './ticketQueueOrder.ts';
import { formatDue, formatDate } from './ticketWords.ts';
import { useCityZone } from '../time/cityZone.ts';

interface TicketQueueListProps {
  title: string;
  tickets: readonly Ticket[];
  /** How many tickets the queue holds before the filter. */
  total: number;
  catalogue: CareCatalogue;
  selectedId: string | null;
  now: number;
  filter: TicketFilter;
  onFilter: (filter: TicketFilter) => void;
  onSelect: (ticketId: string) => void;
}

/**
 * [CS6] A department's tickets, what needs doing first on top, under a header per group with its count: overdue
 * (red), owing a callback past its time (amber), open on time, closed recently. Filtered by state and by words.
 */
export function TicketQueueList({ title, tickets, total, catalogue, selectedId, now, filter, onFilter, onSelect }: TicketQueueListProps) {
  const timeZone = useCityZone();
  const listRef = useRef<HTMLOListElement | null>(null);
  useEffect(() => {
    if (!selectedId || !listRef.current) return;
    listRef.current.querySelector<HTMLElement>(`[data-ticket-id="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const counts = new Map<TicketGroup, number>();
  for (const ticket of tickets) counts.set(ticketGroupOf(ticket, now), (counts.get(ticketGroupOf(ticket, now)) ?? 0) + 1);

  return (
    <section className="panel queue ticket-queue" data-testid="ticket-queue" aria-label={title}>
      <header className="panel-head">
        <h2>{title}</h2>
        <span className="count" data-testid="ticket-queue-count">
          {tickets.length === total ? `${total}` : `${tickets.length} of ${total}`}
        </span>
      </header>
      <div className="ticket-filter">
        <select data-testid="ticket-filter-status" aria-label="Show tickets in this state" value={filter.status} onChange={(e) => onFilter({ ...filter, status: e.target.value === 'all' || e.target.value === 'open_any' ? e.target.value : (TICKET_STATUSES.find((s) => s === e.target.value) ?? 'all') })}>
          <option value="all">Every ticket</option>
          <option value="open_any">Open only</option>
          {TICKET_STATUSES.map((status) => (
            <option key={status} value={status}>
              {TICKET_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        <input data-field="ticket-filter" data-testid="ticket-filter-text" value={filter.text} placeholder="Filter: service, reference, street, meter…" aria-label="Filter the tickets by words" onChange={(e) => onFilter({ ...filter, text: e.target.value })} />
      </div>
      {tickets.length === 0 && <p className="muted empty">{total === 0 ? 'No open tickets.' : 'No ticket matches the filter.'}</p>}
      <ol ref={listRef} className="queue-list">
        {tickets.map((ticket, index) => {
          const group = ticketGroupOf(ticket, now);
          const previous = index > 0 ? tickets[index - 1] : undefined;
          const startsGroup = !previous || ticketGroupOf(previous, now) !== group;
          const lateCallbacks = overdueCallbacks(ticket, now).length;
          const dueCallbacks = ticket.callbacks.filter((cb) => cb.status === 'due').length;
          const isSelected = ticket.id === selectedId;
          const row = (
            <li
              key={ticket.id}
              data-testid={`ticket-row-${ticket.reference}`}
              data-ticket-id={ticket.id}
              data-status={ticket.status}
              data-group={group}
              className={`queue-row ticket-row group-${group}${isSelected ? ' selected' : ''}`}
              aria-selected={isSelected}
              onClick={() => onSelect(ticket.id)}
            >
              <div className="row-top">
                <span className="ref">{ticket.reference}</span>
                <span className={`ticket-status ticket-status-${ticket.status}`}>{TICKET_STATUS_LABELS[ticket.status]}</span>
              </div>
              <div className="row-type">{catalogue.service(ticket.serviceCode)?.name ?? ticket.serviceCode}</div>
              <div className="row-meta">
                <span>{ticket.address || (ticket.ward !== null ? `Ward ${ticket.ward}` : 'No place given')}</span>
                <span className={group === 'overdue' ? 'overdue-text' : undefined}>{ticket.closedAt === null ? formatDue(ticket.expectedBy, now) : `closed ${formatDate(ticket.closedAt, timeZone)}`}</span>
              </div>
              <div className="row-meta">
                <span>
                  {ticket.callers.length} caller{ticket.callers.length === 1 ? '' : 's'}
                </span>
                {dueCallbacks > 0 && (
                  <span className={lateCallbacks > 0 ? 'overdue-text' : 'muted'} data-testid="ticket-row-callbacks">
                    {dueCallbacks} callback{dueCallbacks === 1 ? '' : 's'} owed{lateCallbacks > 0 ? `, ${lateCallbacks} late` : ''}
                  </span>
                )}
              </div>
            </li>
          );
          if (!startsGroup) return row;
          return [
            <li key={`group-${group}`} className={`queue-group ticket-group-${group}`} aria-hidden="true" data-testid={`ticket-group-${group}`}>
              {TICKET_GROUP_LABELS[group]} <span className="count">{counts.get(group) ?? 0}</span>
            </li>,
            row,
          ];
        })}
      </ol>
    </section>
  );
}
