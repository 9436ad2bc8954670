import type { Actor } from '../../shared/auth/roles.ts';
import { buildIncident, queueScore } from '../../shared/incidents/incidentLifecycle.ts';
import { incidentType } from '../../shared/incidents/incidentTypes.ts';
import { referenceDay } from '../../shared/incidents/referenceNumber.ts';
import { isTicketClosed, type Escalation, type TicketEscalateInput } from '../../shared/tickets/ticketSchema.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, untilSettled, type CommandOutcome } from '../commands/commandOutcome.ts';
import { firstIncident } from '../incidents/createIncident.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { ticketIdOf } from './changeTicket.ts';
import { firstTicket, readTicket } from './readTicket.ts';
import { publicRecordOf } from './publicRecord.ts';

/** Placeholder the escalation script replaces with the incident's reference in the ticket. */
const INCIDENT_PLACEHOLDER = '__INCIDENT__';

/**
 * [CC4] A ticket that is an emergency (live wires down across a road, a strong gas smell, a sinkhole under a road)
 * becomes an Emergency Connect incident in one action and one atomic step (escalateTicket.lua): the incident is
 * classified from the type named, placed at the ticket's location, carries the first caller and the ticket's
 * reference, and the ticket names the incident and says so in its history. The ticket stays with its department
 * (the repair is still theirs).
 */
export function escalateTicket(ctx: CadContext, input: TicketEscalateInput, actor: Actor): Promise<CommandOutcome<Escalation>> {
  return untilSettled(async () => {
    const current = await readTicket(ctx, ticketIdOf(input.ticketId));
    if (!current) return refusal('ticket_not_found', `no ticket ${input.ticketId}`);
    const { ticket } = current;
    if (isTicketClosed(ticket.status)) return refusal('ticket_closed', `${ticket.reference} is closed: take the emergency as a new call`);
    if (ticket.incidentId !== null) return refusal('validation_failed', `${ticket.reference} was already escalated to ${ticket.incidentId}`, { issues: [{ path: 'ticketId', message: `already escalated to ${ticket.incidentId}` }] });
    if (!ticket.location) return refusal('validation_failed', `${ticket.reference} has no location: an emergency needs one`, { issues: [{ path: 'location', message: 'set the ticket location first: an emergency needs a place' }] });
    const caller = ticket.callers[0];
    const now = ctx.now();
    const incident = {
      ...buildIncident(
        {
          commandId: input.commandId,
          type: input.type,
          location: ticket.location,
          locationNotes: ticket.address,
          callerName: caller?.name ?? '',
          callbackNumber: caller?.callbackNumber ?? '',
          notes: `From Care Connect ${ticket.reference}: ${input.reason}. ${ticket.description}`.slice(0, 2000),
          answers: {},
        },
        ctx.city.locate(ticket.location),
        actor,
        now,
      ),
      careTicketId: ticket.id,
    };
    const escalated = {
      ...ticket,
      incidentId: INCIDENT_PLACEHOLDER,
      history: [...ticket.history, { at: now, by: actor.operatorId, status: ticket.status, publicNote: 'Passed to Emergency Connect as an emergency.', internalNote: `Escalated as ${incidentType(input.type).label} to ${INCIDENT_PLACEHOLDER}: ${input.reason}` }],
    };
    const day = referenceDay(now, ctx.city.data.timeZone);
    const { keys } = ctx;
    const reply = await SCRIPTS.escalateTicket.run(
      ctx.redis,
      [keys.command(input.commandId), keys.referenceCounter(day), keys.openIncidents, keys.openIncidentLocations, keys.journal, keys.version, keys.ticket(ticket.id), keys.openTickets(ticket.department), keys.ticketLocations(ticket.serviceCode)],
      ['ticket:escalate', keys.incidentPrefix, day, JSON.stringify(incident), queueScore(incident), ticket.location[0], ticket.location[1], now, JSON.stringify(actor), current.rev, JSON.stringify(escalated), '1', publicRecordOf(ctx, escalated)],
    );
    return parseScriptAnswer(reply);
  }, escalationOf);
}

/** The incident and the ticket an escalation wrote. */
export function escalationOf(delta: Delta): Escalation {
  return { incident: firstIncident(delta), ticket: firstTicket(delta) };
}
