import { useEffect, useRef, useState } from 'react';
import type { Route } from '../../../shared/routing/routeSchema.ts';
import type { Unit } from '../../../shared/units/unitSchema.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import { routeKey, shouldAskRoute } from './crewFlow.ts';
import type { RouteAsk } from './crewFlow.ts';

export interface CrewRoute {
  route: Route | null;
  error: string | null;
  isLoading: boolean;
}

const CHECK_MS = 5000;
const THROTTLE_MS = 15_000;

/**
 * [RO9] The unit's route to where it is going now (`route:unit`): asked again at once when its status, job or
 * destination changes, and at most every 15 s while it moves.
 */
export function useCrewRoute(commands: CommandClient, unit: Unit | null, devicePosition: LngLat | null, isConnected: boolean): CrewRoute {
  const [state, setState] = useState<CrewRoute>({ route: null, error: null, isLoading: false });
  const lastAsk = useRef<RouteAsk | null>(null);
  const sequence = useRef(0);
  const current = useRef<{ unit: Unit | null; position: LngLat | null; isConnected: boolean }>({ unit, position: devicePosition, isConnected });
  current.current = { unit, position: devicePosition ?? unit?.position ?? null, isConnected };
  const key = unit ? routeKey(unit) : null;

  useEffect(() => {
    const check = () => {
      const { unit: u, position, isConnected: connected } = current.current;
      if (!u || !position || !connected) return;
      if (u.status === 'out_of_service') {
        lastAsk.current = null;
        setState({ route: null, error: null, isLoading: false });
        return;
      }
      const next: RouteAsk = { key: routeKey(u), position, at: Date.now() };
      if (!shouldAskRoute(lastAsk.current, next, THROTTLE_MS)) return;
      const isNewJob = lastAsk.current?.key !== next.key;
      lastAsk.current = next;
      const mine = ++sequence.current;
      setState((s) => ({ route: isNewJob ? null : s.route, error: null, isLoading: true }));
      void commands.request('route:unit', { unitId: u.id }).then((answer) => {
        if (mine !== sequence.current) return;
        if (answer.ok) setState({ route: answer.data, error: null, isLoading: false });
        else {
          // Ask again on the next check rather than waiting for a move.
          lastAsk.current = null;
          setState((s) => ({ route: isNewJob ? null : s.route, error: formatCommandError(answer.error), isLoading: false }));
        }
      });
    };
    check();
    const interval = setInterval(check, CHECK_MS);
    return () => clearInterval(interval);
  }, [commands, key, isConnected]);

  return state;
}
