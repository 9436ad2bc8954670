import { useCallback, useEffect, useState } from 'react';
import type { Ticket } from '../../../shared/tickets/ticketSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';

const DEBOUNCE_MS = 250;

export interface TicketQueueState {
  tickets: Ticket[];
  error: string | null;
  isLoading: boolean;
}

export interface TicketQueueControls extends TicketQueueState {
  /** A ticket this screen changed: shown at once, before the next read. */
  replace: (ticket: Ticket) => void;
}

/**
 * [CS6] A department's queue: its open tickets and those closed in the last `includeClosedDays` days (their
 * callbacks may still be owed), read with `ticket:queue` and read again, debounced, whenever a ticket changes
 * (`ticketVersion`) or the connection comes back (`isConnected`).
 */
export function useTicketQueue(commands: CommandClient, department: string | undefined, includeClosedDays: number, ticketVersion: number, isConnected: boolean): TicketQueueControls {
  const [state, setState] = useState<TicketQueueState>({ tickets: [], error: null, isLoading: true });

  useEffect(() => {
    if (!isConnected) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      void commands.request('ticket:queue', { ...(department ? { department } : {}), includeClosedDays }).then((answer) => {
        if (!isCurrent) return;
        setState(answer.ok ? { tickets: answer.data, error: null, isLoading: false } : (s) => ({ ...s, error: formatCommandError(answer.error), isLoading: false }));
      });
    }, DEBOUNCE_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [commands, department, includeClosedDays, ticketVersion, isConnected]);

  const replace = useCallback((ticket: Ticket) => setState((s) => ({ ...s, tickets: s.tickets.map((t) => (t.id === ticket.id ? ticket : t)) })), []);
  return { ...state, replace };
}
