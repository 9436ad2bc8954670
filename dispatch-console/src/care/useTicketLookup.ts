import { useCallback, useState } from 'react';
import { normalizeReference } from '../../../shared/incidents/referenceNumber.ts';
import type { Ticket } from '../../../shared/tickets/ticketSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';

export type TicketLookup = { query: string; ticket: Ticket } | { query: string; error: string } | { query: string; isLoading: true };

export interface TicketLookupControls {
  lookup: TicketLookup | null;
  find: (reference: string) => Promise<void>;
  close: () => void;
  /** The ticket on screen changed (a delta, a callback recorded, an escalation). */
  refresh: (ticket: Ticket) => void;
}

/**
 * [CS5] A ticket found by its reference as the resident reads it out (case, spaces and dashes forgiven; a wrong
 * check digit is "no ticket"). An Emergency Connect reference (EC-…) is an emergency call's: it is said so, as the
 * ticket desk does not hold emergency calls.
 */
export function useTicketLookup(commands: CommandClient): TicketLookupControls {
  const [lookup, setLookup] = useState<TicketLookup | null>(null);

  const find = useCallback(
    async (text: string) => {
      const emergency = normalizeReference(text);
      if (emergency) {
        setLookup({ query: text, error: `${emergency} is an Emergency Connect reference, from the emergency line: Care Connect tickets read CC-YYMMDD-NNNN-C. Ask the caller for their CC- reference.` });
        return;
      }
      setLookup({ query: text, isLoading: true });
      const answer = await commands.request('ticket:get', { reference: text });
      setLookup(answer.ok ? { query: text, ticket: answer.data } : { query: text, error: formatCommandError(answer.error, undefined, { reference: text }) });
    },
    [commands],
  );

  const refresh = useCallback((ticket: Ticket) => setLookup((l) => (l && 'ticket' in l && l.ticket.id === ticket.id ? { ...l, ticket } : l)), []);

  return { lookup, find, close: () => setLookup(null), refresh };
}
