import type { KeyboardEvent } from 'react';
import type { DiscardIntent } from './useCall.ts';

interface DiscardConfirmProps {
  intent: DiscardIntent;
  onConfirm: () => void;
  onKeep: () => void;
}

/**
 * [IC10] The confirm step before a call's draft is thrown away (N for a new call, or Esc). Keyboard first: Enter or
 * Y discards, Esc or N keeps the call. It has its own keys, so N here never starts yet another call.
 */
export function DiscardConfirm({ intent, onConfirm, onKeep }: DiscardConfirmProps) {
  function handleKeys(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if (key === 'enter' || key === 'y') onConfirm();
    else if (key === 'escape' || key === 'n') onKeep();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className="discard-confirm" role="alertdialog" aria-labelledby="discard-title" tabIndex={0} data-field="discard-confirm" data-own-keys="" data-testid="discard-confirm" data-intent={intent} onKeyDown={handleKeys}>
      <strong id="discard-title">{intent === 'new_call' ? 'Start a new call? This call has not been saved.' : 'Discard this call? It has not been saved.'}</strong>
      <div className="small">Its details will be lost: no incident is created and nothing is recorded.</div>
      <div className="actions">
        <button type="button" className="danger" data-testid="discard-yes" onClick={onConfirm}>
          {intent === 'new_call' ? 'Discard it and answer the new call' : 'Discard the call'} <kbd>Enter</kbd>
        </button>
        <button type="button" data-testid="discard-no" onClick={onKeep}>
          Keep the call <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
