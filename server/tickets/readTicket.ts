import { TicketSchema, type Ticket } from '../../shared/tickets/ticketSchema.ts';
import type { CadContext } from '../app/cadContext.ts';

/** A ticket with the revision its optimistic commit must still find. */
export interface TicketAtRevision {
  ticket: Ticket;
  rev: string;
}

/** Reads a ticket and its revision, or null when there is no such ticket. */
export async function readTicket(ctx: CadContext, ticketId: string): Promise<TicketAtRevision | null> {
  const [doc, rev] = await ctx.redis.hmget(ctx.keys.ticket(ticketId), 'doc', 'rev');
  if (doc == null || rev == null) return null;
  return { ticket: TicketSchema.parse(JSON.parse(doc)), rev };
}

/** Reads tickets by id in one round trip, in order; a missing one is left out. */
export async function readTickets(ctx: CadContext, ticketIds: readonly string[]): Promise<Ticket[]> {
  if (ticketIds.length === 0) return [];
  const pipeline = ctx.redis.pipeline();
  for (const id of ticketIds) pipeline.hget(ctx.keys.ticket(id), 'doc');
  const replies = (await pipeline.exec()) ?? [];
  return replies.flatMap(([error, doc]) => (error === null && typeof doc === 'string' ? [TicketSchema.parse(JSON.parse(doc))] : []));
}

/** The ticket a delta is about; every ticket fact carries exactly one. */
export function firstTicket(delta: { tickets: Ticket[] }): Ticket {
  const ticket = delta.tickets[0];
  if (!ticket) throw new Error('a ticket fact without its ticket');
  return ticket;
}
