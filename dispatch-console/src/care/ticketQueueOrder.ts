import { isTicketClosed, type Ticket, type TicketStatus } from '../../../shared/tickets/ticketSchema.ts';
import { isTicketOverdue, overdueCallbacks } from '../../../shared/tickets/ticketSteps.ts';

/** [CS6] The queue's groups, in the order a department works them. */
export const TICKET_GROUPS = ['overdue', 'callback_overdue', 'open', 'closed'] as const;
export type TicketGroup = (typeof TICKET_GROUPS)[number];

export const TICKET_GROUP_LABELS: Record<TicketGroup, string> = {
  overdue: 'Overdue',
  callback_overdue: 'Callback overdue',
  open: 'Open, on time',
  closed: 'Closed recently',
};

/** [CS6] Where a ticket sits: past its expected date, owing a callback past its time, open on time, or closed. */
export function ticketGroupOf(ticket: Ticket, now: number): TicketGroup {
  if (isTicketClosed(ticket.status)) return overdueCallbacks(ticket, now).length > 0 ? 'callback_overdue' : 'closed';
  if (isTicketOverdue(ticket, now)) return 'overdue';
  return overdueCallbacks(ticket, now).length > 0 ? 'callback_overdue' : 'open';
}

/**
 * [CS6] A department's queue, what needs doing first at the top: overdue tickets (the longest overdue first), then
 * tickets owing a callback past its time (a closed ticket whose callers are not yet called back too), then open
 * tickets by expected date, then the recently closed, newest first. Pure.
 */
export function orderTickets(tickets: Iterable<Ticket>, now: number): Ticket[] {
  const rank = (t: Ticket) => TICKET_GROUPS.indexOf(ticketGroupOf(t, now));
  return [...tickets].sort((a, b) => rank(a) - rank(b) || (rank(a) === 3 ? (b.closedAt ?? 0) - (a.closedAt ?? 0) : a.expectedBy - b.expectedBy) || a.createdAt - b.createdAt);
}

/** The queue's filter: a state (or every open one, or all), and words to find in the ticket. */
export interface TicketFilter {
  status: TicketStatus | 'open_any' | 'all';
  text: string;
}

/**
 * [CS6] The tickets the filter keeps: of that state, and holding every typed word in its reference, service name
 * or code, address, description or extra fields (a meter or account number). Pure.
 */
export function filterTickets(tickets: readonly Ticket[], filter: TicketFilter, serviceName: (code: string) => string): Ticket[] {
  const typed = filter.text.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return tickets.filter((ticket) => {
    if (filter.status === 'open_any' ? isTicketClosed(ticket.status) : filter.status !== 'all' && ticket.status !== filter.status) return false;
    if (typed.length === 0) return true;
    const text = [ticket.reference, ticket.serviceCode, serviceName(ticket.serviceCode), ticket.address, ticket.description, ...Object.values(ticket.extra)].join(' ').toLowerCase();
    return typed.every((w) => text.includes(w));
  });
}
