import type { Actor } from '../../shared/auth/roles.ts';
import { normalizeTicketReference } from '../../shared/tickets/ticketReference.ts';
import {
  isTicketClosed,
  isTicketTransitionAllowed,
  TICKET_STATUS_LABELS,
  type Ticket,
  type TicketCallbackInput,
  type TicketLinkCallerInput,
  type TicketUpdateInput,
} from '../../shared/tickets/ticketSchema.ts';
import { ticketCaller, withCallbackOutcome, withLinkedTicketCaller, withTicketUpdate } from '../../shared/tickets/ticketSteps.ts';
import type { Fact } from '../../shared/protocol/stateSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, untilSettled, type CommandOutcome } from '../commands/commandOutcome.ts';
import { parseScriptAnswer, type ScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { serviceOf } from './careCatalogueOf.ts';
import { firstTicket, readTicket, type TicketAtRevision } from './readTicket.ts';
import { publicRecordOf } from './publicRecord.ts';

/** The canonical id of a ticket named by reference as typed ("cc 261128 0001 4"). */
export function ticketIdOf(text: string): string {
  return normalizeTicketReference(text) ?? text.trim();
}

/** Writes a ticket the server changed from the revision it read (updateTicket.lua), journaled as `fact`. */
async function writeTicket(ctx: CadContext, command: string, commandId: string, current: TicketAtRevision, next: Ticket, actor: Actor, fact: Fact): Promise<ScriptAnswer> {
  const { keys } = ctx;
  const reply = await SCRIPTS.updateTicket.run(
    ctx.redis,
    [keys.command(commandId), keys.ticket(next.id), keys.openTickets(next.department), keys.ticketLocations(next.serviceCode), keys.journal, keys.version],
    [command, current.rev, JSON.stringify(next), ctx.now(), JSON.stringify(actor), fact, isTicketClosed(next.status) ? '0' : '1', next.expectedBy, next.location?.[0] ?? '', next.location?.[1] ?? '', publicRecordOf(ctx, next)],
  );
  return parseScriptAnswer(reply);
}

/**
 * [CC2] A department moves a ticket on (TICKET_TRANSITIONS), with a public note the resident reads and an internal
 * one; an end owes every caller a callback, a duplicate names the ticket that carries the work. [CC3]
 */
export function updateTicket(ctx: CadContext, input: TicketUpdateInput, actor: Actor): Promise<CommandOutcome<Ticket>> {
  return untilSettled(async () => {
    const current = await readTicket(ctx, ticketIdOf(input.ticketId));
    if (!current) return refusal('ticket_not_found', `no ticket ${input.ticketId}`);
    const { ticket } = current;
    const found = serviceOf<Ticket>(ctx, ticket.serviceCode);
    if ('result' in found) return found;
    const isNoteOnly = input.status === ticket.status && !isTicketClosed(ticket.status);
    if (!isNoteOnly && !isTicketTransitionAllowed(ticket.status, input.status)) {
      return refusal('ticket_transition_not_allowed', `${ticket.reference} is ${TICKET_STATUS_LABELS[ticket.status]}: it cannot become ${TICKET_STATUS_LABELS[input.status]}`);
    }
    const duplicateOf = input.duplicateOf === undefined ? undefined : ticketIdOf(input.duplicateOf);
    if (duplicateOf !== undefined) {
      const other = await readTicket(ctx, duplicateOf);
      if (!other || other.ticket.id === ticket.id) return refusal('ticket_not_found', `no other ticket ${input.duplicateOf} to be a duplicate of`);
    }
    const next = withTicketUpdate(ticket, { ...input, ...(duplicateOf === undefined ? {} : { duplicateOf }) }, found.service, actor, ctx.now());
    return writeTicket(ctx, 'ticket:update', input.commandId, current, next, actor, 'ticket:updated');
  }, firstTicket);
}

/** [CC3] Another caller about the same open ticket joins it and is given its reference. */
export function linkTicketCaller(ctx: CadContext, input: TicketLinkCallerInput, actor: Actor): Promise<CommandOutcome<Ticket>> {
  return untilSettled(async () => {
    const current = await readTicket(ctx, ticketIdOf(input.ticketId));
    if (!current) return refusal('ticket_not_found', `no ticket ${input.ticketId}`);
    const { ticket } = current;
    if (isTicketClosed(ticket.status)) return refusal('ticket_closed', `${ticket.reference} is ${TICKET_STATUS_LABELS[ticket.status]}: log a new ticket`);
    const found = serviceOf<Ticket>(ctx, ticket.serviceCode);
    if ('result' in found) return found;
    const now = ctx.now();
    const next = withLinkedTicketCaller(ticket, ticketCaller(input, input.channel, actor, now), input.note, found.service, actor, now);
    return writeTicket(ctx, 'ticket:link_caller', input.commandId, current, next, actor, 'ticket:caller_linked');
  }, firstTicket);
}

/** [CC2] A callback made or failed, recorded once. */
export function recordTicketCallback(ctx: CadContext, input: TicketCallbackInput, actor: Actor): Promise<CommandOutcome<Ticket>> {
  return untilSettled(async () => {
    const current = await readTicket(ctx, ticketIdOf(input.ticketId));
    if (!current) return refusal('ticket_not_found', `no ticket ${input.ticketId}`);
    const callback = current.ticket.callbacks.find((cb) => cb.id === input.callbackId);
    if (!callback) return refusal('callback_not_found', `${current.ticket.reference} has no callback ${input.callbackId}`);
    if (callback.status !== 'due') return refusal('callback_already_recorded', `callback ${input.callbackId} was already recorded as ${callback.status}`);
    const next = withCallbackOutcome(current.ticket, input.callbackId, input.outcome, input.note, actor, ctx.now());
    return writeTicket(ctx, 'ticket:callback', input.commandId, current, next, actor, 'ticket:callback_recorded');
  }, firstTicket);
}
