import { useState } from 'react';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import { ReasonForm } from '../dispatch/ReasonForm.tsx';

export interface CancelProps {
  commands: CommandClient;
  /** The cancelled incident, now closed. */
  onCancelled: (incident: Incident) => void;
}

/**
 * [LC2] Cancel, with the reason, an incident found by reference that no unit was ever sent to: the call-taker's way
 * to act on a caller who rings back ("it's fine now"), as the dispatcher's board does with X.
 */
export function CancelAction({ incident, commands, onCancelled }: CancelProps & { incident: Incident }) {
  const [isOpen, setOpen] = useState(false);
  const [isSending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (incident.status !== 'pending' || incident.assignments.length > 0) return null;
  async function cancel(reason: string) {
    setSending(true);
    setError(null);
    const answer = await commands.sendCommand('incident:cancel', { incidentId: incident.id, reason });
    setSending(false);
    if (answer.ok) {
      setOpen(false);
      onCancelled(answer.data);
    } else setError(formatCommandError(answer.error));
  }
  return (
    <div className="incident-actions">
      {isOpen ? (
        <ReasonForm testId="lookup-cancel" label="Why cancel (no unit was sent)" submitLabel="Cancel incident" isDanger isSending={isSending} onDismiss={() => setOpen(false)} onSubmit={(reason) => void cancel(reason)} />
      ) : (
        <button type="button" data-testid="action-lookup-cancel" onClick={() => setOpen(true)}>
          Cancel incident (no unit sent yet)
        </button>
      )}
      {error && (
        <p className="error-text" data-testid="lookup-cancel-error">
          {error}
        </p>
      )}
    </div>
  );
}
