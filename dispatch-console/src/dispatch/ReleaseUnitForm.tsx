import { useState } from 'react';
import { RELEASE_REASONS, RELEASE_REASON_LABELS, type ReleaseReason } from '../../../shared/incidents/lifecycleSchema.ts';
import { formKeyHandler } from './formKeys.ts';
import { FormActions } from './FormActions.tsx';

interface ReleaseUnitFormProps {
  callSign: string;
  isSending: boolean;
  onSubmit: (release: { reason: ReleaseReason; note: string }) => void;
  onDismiss: () => void;
}

/** [LC4] Why the unit is stood down; it goes available at once. */
export function ReleaseUnitForm({ callSign, isSending, onSubmit, onDismiss }: ReleaseUnitFormProps) {
  const [reason, setReason] = useState<ReleaseReason>('not_needed');
  const [note, setNote] = useState('');
  return (
    <form
      className="lifecycle-form"
      data-testid="release-form"
      onKeyDown={formKeyHandler(onDismiss)}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({ reason, note: note.trim() });
      }}
    >
      <label className="field">
        <span>Release {callSign}: reason</span>
        <select autoFocus data-testid="release-reason" value={reason} onChange={(e) => setReason(e.target.value as ReleaseReason)}>
          {RELEASE_REASONS.map((r) => (
            <option key={r} value={r}>
              {RELEASE_REASON_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Note (optional)</span>
        <input data-testid="release-note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <FormActions testId="release-submit" label={`Release ${callSign}`} sendingLabel="Releasing…" isSending={isSending} isReady isDanger onDismiss={onDismiss} />
    </form>
  );
}
