import type { Session } from '../../shared/auth/roles.ts';
import { ok } from '../../shared/protocol/result.ts';
import { isValidTicketReference, normalizeTicketReference } from '../../shared/tickets/ticketReference.ts';
import { isValidReference, normalizeReference } from '../../shared/incidents/referenceNumber.ts';
import { readIncident } from '../incidents/readIncident.ts';
import { isTicketClosed, type PublicTicket, type Ticket, type TicketDuplicate, type TicketDuplicatesInput, type TicketGetInput, type TicketQueueInput } from '../../shared/tickets/ticketSchema.ts';
import { publicTicket } from '../../shared/tickets/ticketSteps.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, type CommandOutcome } from '../commands/commandOutcome.ts';
import { parseGeoHits } from '../dispatch/findNearby.ts';
import { readTicket, readTickets } from './readTicket.ts';

/** [CC3] How near and how recent an open ticket of the same service must be to be offered as the same job. */
export const TICKET_DUPLICATE_RADIUS_METERS = 500;
const MAX_DUPLICATES = 10;
/** [CC2] At most this many tickets in one queue answer (the oldest due first). */
export const MAX_QUEUE_TICKETS = 500;

/**
 * A ticket by its reference as read back; a wrong check digit is "misheard", as for incidents [IC8]. [CC4] The
 * Emergency Connect reference of an incident escalated from a ticket finds that ticket too (an officer only its
 * own department's).
 */
export async function getTicket(ctx: CadContext, input: TicketGetInput, session: Session): Promise<CommandOutcome<Ticket>> {
  const incidentReference = normalizeReference(input.reference);
  if (incidentReference) return ticketOfIncident(ctx, incidentReference, session);
  const reference = normalizeTicketReference(input.reference);
  if (!reference) return refusal('validation_failed', 'reference: a Care Connect reference reads CC-YYMMDD-NNNN-C', { issues: [{ path: 'reference', message: 'a Care Connect reference reads CC-YYMMDD-NNNN-C' }] });
  if (!isValidTicketReference(reference)) return refusal('ticket_not_found', `${reference}: the check digit does not match; a digit may have been misheard`);
  const found = await readTicket(ctx, reference);
  return found ? { result: ok(found.ticket) } : refusal('ticket_not_found', `no ticket ${reference}`);
}

/** [CC4] The ticket an incident was escalated from, found by the incident's reference. */
async function ticketOfIncident(ctx: CadContext, reference: string, session: Session): Promise<CommandOutcome<Ticket>> {
  if (!isValidReference(reference)) return refusal('ticket_not_found', `${reference}: the check digit does not match; a digit may have been misheard`);
  const incident = await readIncident(ctx, reference);
  const ticketId = incident?.incident.careTicketId;
  const found = ticketId ? await readTicket(ctx, ticketId) : null;
  if (!found) return refusal('ticket_not_found', `no Care Connect ticket behind ${reference}`);
  if (session.role === 'department_officer' && found.ticket.department !== session.department) return refusal('forbidden', `ticket ${found.ticket.reference} belongs to another department`);
  return { result: ok(found.ticket) };
}

/**
 * [CC2][CC6] A department's queue: its open tickets, soonest expected first (overdue ones lead), plus those closed in
 * the last `includeClosedDays` days. An officer's queue is their own department's.
 */
export async function ticketQueue(ctx: CadContext, input: TicketQueueInput, session: Session): Promise<CommandOutcome<Ticket[]>> {
  const department = input.department ?? session.department;
  if (!department) return refusal('validation_failed', 'department: name the department whose queue to show', { issues: [{ path: 'department', message: 'name a department' }] });
  if (ctx.city.care && !ctx.city.care.department(department)) return refusal('validation_failed', `department: no department ${department}`, { issues: [{ path: 'department', message: `no department ${department}` }] });
  const openIds = await ctx.redis.zrange(ctx.keys.openTickets(department), '0', String(MAX_QUEUE_TICKETS - 1));
  const open = await readTickets(ctx, openIds);
  if (input.includeClosedDays === 0) return { result: ok(open) };
  const since = ctx.now() - input.includeClosedDays * 86_400_000;
  const recentIds = (await ctx.redis.zrange(ctx.keys.ticketsCreated, since, '+inf', 'BYSCORE')).filter((id) => !openIds.includes(id));
  const closed = (await readTickets(ctx, recentIds.slice(-MAX_QUEUE_TICKETS))).filter((t) => t.department === department && isTicketClosed(t.status) && (t.closedAt ?? 0) >= since);
  return { result: ok([...open, ...closed]) };
}

/** [CC3] Open tickets of the same service within 500 m, nearest first: a burst pipe reported by twenty neighbours is one job. */
export async function ticketDuplicates(ctx: CadContext, input: TicketDuplicatesInput): Promise<CommandOutcome<TicketDuplicate[]>> {
  const hits = parseGeoHits(
    await ctx.redis.call('GEOSEARCH', ctx.keys.ticketLocations(input.serviceCode), 'FROMLONLAT', input.location[0], input.location[1], 'BYRADIUS', TICKET_DUPLICATE_RADIUS_METERS, 'm', 'ASC', 'COUNT', MAX_DUPLICATES, 'WITHDIST', 'WITHCOORD'),
  );
  const tickets = await readTickets(ctx, hits.map((hit) => hit.id));
  const now = ctx.now();
  return {
    result: ok(
      tickets.flatMap((ticket) => {
        const hit = hits.find((h) => h.id === ticket.id);
        if (!hit || isTicketClosed(ticket.status)) return [];
        return [{ ticket, distanceMeters: Math.round(hit.distanceMeters), ageHours: Math.max(0, (now - ticket.createdAt) / 3_600_000) }];
      }),
    ),
  };
}

/**
 * [CC5] What anyone holding a reference may read. An unknown reference, a malformed one and a wrong check digit get
 * one and the same answer, so the page tells a guesser nothing (guessing is rate-limited besides).
 */
export async function readPublicTicket(ctx: CadContext, input: TicketGetInput): Promise<CommandOutcome<PublicTicket>> {
  const unknown = refusal<PublicTicket>('ticket_not_found', 'no ticket with that reference');
  const reference = normalizeTicketReference(input.reference);
  if (!reference || !isValidTicketReference(reference) || !ctx.city.care) return unknown;
  const found = await readTicket(ctx, reference);
  return found ? { result: ok(publicTicket(found.ticket, ctx.city.care, ctx.city.data.timeZone)) } : unknown;
}
