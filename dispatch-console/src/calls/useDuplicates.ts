import { useEffect, useState } from 'react';
import type { DuplicateCandidate } from '../../../shared/incidents/incidentSchema.ts';
import type { IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import type { CommandClient } from '../realtime/commandClient.ts';

const DEBOUNCE_MS = 300;

export interface DuplicatesState {
  candidates: DuplicateCandidate[];
  /** True once an answer came for the current location and type. */
  isChecked: boolean;
}

/**
 * [DU1] Open incidents that may be the one this caller is reporting: `incident:duplicates` as soon as the location
 * and type are known, again (debounced) when either changes or the board changes (`version`).
 */
export function useDuplicates(commands: CommandClient, location: LngLat | null, type: IncidentTypeId | null, version: number): DuplicatesState {
  const [state, setState] = useState<DuplicatesState>({ candidates: [], isChecked: false });
  const lng = location?.[0] ?? null;
  const lat = location?.[1] ?? null;

  useEffect(() => {
    setState((s) => ({ ...s, isChecked: false }));
  }, [lng, lat, type]);

  useEffect(() => {
    if (lng === null || lat === null || type === null) {
      setState({ candidates: [], isChecked: false });
      return;
    }
    let isCurrent = true;
    const timer = setTimeout(() => {
      void commands.request('incident:duplicates', { location: [lng, lat], type }).then((answer) => {
        if (isCurrent && answer.ok) setState({ candidates: answer.data, isChecked: true });
      });
    }, DEBOUNCE_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [commands, lng, lat, type, version]);

  return state;
}
