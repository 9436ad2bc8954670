import { useEffect, useRef, useState } from 'react';
import type { Ticket } from '../../../shared/tickets/ticketSchema.ts';
import type { LiveStore } from '../realtime/liveStore.ts';

/**
 * [CS5] Every ticket a live change wrote, as it arrives (tickets are not in the board's snapshot: screens read
 * them with commands and follow them through the deltas). Answers a counter bumped on each ticket change, for
 * reads that should be made again.
 */
export function useTicketDeltas(store: LiveStore, onTickets?: (tickets: readonly Ticket[]) => void): number {
  const [version, setVersion] = useState(0);
  const latest = useRef(onTickets);
  latest.current = onTickets;

  useEffect(
    () =>
      store.onDelta((delta) => {
        if (delta.tickets.length === 0) return;
        latest.current?.(delta.tickets);
        setVersion((v) => v + 1);
      }),
    [store],
  );

  return version;
}
