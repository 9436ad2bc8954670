import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { CallDisposeInputSchema, DISPOSITIONS, DISPOSITION_LABELS } from '../../../shared/callers/callerSchema.ts';
import type { Disposition } from '../../../shared/callers/callerSchema.ts';
import { focusField } from './focusField.ts';
import { LengthCounter } from './LengthCounter.tsx';
import { ReferralFields, type ReferralChoice } from '../care/ReferralFields.tsx';
import type { Referral } from '../care/referralTicket.ts';
import { focusTicketField } from '../care/focusTicketField.ts';

/** The server's limit on disposition notes (one schema), for the counter. */
const NOTES_MAX = CallDisposeInputSchema.shape.notes.unwrap().maxLength ?? 1000;

interface DisposePanelProps {
  isSending: boolean;
  /** `referral`: [CS11] the Care Connect ticket to create with it (a non-emergency call with a service chosen). */
  onDispose: (disposition: Disposition, notes: string, referral?: Referral) => void;
  onCancel: () => void;
  /** [CS11] Whether this role logs a Care Connect ticket for a non-emergency call. */
  mayRefer?: boolean;
  /** The call's notes, the referral's description until the call-taker writes another. */
  callNotes?: string;
}

/**
 * [CH2] Closes a call without an incident: 1–5 choose the disposition, notes optional, Enter confirms, Esc goes back.
 * [CS11] A non-emergency call is referred to Care Connect: the service chosen, closing the call logs its ticket.
 */
export function DisposePanel({ isSending, onDispose, onCancel, mayRefer = false, callNotes = '' }: DisposePanelProps) {
  const [disposition, setDisposition] = useState<Disposition | null>(null);
  const [notes, setNotes] = useState('');
  const [choice, setChoice] = useState<ReferralChoice>({ service: null, extra: {}, description: callNotes });
  const isReferring = mayRefer && disposition === 'non_emergency';

  function choose(d: Disposition) {
    setDisposition(d);
    if (mayRefer && d === 'non_emergency') focusTicketField('service');
    else focusField('dispose-notes');
  }

  function confirm(d: Disposition) {
    const referral = isReferring && choice.service ? { service: choice.service, extra: choice.extra, description: choice.description } : undefined;
    onDispose(d, notes, referral);
  }

  function handleListKeys(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const index = Number(event.key) - 1;
    const d = DISPOSITIONS[index];
    if (d) choose(d);
    else if (event.key === 'Escape') onCancel();
    else if (event.key === 'Enter' && disposition) confirm(disposition);
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  function handleNotesKeys(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' && disposition) {
      event.preventDefault();
      confirm(disposition);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      focusField('dispose');
    }
  }

  return (
    <div className="dispose" data-testid="dispose-panel">
      <div className="field-label">
        <span>Close the call without an incident</span>
        <span className="muted small">
          <kbd>1</kbd>–<kbd>5</kbd> choose · <kbd>Enter</kbd> close call · <kbd>Esc</kbd> back
        </span>
      </div>
      <div className="dispose-options" tabIndex={0} data-field="dispose" data-own-keys="" onKeyDown={handleListKeys}>
        {DISPOSITIONS.map((d, i) => (
          <button
            type="button"
            key={d}
            tabIndex={-1}
            className={d === disposition ? 'dispose-option chosen' : 'dispose-option'}
            data-testid={`dispose-${d}`}
            onClick={() => choose(d)}
          >
            <kbd>{i + 1}</kbd> {DISPOSITION_LABELS[d]}
          </button>
        ))}
      </div>
      {isReferring && <ReferralFields choice={choice} onChange={setChoice} onDone={() => focusField('dispose-notes')} />}
      <label className="field">
        <span className="field-label">
          <span>Disposition notes (optional)</span>
          <LengthCounter value={notes} max={NOTES_MAX} testId="dispose-notes-counter" />
        </span>
        <input data-field="dispose-notes" data-testid="dispose-notes" value={notes} onChange={(e) => setNotes(e.target.value)} onKeyDown={handleNotesKeys} />
      </label>
      <div className="actions">
        <button type="button" className="primary" data-testid="dispose-confirm" disabled={!disposition || isSending} onClick={() => disposition && confirm(disposition)}>
          {isReferring && choice.service ? 'Close call and log the ticket' : `Close call${disposition ? `: ${DISPOSITION_LABELS[disposition]}` : ''}`} <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={onCancel}>
          Back to the call <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
