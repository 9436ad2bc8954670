import { useCallback, useRef, useState } from 'react';
import type { Result } from '../../../shared/protocol/result.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';

/** The command a crew tapped, while it is on its way. */
export interface PendingCommand {
  /** What the button sends: a status, or `acknowledge`. */
  action: string;
  label: string;
}

export interface CrewCommand {
  pending: PendingCommand | null;
  error: string | null;
  /**
   * Runs one command at a time. The command client resends it with the SAME commandId across timeouts and dropped
   * connections, so a status change tapped offline goes through once when the connection comes back.
   */
  run: <T>(pending: PendingCommand, send: () => Promise<Result<T>>, onDone?: (data: T) => void) => void;
  clearError: () => void;
}

export function useCrewCommand(): CrewCommand {
  const [pending, setPending] = useState<PendingCommand | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);

  const run = useCallback(<T,>(next: PendingCommand, send: () => Promise<Result<T>>, onDone?: (data: T) => void) => {
    if (busy.current) return;
    busy.current = true;
    setPending(next);
    setError(null);
    void send().then((answer) => {
      busy.current = false;
      setPending(null);
      if (answer.ok) onDone?.(answer.data);
      else setError(`${next.label}: ${formatCommandError(answer.error)}`);
    });
  }, []);

  return { pending, error, run, clearError: useCallback(() => setError(null), []) };
}
