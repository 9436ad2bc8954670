import { useCallback, useEffect, useState } from 'react';
import type { CommandClient, CommandName, CommandPayload } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';

/** The lifecycle form open on the selected incident, if any. */
export type IncidentForm =
  | { kind: 'close' }
  | { kind: 'cancel' }
  | { kind: 'more_units' }
  | { kind: 'update_type' }
  | { kind: 'release'; unitId: string }
  /** [DV1] Take a unit off a less urgent job for the selected incident. */
  | { kind: 'divert'; unitId: string; callSign: string; fromIncidentId: string; fromReference: string };

export interface IncidentActions {
  form: IncidentForm | null;
  isSending: boolean;
  error: string | null;
  open: (form: IncidentForm) => void;
  dismiss: () => void;
  /** Sends a lifecycle command; closes the form when it is accepted, keeps it open with the error otherwise. */
  send: <N extends CommandName>(name: N, payload: CommandPayload<N>) => Promise<void>;
}

/** The selected incident's lifecycle form and its command; a new selection starts afresh. */
export function useIncidentActions(commands: CommandClient, incidentId: string | null, callSignOf: (unitId: string) => string | undefined): IncidentActions {
  const [form, setForm] = useState<IncidentForm | null>(null);
  const [isSending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setForm(null);
    setError(null);
  }, [incidentId]);

  const open = useCallback((next: IncidentForm) => {
    setForm(next);
    setError(null);
  }, []);
  const dismiss = useCallback(() => {
    setForm(null);
    setError(null);
  }, []);

  async function send<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<void> {
    if (isSending) return;
    setSending(true);
    setError(null);
    const answer = await commands.sendCommand(name, payload);
    setSending(false);
    if (answer.ok) setForm(null);
    else setError(formatCommandError(answer.error, callSignOf));
  }

  return { form, isSending, error, open, dismiss, send };
}
