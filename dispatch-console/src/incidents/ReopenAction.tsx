import { useState } from 'react';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { REOPEN_WINDOW_MINUTES } from '../../../shared/incidents/lifecycleSchema.ts';
import { isWithinReopenWindow } from '../../../shared/incidents/lifecycleSteps.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import { ReasonForm } from '../dispatch/ReasonForm.tsx';

export interface ReopenProps {
  commands: CommandClient;
  /** The reopened incident, back on the board. */
  onReopened: (incident: Incident) => void;
}

/** [LC3] Reopen a closed incident found by reference, within the window after its close. */
export function ReopenAction({ incident, commands, onReopened }: ReopenProps & { incident: Incident }) {
  const [isOpen, setOpen] = useState(false);
  const [isSending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (incident.status !== 'closed') return null;
  if (!isWithinReopenWindow(incident, Date.now())) {
    return <p className="muted small">Closed more than {REOPEN_WINDOW_MINUTES} minutes ago: a new call is a new incident.</p>;
  }
  async function reopen(reason: string) {
    setSending(true);
    setError(null);
    const answer = await commands.sendCommand('incident:reopen', { incidentId: incident.id, reason });
    setSending(false);
    if (answer.ok) {
      setOpen(false);
      onReopened(answer.data);
    } else setError(formatCommandError(answer.error));
  }
  return (
    <div className="incident-actions">
      {isOpen ? (
        <ReasonForm testId="reopen" label="Why reopen" submitLabel="Reopen incident" isSending={isSending} onDismiss={() => setOpen(false)} onSubmit={(reason) => void reopen(reason)} />
      ) : (
        <button type="button" data-testid="action-reopen" onClick={() => setOpen(true)}>
          Reopen (within {REOPEN_WINDOW_MINUTES} min of closing)
        </button>
      )}
      {error && (
        <p className="error-text" data-testid="reopen-error">
          {error}
        </p>
      )}
    </div>
  );
}
