import { useEffect, useState } from 'react';
import type { CallerHistory } from '../../../shared/callers/callerSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { digitCount } from './callDraft.ts';

/** Digits a callback number needs before its history is looked up. */
export const HISTORY_MIN_DIGITS = 7;
const DEBOUNCE_MS = 300;

/**
 * `caller:history` for the callback number being typed, once it has 7 digits (debounced). Never blocks the call:
 * a failed lookup just shows nothing.
 */
export function useCallerHistory(commands: CommandClient, callbackNumber: string | null): CallerHistory | null {
  const [history, setHistory] = useState<CallerHistory | null>(null);
  const number = callbackNumber !== null && digitCount(callbackNumber) >= HISTORY_MIN_DIGITS ? callbackNumber.trim() : null;

  useEffect(() => {
    setHistory(null);
    if (number === null) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      void commands.request('caller:history', { callbackNumber: number }).then((answer) => {
        if (isCurrent && answer.ok) setHistory(answer.data);
      });
    }, DEBOUNCE_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [commands, number]);

  return history;
}
