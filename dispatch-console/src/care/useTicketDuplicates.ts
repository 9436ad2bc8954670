import { useEffect, useState } from 'react';
import type { LngLat } from '../../../shared/geo/position.ts';
import type { TicketDuplicate } from '../../../shared/tickets/ticketSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';

const DEBOUNCE_MS = 300;

/**
 * [CS5][CC3] Open tickets of the same service within 500 m that may be this caller's problem: `ticket:duplicates`
 * once the service and the location are known, again (debounced) when either changes or a ticket changes
 * (`ticketVersion`, bumped on every ticket delta).
 */
export function useTicketDuplicates(commands: CommandClient, serviceCode: string | null, location: LngLat | null, ticketVersion: number): TicketDuplicate[] {
  const [duplicates, setDuplicates] = useState<TicketDuplicate[]>([]);
  const lng = location?.[0] ?? null;
  const lat = location?.[1] ?? null;

  useEffect(() => {
    if (serviceCode === null || lng === null || lat === null) {
      setDuplicates([]);
      return;
    }
    let isCurrent = true;
    const timer = setTimeout(() => {
      void commands.request('ticket:duplicates', { serviceCode, location: [lng, lat] }).then((answer) => {
        if (isCurrent) setDuplicates(answer.ok ? answer.data : []);
      });
    }, DEBOUNCE_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [commands, serviceCode, lng, lat, ticketVersion]);

  return duplicates;
}
