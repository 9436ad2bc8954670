import { useState } from 'react';
import { formKeyHandler } from './formKeys.ts';
import { FormActions } from './FormActions.tsx';

interface ReasonFormProps {
  /** Names the form's fields for tests: `<testId>-reason`, `<testId>-submit`. */
  testId: string;
  label: string;
  submitLabel: string;
  isSending: boolean;
  isDanger?: boolean;
  /** A reason already written, for a step whose usual reason is known (a divert). */
  initialReason?: string;
  onSubmit: (reason: string) => void;
  onDismiss: () => void;
}

/** [LC2][LC3][LC8][DV1] A step that needs only its reason: cancel, reopen, send more units, divert. */
export function ReasonForm({ testId, label, submitLabel, isSending, isDanger = false, initialReason = '', onSubmit, onDismiss }: ReasonFormProps) {
  const [reason, setReason] = useState(initialReason);
  const isReady = reason.trim().length > 0;
  return (
    <form
      className="lifecycle-form"
      data-testid={`${testId}-form`}
      onKeyDown={formKeyHandler(onDismiss)}
      onSubmit={(event) => {
        event.preventDefault();
        if (isReady) onSubmit(reason.trim());
      }}
    >
      <label className="field">
        <span>{label}</span>
        <input autoFocus data-testid={`${testId}-reason`} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <FormActions testId={`${testId}-submit`} label={submitLabel} sendingLabel="Sending…" isSending={isSending} isReady={isReady} isDanger={isDanger} onDismiss={onDismiss} />
    </form>
  );
}
