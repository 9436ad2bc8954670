import { useCallback, useState } from 'react';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import type { Ticket } from '../../../shared/tickets/ticketSchema.ts';
import { referralNotes, referralTicketPayload, type Referral } from '../care/referralTicket.ts';
import type { Disposition } from '../../../shared/callers/callerSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import { createPayload, disposePayload, linkPayload, newCallDraft } from './callDraft.ts';
import type { CallDraft } from './callDraft.ts';
import { browserStorage, CALL_DRAFTS } from './draftStore.ts';
import { useKeptDraft } from './useKeptDraft.ts';
import { focusField } from './focusField.ts';

/** [IC10] What discarding the draft is for, while the call-taker is asked to confirm it. */
export type DiscardIntent = 'new_call' | 'discard';

/** How the last call ended. */
export type CallOutcome =
  | { kind: 'created'; incident: Incident; durationMs: number }
  | { kind: 'linked'; incident: Incident; durationMs: number }
  | { kind: 'disposed'; disposition: Disposition; durationMs: number; ticket?: Ticket | undefined };

export interface CallControls {
  /** The call in progress, or null between calls. */
  draft: CallDraft | null;
  outcome: CallOutcome | null;
  error: string | null;
  isSending: boolean;
  isDisposing: boolean;
  /** [IC10] The draft was restored from the browser after a reload or a dropped connection. */
  isRestored: boolean;
  /** [IC10] N or Esc with a draft open: waiting for the call-taker to confirm throwing it away. */
  pendingDiscard: DiscardIntent | null;
  start: () => void;
  /** Starts a new call, asking first when a draft is open. */
  requestNewCall: () => void;
  /** Asks to throw the draft away (Esc). */
  requestDiscard: () => void;
  confirmDiscard: () => void;
  keepDraft: () => void;
  update: (patch: Partial<CallDraft>) => void;
  create: () => Promise<void>;
  link: (incidentId: string) => Promise<void>;
  beginDispose: () => void;
  cancelDispose: () => void;
  /** [CS11] With a `referral`, the Care Connect ticket is logged first, then the call closed naming it. */
  dispose: (disposition: Disposition, notes: string, referral?: Referral) => Promise<void>;
  /** Clears the last outcome (the reference has been read back). */
  clearOutcome: () => void;
}

/**
 * One call at a time: its draft, and the three ways it ends (new incident, linked caller, disposition). [IC10] The
 * draft is kept in the browser under the signed-in user until the call ends, so a reload or a dropped connection
 * never loses it, and it is thrown away only once the call-taker confirms.
 */
export function useCall(commands: CommandClient, userId: string, onCreated?: (incident: Incident) => void): CallControls {
  const [storage] = useState(browserStorage);
  const [restored] = useState(() => (storage ? CALL_DRAFTS.load(storage, userId) : null));
  const [draft, setDraft] = useState<CallDraft | null>(restored);
  const [isRestored, setRestored] = useState(restored !== null);
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  const [isDisposing, setDisposing] = useState(false);
  const [pendingDiscard, setPendingDiscard] = useState<DiscardIntent | null>(null);
  // [CS11] The ticket a referral created while closing the call failed: a retry closes the call, never logs it twice.
  const [referred, setReferred] = useState<Ticket | null>(null);

  useKeptDraft(CALL_DRAFTS, storage, userId, draft);

  const start = useCallback(() => {
    setDraft(newCallDraft(Date.now()));
    setReferred(null);
    setRestored(false);
    setPendingDiscard(null);
    setOutcome(null);
    setError(null);
    setDisposing(false);
  }, []);

  function requestNewCall(): void {
    if (draft) setPendingDiscard('new_call');
    else start();
  }

  function confirmDiscard(): void {
    if (pendingDiscard === 'new_call') {
      start();
      focusField('callback');
      return;
    }
    setDraft(null);
    setReferred(null);
    setRestored(false);
    setPendingDiscard(null);
    setError(null);
    setDisposing(false);
  }

  const update = useCallback((patch: Partial<CallDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d)), []);

  /** Sends `payload` and ends the call on success; a refusal is shown in words, counting the text that was sent. */
  async function finish<P, T>(payload: P, send: (payload: P) => Promise<{ ok: true; data: T } | { ok: false; error: Parameters<typeof formatCommandError>[0] }>, then: (data: T) => CallOutcome): Promise<void> {
    if (isSending) return;
    setSending(true);
    setError(null);
    const answer = await send(payload);
    setSending(false);
    if (!answer.ok) {
      setError(formatCommandError(answer.error, undefined, payload));
      return;
    }
    setOutcome(then(answer.data));
    setDraft(null);
    setReferred(null);
    setRestored(false);
    setDisposing(false);
  }

  async function create(): Promise<void> {
    if (!draft) return;
    const checked = createPayload(draft);
    if (!checked.ok) return setError(checked.message);
    const startedAt = draft.startedAt;
    await finish(
      checked.payload,
      (payload) => commands.sendCommand('incident:create', payload),
      (incident) => {
        onCreated?.(incident);
        return { kind: 'created', incident, durationMs: Date.now() - startedAt };
      },
    );
  }

  async function link(incidentId: string): Promise<void> {
    if (!draft) return;
    const checked = linkPayload(draft, incidentId);
    if (!checked.ok) return setError(checked.message);
    const startedAt = draft.startedAt;
    await finish(
      checked.payload,
      (payload) => commands.sendCommand('incident:link_caller', payload),
      (incident) => ({ kind: 'linked', incident, durationMs: Date.now() - startedAt }),
    );
  }

  async function dispose(disposition: Disposition, notes: string, referral?: Referral): Promise<void> {
    if (!draft || isSending) return;
    let ticket = referred;
    if (referral && !ticket) {
      const ticketChecked = referralTicketPayload(draft, referral);
      if (!ticketChecked.ok) return setError(ticketChecked.message);
      setSending(true);
      setError(null);
      const created = await commands.sendCommand('ticket:create', ticketChecked.payload);
      setSending(false);
      if (!created.ok) return setError(formatCommandError(created.error, undefined, ticketChecked.payload));
      ticket = created.data;
      setReferred(ticket);
    }
    const checked = disposePayload(draft, disposition, ticket ? referralNotes(ticket, notes) : notes);
    if (!checked.ok) return setError(checked.message);
    const startedAt = draft.startedAt;
    const referredTicket = ticket ?? undefined;
    await finish(
      checked.payload,
      (payload) => commands.sendCommand('call:dispose', payload),
      () => ({ kind: 'disposed', disposition, durationMs: Date.now() - startedAt, ticket: referredTicket }),
    );
  }

  return {
    draft,
    outcome,
    error,
    isSending,
    isDisposing,
    isRestored,
    pendingDiscard,
    start,
    requestNewCall,
    requestDiscard: () => draft && setPendingDiscard('discard'),
    confirmDiscard,
    keepDraft: () => setPendingDiscard(null),
    update,
    create,
    link,
    beginDispose: () => draft && setDisposing(true),
    cancelDispose: () => setDisposing(false),
    dispose,
    clearOutcome: () => setOutcome(null),
  };
}
