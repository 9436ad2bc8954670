interface FormActionsProps {
  testId: string;
  label: string;
  /** What the button says while the command is on its way. */
  sendingLabel: string;
  isSending: boolean;
  isReady: boolean;
  isDanger?: boolean;
  onDismiss: () => void;
}

/** The foot of every lifecycle form: the one action (Enter) and Back (Esc). */
export function FormActions({ testId, label, sendingLabel, isSending, isReady, isDanger = false, onDismiss }: FormActionsProps) {
  return (
    <div className="actions">
      <button type="submit" className={isDanger ? 'danger' : 'primary'} data-testid={testId} disabled={!isReady || isSending}>
        {isSending ? sendingLabel : label}
      </button>
      <button type="button" onClick={onDismiss}>
        Back <kbd>Esc</kbd>
      </button>
    </div>
  );
}
