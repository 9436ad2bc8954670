import type { Actor } from '../auth/roles.ts';
import { callerIdentity } from '../callers/callerIdentity.ts';
import type { AreaLookup } from '../incidents/incidentLifecycle.ts';
import { REFERENCE_PLACEHOLDER } from '../incidents/incidentLifecycle.ts';
import type { CareCatalogue, CareService } from './careServiceSchema.ts';
import {
  isTicketClosed,
  TICKET_STATUS_LABELS,
  type PublicTicket,
  type Ticket,
  type TicketCallback,
  type TicketCaller,
  type TicketChannel,
  type TicketCreateInput,
  type TicketUpdateInput,
} from './ticketSchema.ts';

const HOUR_MS = 3_600_000;

type CallerEntry = { callerName: string; callbackNumber: string; email: string };

/** [CC2] A caller as the ticket keeps them: unknown names and withheld numbers kept as such, never refused. [IC9] */
export function ticketCaller(entry: CallerEntry, channel: TicketChannel, actor: Actor, now: number): TicketCaller {
  const identity = callerIdentity(entry);
  return {
    name: identity.callerName,
    callbackNumber: identity.callbackNumber,
    callbackStatus: identity.callbackStatus,
    email: entry.email === '' ? null : entry.email,
    channel,
    at: now,
    by: actor.operatorId,
  };
}

/** [CC2] A callback owed to the caller at `callerIndex`, when the city has a number to call. */
function owedCallback(ticket: Pick<Ticket, 'callbacks'>, callers: readonly TicketCaller[], callerIndex: number, reason: TicketCallback['reason'], dueAt: number): TicketCallback[] {
  if (callers[callerIndex]?.callbackNumber === null || callers[callerIndex] === undefined) return [];
  return [{ id: `cb${ticket.callbacks.length + 1}`, callerIndex, reason, dueAt, status: 'due', at: null, by: null, note: '' }];
}

/** [CC1][CC2] A new ticket from a validated request; `id` and `reference` are filled by the store. */
export function buildTicket(input: TicketCreateInput, service: CareService, area: AreaLookup | null, actor: Actor, now: number): Ticket {
  const caller = ticketCaller(input, input.channel, actor, now);
  const base: Ticket = {
    id: REFERENCE_PLACEHOLDER,
    reference: REFERENCE_PLACEHOLDER,
    serviceCode: service.code,
    department: service.department,
    status: 'open',
    description: input.description,
    location: input.location ?? null,
    address: input.address,
    ward: area?.ward ?? null,
    region: area?.region ?? null,
    isInsideMetro: area ? area.isInsideMetro : null,
    extra: Object.fromEntries(service.extraFields.flatMap((field) => (input.extra[field.key] ? [[field.key, input.extra[field.key] ?? '']] : []))),
    channel: input.channel,
    callers: [caller],
    createdAt: now,
    createdBy: actor.operatorId,
    expectedBy: now + service.expectedHours * HOUR_MS,
    statusAt: now,
    closedAt: null,
    history: [{ at: now, by: actor.operatorId, status: 'open', publicNote: `Logged with Care Connect for ${service.name}.`, internalNote: '' }],
    callbacks: [],
    incidentId: null,
    duplicateOf: null,
  };
  return { ...base, callbacks: owedCallback(base, base.callers, 0, 'logged', now + service.callbackWithinHours * HOUR_MS) };
}

/**
 * [CC2] The ticket after a department's change: the new state in its history with both notes; an end sets
 * `closedAt` and owes every caller with a number a callback (each number once) [CC3]; a reopen clears it.
 */
export function withTicketUpdate(ticket: Ticket, update: Pick<TicketUpdateInput, 'status' | 'publicNote' | 'internalNote' | 'expectedBy' | 'duplicateOf'>, service: CareService, actor: Actor, now: number): Ticket {
  const isClosing = isTicketClosed(update.status) && !isTicketClosed(ticket.status);
  const next: Ticket = {
    ...ticket,
    status: update.status,
    statusAt: update.status === ticket.status ? ticket.statusAt : now,
    closedAt: isTicketClosed(update.status) ? (ticket.closedAt ?? now) : null,
    expectedBy: update.expectedBy ?? ticket.expectedBy,
    duplicateOf: update.status === 'closed_duplicate' ? (update.duplicateOf ?? null) : ticket.duplicateOf,
    history: [...ticket.history, { at: now, by: actor.operatorId, status: update.status, publicNote: update.publicNote, internalNote: update.internalNote }],
  };
  if (!isClosing) return next;
  const seen = new Set<string>();
  let callbacks = next.callbacks;
  next.callers.forEach((caller, index) => {
    if (caller.callbackNumber === null || seen.has(caller.callbackNumber)) return;
    seen.add(caller.callbackNumber);
    callbacks = [...callbacks, ...owedCallback({ callbacks }, next.callers, index, 'closed', now + service.callbackWithinHours * HOUR_MS)];
  });
  return { ...next, callbacks };
}

/** [CC3] Another caller about the same problem joins the ticket; the city owes them a callback too. */
export function withLinkedTicketCaller(ticket: Ticket, caller: TicketCaller, note: string, service: CareService, actor: Actor, now: number): Ticket {
  const callers = [...ticket.callers, caller];
  const history = note === '' ? ticket.history : [...ticket.history, { at: now, by: actor.operatorId, status: ticket.status, publicNote: '', internalNote: `Caller linked: ${note}` }];
  return { ...ticket, callers, history, callbacks: [...ticket.callbacks, ...owedCallback(ticket, callers, callers.length - 1, 'logged', now + service.callbackWithinHours * HOUR_MS)] };
}

/** [CC2] A callback made or failed, by whom and when; the ticket's other fields do not change. */
export function withCallbackOutcome(ticket: Ticket, callbackId: string, outcome: 'made' | 'failed', note: string, actor: Actor, now: number): Ticket {
  return { ...ticket, callbacks: ticket.callbacks.map((cb) => (cb.id === callbackId ? { ...cb, status: outcome, at: now, by: actor.operatorId, note } : cb)) };
}

/** [CC2] Whether a ticket is past its expected date while still open. */
export function isTicketOverdue(ticket: Pick<Ticket, 'status' | 'expectedBy'>, now: number): boolean {
  return !isTicketClosed(ticket.status) && now > ticket.expectedBy;
}

/** [CC2] The callbacks still owed past their due time. */
export function overdueCallbacks(ticket: Pick<Ticket, 'callbacks'>, now: number): TicketCallback[] {
  return ticket.callbacks.filter((cb) => cb.status === 'due' && now > cb.dueAt);
}

/** [CC5] What the resident reads: no caller, number, internal note or exact place. */
export function publicTicket(ticket: Ticket, catalogue: CareCatalogue, timeZone: string): PublicTicket {
  return {
    reference: ticket.reference,
    service: catalogue.service(ticket.serviceCode)?.name ?? ticket.serviceCode,
    department: catalogue.department(ticket.department)?.name ?? ticket.department,
    status: ticket.status,
    statusLabel: TICKET_STATUS_LABELS[ticket.status],
    createdAt: ticket.createdAt,
    expectedBy: ticket.expectedBy,
    closedAt: ticket.closedAt,
    ward: ticket.ward,
    updates: ticket.history.filter((entry, i) => i === 0 || entry.publicNote !== '').map((entry) => ({ at: entry.at, status: entry.status, note: entry.publicNote })),
    timeZone,
  };
}
