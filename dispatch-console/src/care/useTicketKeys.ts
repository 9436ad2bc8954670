import { useEffect, useRef } from 'react';
import { ownsKeys } from '../calls/focusField.ts';

export interface TicketKeyHandlers {
  /** A menu digit (or N: no option) outside a field: start a request in that option's services. */
  onStart: (menuDigit: string | null) => void;
  /** Ctrl+Enter: create the ticket. */
  onCreate: () => void;
  /** Ctrl+L: link this caller to the chosen duplicate. */
  onLink: () => void;
  /** Alt+↑/↓: choose another duplicate. */
  onMoveDuplicate: (step: number) => void;
  /** E outside a field: escalate the ticket on screen. */
  onEscalate: () => void;
  /** Esc outside a field. */
  onEscape: () => void;
}

/**
 * [CS1] The ticket desk's keys. In any field: Ctrl+Enter creates, Ctrl+L links, Alt+↑/↓ choose a duplicate. Outside
 * a field (or a widget with keys of its own): a menu digit or N starts a request, E escalates the ticket shown, Esc
 * discards (after asking) or closes what is open; Esc in a field leaves the field.
 */
export function useTicketKeys(isDrafting: boolean, menuDigits: readonly string[], handlers: TicketKeyHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  const digits = useRef(menuDigits);
  digits.current = menuDigits;

  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      const h = latest.current;
      const key = event.key.toLowerCase();
      if (event.ctrlKey && !event.altKey && !event.shiftKey && !event.metaKey) {
        if (!isDrafting) return;
        if (key === 'enter') h.onCreate();
        else if (key === 'l') h.onLink();
        else return;
      } else if (event.altKey && !event.ctrlKey && !event.metaKey) {
        if (!isDrafting) return;
        if (key === 'arrowdown') h.onMoveDuplicate(1);
        else if (key === 'arrowup') h.onMoveDuplicate(-1);
        else return;
      } else if (event.ctrlKey || event.metaKey) {
        return;
      } else if (ownsKeys(event.target)) {
        if (event.key === 'Escape' && event.target instanceof HTMLElement) event.target.blur();
        return;
      } else if (event.key === 'Escape') {
        h.onEscape();
      } else if (!isDrafting && (digits.current.includes(event.key) || key === 'n')) {
        h.onStart(key === 'n' ? null : event.key);
      } else if (key === 'e') {
        h.onEscalate();
      } else {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    }
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, [isDrafting]);
}
