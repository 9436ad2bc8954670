import { useEffect, useRef } from 'react';
import { ownsKeys } from '../calls/focusField.ts';

export interface DispatchKeyHandlers {
  /** False while another view (the audit record, Care Connect) is shown: the board's keys then do nothing. */
  isActive?: boolean;
  onMove: (step: number) => void;
  onAssign: () => void;
  onPick: (key: number) => void;
  onEscape: () => void;
  onNewCall: () => void;
  /** [AK2] Stand down the crew that has not acknowledged and assign the next recommended unit. */
  onReplace?: () => void;
  /** [LC1] C: close the selected incident (disposition form). */
  onCloseIncident?: () => void;
  /** [LC2] X: cancel the selected incident before dispatch. */
  onCancelIncident?: () => void;
  /** [LC6] T: change the selected incident's type or priority. */
  onChangeType?: () => void;
  /** [LC8] M: send more units to an incident awaiting close. */
  onMoreUnits?: () => void;
  /** [DV3] D: divert the unit offered from a less urgent job. */
  onDivert?: () => void;
  /** [IQ2] E: acknowledge the standing Echo alerts. */
  onAcknowledgeAlert?: () => void;
}


/**
 * The dispatcher's keys: ↑/↓ or k/j move through the queue, Enter or A assigns,
 * 1-9 pick candidates, N opens a new call, R replaces a crew that has not acknowledged, C closes, X cancels, T changes
 * type or priority, M sends more units to the selected incident, D diverts the unit offered from a less urgent job, E acknowledges the Echo alert, Escape clears. Ignored while typing in a field or in a
 * widget with its own keys (except Escape, which leaves a field).
 */
export function useDispatchKeys(handlers: DispatchKeyHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const h = latest.current;
      if (h.isActive === false) return;
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
        case 'c':
        case 'C':
          if (!h.onCloseIncident) return;
          h.onCloseIncident();
          break;
        case 'x':
        case 'X':
          if (!h.onCancelIncident) return;
          h.onCancelIncident();
          break;
        case 't':
        case 'T':
          if (!h.onChangeType) return;
          h.onChangeType();
          break;
        case 'm':
        case 'M':
          if (!h.onMoreUnits) return;
          h.onMoreUnits();
          break;
        case 'd':
        case 'D':
          if (!h.onDivert) return;
          h.onDivert();
          break;
        case 'e':
        case 'E':
          if (!h.onAcknowledgeAlert) return;
          h.onAcknowledgeAlert();
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
