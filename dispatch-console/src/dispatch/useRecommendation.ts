import { useEffect, useRef, useState } from 'react';
import type { Recommendation } from '../../../shared/dispatch/dispatchSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';

export interface RecommendationState {
  recommendation: Recommendation | null;
  error: string | null;
  isLoading: boolean;
}

const REFRESH_MS = 20_000;
const DEBOUNCE_MS = 150;

/**
 * Asks `dispatch:recommend` for the selected incident, again whenever the live state changes
 * (`version`), and every 20 s so that position ages stay honest.
 */
export function useRecommendation(commands: CommandClient, incidentId: string | null, version: number): RecommendationState {
  const [state, setState] = useState<RecommendationState>({ recommendation: null, error: null, isLoading: false });
  const sequence = useRef(0);

  useEffect(() => {
    if (!incidentId) {
      setState({ recommendation: null, error: null, isLoading: false });
      return;
    }
    setState((s) => (s.recommendation?.incidentId === incidentId ? s : { recommendation: null, error: null, isLoading: true }));
    let refresh: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const mine = ++sequence.current;
      const answer = await commands.request('dispatch:recommend', { incidentId });
      if (mine !== sequence.current) return;
      if (answer.ok) setState({ recommendation: answer.data, error: null, isLoading: false });
      else setState({ recommendation: null, error: formatCommandError(answer.error), isLoading: false });
      refresh = setTimeout(() => void ask(), REFRESH_MS);
    };
    const debounce = setTimeout(() => void ask(), DEBOUNCE_MS);
    return () => {
      clearTimeout(debounce);
      if (refresh) clearTimeout(refresh);
      sequence.current += 1;
    };
  }, [commands, incidentId, version]);

  return state;
}
