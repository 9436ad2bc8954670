import { useEffect, useRef } from 'react';
import { ownsKeys } from '../calls/focusField.ts';

export interface DispatchKeyHandlers {
  onMove: (step: number) => void;
  onAssign: () => void;
  onPick: (key: number) => void;
  onEscape: () => void;
  onNewCall: () => void;
  /** [AK2] Stand down the crew that has not acknowledged and assign the next recommended unit. */
  onReplace?: () => void;
}


/**
 * The dispatcher's keys: ↑/↓ or k/j move through the queue, Enter or A assigns,
 * 1-9 pick candidates, N opens a new call, R replaces a crew that has not acknowledged, Escape clears. Ignored while typing in a field or in a
 * widget with its own keys (except Escape, which leaves a field).
 */
export function useDispatchKeys(handlers: DispatchKeyHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const h = latest.current;
      if (ownsKeys(event.target)) {
        if (event.key === 'Escape' && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      if (event.target instanceof HTMLButtonElement && event.key === 'Enter') return;
      switch (event.key) {
        case 'ArrowDown':
        case 'j':
          h.onMove(1);
          break;
        case 'ArrowUp':
        case 'k':
          h.onMove(-1);
          break;
        case 'Enter':
        case 'a':
        case 'A':
          h.onAssign();
          break;
        case 'Escape':
          h.onEscape();
          break;
        case 'n':
        case 'N':
          h.onNewCall();
          break;
        case 'r':
        case 'R':
          if (!h.onReplace) return;
          h.onReplace();
          break;
        default:
          if (/^[1-9]$/.test(event.key)) h.onPick(Number(event.key));
          else return;
      }
      event.preventDefault();
    }
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, []);
}
