import { useState } from 'react';
import { CLOSE_DISPOSITIONS, DISPOSITION_LABELS, type CloseDisposition } from '../../../shared/incidents/lifecycleSchema.ts';
import { formKeyHandler } from './formKeys.ts';
import { FormActions } from './FormActions.tsx';

interface CloseIncidentFormProps {
  isSending: boolean;
  onSubmit: (close: { disposition: CloseDisposition; note: string }) => void;
  onDismiss: () => void;
}

/** [LC1] How the incident ended (required) and a note. */
export function CloseIncidentForm({ isSending, onSubmit, onDismiss }: CloseIncidentFormProps) {
  const [disposition, setDisposition] = useState<CloseDisposition | ''>('');
  const [note, setNote] = useState('');
  return (
    <form
      className="lifecycle-form"
      data-testid="close-form"
      onKeyDown={formKeyHandler(onDismiss)}
      onSubmit={(event) => {
        event.preventDefault();
        if (disposition) onSubmit({ disposition, note });
      }}
    >
      <label className="field">
        <span>Disposition</span>
        <select autoFocus data-testid="close-disposition" value={disposition} onChange={(e) => setDisposition(e.target.value as CloseDisposition | '')}>
          <option value="">Choose how it ended…</option>
          {CLOSE_DISPOSITIONS.map((d) => (
            <option key={d} value={d}>
              {DISPOSITION_LABELS[d]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Note (optional)</span>
        <textarea data-testid="close-note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <FormActions testId="close-submit" label="Close incident" sendingLabel="Closing…" isSending={isSending} isReady={disposition !== ''} onDismiss={onDismiss} />
    </form>
  );
}
