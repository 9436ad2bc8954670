import { useCallback, useState } from 'react';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import type { Disposition } from '../../../shared/callers/callerSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import { createPayload, disposePayload, linkPayload, missingLine, newCallDraft } from './callDraft.ts';
import type { CallDraft } from './callDraft.ts';

/** How the last call ended. */
export type CallOutcome =
  | { kind: 'created'; incident: Incident; durationMs: number }
  | { kind: 'linked'; incident: Incident; durationMs: number }
  | { kind: 'disposed'; disposition: Disposition; durationMs: number };

export interface CallControls {
  /** The call in progress, or null between calls. */
  draft: CallDraft | null;
  outcome: CallOutcome | null;
  error: string | null;
  isSending: boolean;
  isDisposing: boolean;
  start: () => void;
  update: (patch: Partial<CallDraft>) => void;
  create: () => Promise<void>;
  link: (incidentId: string) => Promise<void>;
  beginDispose: () => void;
  cancelDispose: () => void;
  dispose: (disposition: Disposition, notes: string) => Promise<void>;
  /** Clears the last outcome (the reference has been read back). */
  clearOutcome: () => void;
}

/** One call at a time: its draft, and the three ways it ends (new incident, linked caller, disposition). */
export function useCall(commands: CommandClient, onCreated?: (incident: Incident) => void): CallControls {
  const [draft, setDraft] = useState<CallDraft | null>(null);
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  const [isDisposing, setDisposing] = useState(false);

  const start = useCallback(() => {
    setDraft(newCallDraft(Date.now()));
    setOutcome(null);
    setError(null);
    setDisposing(false);
  }, []);

  const update = useCallback((patch: Partial<CallDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d)), []);

  async function finish<T>(send: () => Promise<{ ok: true; data: T } | { ok: false; error: Parameters<typeof formatCommandError>[0] }>, then: (data: T) => CallOutcome): Promise<void> {
    if (isSending) return;
    setSending(true);
    setError(null);
    const answer = await send();
    setSending(false);
    if (!answer.ok) {
      setError(formatCommandError(answer.error));
      return;
    }
    setOutcome(then(answer.data));
    setDraft(null);
    setDisposing(false);
  }

  async function create(): Promise<void> {
    if (!draft) return;
    const checked = createPayload(draft);
    if (!checked.ok) return setError(missingLine(checked.problems));
    const startedAt = draft.startedAt;
    await finish(
      () => commands.sendCommand('incident:create', checked.payload),
      (incident) => {
        onCreated?.(incident);
        return { kind: 'created', incident, durationMs: Date.now() - startedAt };
      },
    );
  }

  async function link(incidentId: string): Promise<void> {
    if (!draft) return;
    const checked = linkPayload(draft, incidentId);
    if (!checked.ok) return setError(`${missingLine(checked.problems)} Needed to link this caller.`);
    const startedAt = draft.startedAt;
    await finish(
      () => commands.sendCommand('incident:link_caller', checked.payload),
      (incident) => ({ kind: 'linked', incident, durationMs: Date.now() - startedAt }),
    );
  }

  async function dispose(disposition: Disposition, notes: string): Promise<void> {
    if (!draft) return;
    const checked = disposePayload(draft, disposition, notes);
    if (!checked.ok) return setError(`${missingLine(checked.problems)} Needed to close the call.`);
    const startedAt = draft.startedAt;
    await finish(
      () => commands.sendCommand('call:dispose', checked.payload),
      () => ({ kind: 'disposed', disposition, durationMs: Date.now() - startedAt }),
    );
  }

  return {
    draft,
    outcome,
    error,
    isSending,
    isDisposing,
    start,
    update,
    create,
    link,
    beginDispose: () => draft && setDisposing(true),
    cancelDispose: () => setDisposing(false),
    dispose,
    clearOutcome: () => setOutcome(null),
  };
}
