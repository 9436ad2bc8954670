import { useEffect, useRef } from 'react';

export interface CallKeyHandlers {
  /** Ctrl+Enter: create the incident (or confirm the disposition while closing the call). */
  onCreate: () => void;
  /** Ctrl+D: close the call with a disposition. */
  onDispose: () => void;
  /** Ctrl+L: link this caller to the selected duplicate. */
  onLink: () => void;
  /** Alt+↑/↓: choose another duplicate. */
  onMoveDuplicate: (step: number) => void;
}

/** The call's chords, active in any field: Ctrl+Enter, Ctrl+D, Ctrl+L and Alt+↑/↓. */
export function useCallKeys(enabled: boolean, handlers: CallKeyHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!enabled) return;
    function handleKeyDown(event: KeyboardEvent) {
      const h = latest.current;
      const key = event.key.toLowerCase();
      if (event.ctrlKey && !event.altKey && !event.shiftKey) {
        if (key === 'enter') h.onCreate();
        else if (key === 'd') h.onDispose();
        else if (key === 'l') h.onLink();
        else return;
      } else if (event.altKey && !event.ctrlKey) {
        if (key === 'arrowdown') h.onMoveDuplicate(1);
        else if (key === 'arrowup') h.onMoveDuplicate(-1);
        else return;
      } else {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    }
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, [enabled]);
}
