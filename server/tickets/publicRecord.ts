import type { Ticket } from '../../shared/tickets/ticketSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { open311Request } from '../open311/open311Documents.ts';

/**
 * [CC10] The ticket as Open311 publishes it (no personal details), written beside the ticket's document by every
 * script that writes the ticket, so that a listing of a thousand requests reads these small records and never
 * parses a full document. Empty when the city runs no Care Connect line.
 */
export function publicRecordOf(ctx: CadContext, ticket: Ticket): string {
  return ctx.city.care ? JSON.stringify(open311Request(ticket, ctx.city.care, ctx.city.data)) : '';
}
