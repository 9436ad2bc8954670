import { useCallback, useState } from 'react';
import type { CareCatalogue } from '../../../shared/tickets/careServiceSchema.ts';
import type { Ticket } from '../../../shared/tickets/ticketSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import { browserStorage } from '../calls/draftStore.ts';
import { newTicketDraft, ticketCreatePayload, ticketLinkPayload, type TicketDraft } from './ticketDraft.ts';
import { TICKET_DRAFTS } from './ticketDraftStore.ts';
import { useKeptDraft } from '../calls/useKeptDraft.ts';

/** How the last request ended: a new ticket, or the caller linked to one already open. */
export type TicketOutcome = { kind: 'created' | 'linked'; ticket: Ticket };

export interface TicketDeskControls {
  draft: TicketDraft | null;
  outcome: TicketOutcome | null;
  error: string | null;
  isSending: boolean;
  /** [CS2] The draft came back from the browser after a reload. */
  isRestored: boolean;
  /** Waiting for the agent to confirm throwing the draft away. */
  isDiscarding: boolean;
  /** Starts a request, in the services of the menu option the caller chose (null: every service). */
  start: (menuDigit: string | null) => void;
  update: (patch: Partial<TicketDraft>) => void;
  create: () => Promise<void>;
  link: (ticketId: string) => Promise<void>;
  requestDiscard: () => void;
  confirmDiscard: () => void;
  keepDraft: () => void;
  clearOutcome: () => void;
  /** The outcome's ticket changed (a callback recorded, an escalation, a delta). */
  refreshOutcome: (ticket: Ticket) => void;
}

/**
 * [CS1][CS2] One request at a time: its draft, kept in the browser under the signed-in agent until the ticket is
 * created or the caller linked (a reload or a dropped connection never loses it), and the two ways it ends.
 */
export function useTicketDesk(commands: CommandClient, userId: string, catalogue: CareCatalogue | null): TicketDeskControls {
  const [storage] = useState(browserStorage);
  const [restored] = useState(() => (storage ? TICKET_DRAFTS.load(storage, userId) : null));
  const [draft, setDraft] = useState<TicketDraft | null>(restored);
  const [isRestored, setRestored] = useState(restored !== null);
  const [outcome, setOutcome] = useState<TicketOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  const [isDiscarding, setDiscarding] = useState(false);

  useKeptDraft(TICKET_DRAFTS, storage, userId, draft);

  const start = useCallback((menuDigit: string | null) => {
    setDraft(newTicketDraft(Date.now(), menuDigit));
    setRestored(false);
    setOutcome(null);
    setError(null);
    setDiscarding(false);
  }, []);

  const update = useCallback((patch: Partial<TicketDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d)), []);

  function ended(kind: TicketOutcome['kind'], ticket: Ticket) {
    setOutcome({ kind, ticket });
    setDraft(null);
    setRestored(false);
    setDiscarding(false);
  }

  async function create(): Promise<void> {
    if (!draft || isSending) return;
    const checked = ticketCreatePayload(draft, draft.serviceCode ? catalogue?.service(draft.serviceCode) : undefined);
    if (!checked.ok) return setError(checked.message);
    setSending(true);
    setError(null);
    const answer = await commands.sendCommand('ticket:create', checked.payload);
    setSending(false);
    if (answer.ok) ended('created', answer.data);
    else setError(formatCommandError(answer.error, undefined, checked.payload));
  }

  async function link(ticketId: string): Promise<void> {
    if (!draft || isSending) return;
    const checked = ticketLinkPayload(draft, ticketId);
    if (!checked.ok) return setError(checked.message);
    setSending(true);
    setError(null);
    const answer = await commands.sendCommand('ticket:link_caller', checked.payload);
    setSending(false);
    if (answer.ok) ended('linked', answer.data);
    else setError(formatCommandError(answer.error, undefined, checked.payload));
  }

  return {
    draft,
    outcome,
    error,
    isSending,
    isRestored,
    isDiscarding,
    start,
    update,
    create,
    link,
    requestDiscard: () => draft && setDiscarding(true),
    confirmDiscard: () => {
      setDraft(null);
      setRestored(false);
      setDiscarding(false);
      setError(null);
    },
    keepDraft: () => setDiscarding(false),
    clearOutcome: () => setOutcome(null),
    refreshOutcome: (ticket) => setOutcome((o) => (o && o.ticket.id === ticket.id ? { ...o, ticket } : o)),
  };
}
