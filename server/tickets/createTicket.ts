import type { Actor } from '../../shared/auth/roles.ts';
import { referenceDay } from '../../shared/incidents/referenceNumber.ts';
import { extraFieldProblem } from '../../shared/tickets/careServiceSchema.ts';
import type { Ticket, TicketCreateInput } from '../../shared/tickets/ticketSchema.ts';
import { buildTicket } from '../../shared/tickets/ticketSteps.ts';
import { fail } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import { outcomeOf, type CommandOutcome } from '../commands/commandOutcome.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { serviceOf } from './careCatalogueOf.ts';
import { firstTicket } from './readTicket.ts';
import { publicRecordOf } from './publicRecord.ts';

/**
 * [CC1][CC2] Logs a service request: the service's extra fields checked for form, a place where the service is
 * about one, then the reference issued, the ticket stored in its department's queue and journaled in one step.
 */
export async function createTicket(ctx: CadContext, input: TicketCreateInput, actor: Actor): Promise<CommandOutcome<Ticket>> {
  const found = serviceOf<Ticket>(ctx, input.serviceCode);
  if ('result' in found) return found;
  const { service } = found;
  const issues = service.extraFields.flatMap((field) => {
    const problem = extraFieldProblem(field, input.extra[field.key]);
    return problem ? [{ path: `extra.${field.key}`, message: problem }] : [];
  });
  if (service.needsLocation && !input.location && input.address === '') issues.push({ path: 'location', message: `${service.name} needs a place: a location or an address` });
  if (issues.length > 0) return { result: fail('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues }) };
  const now = ctx.now();
  const ticket = buildTicket(input, service, input.location ? ctx.city.locate(input.location) : null, actor, now);
  const day = referenceDay(now, ctx.city.data.timeZone);
  const { keys } = ctx;
  const reply = await SCRIPTS.createTicket.run(
    ctx.redis,
    [keys.command(input.commandId), keys.ticketReferenceCounter(day), keys.openTickets(service.department), keys.ticketLocations(service.code), keys.ticketsCreated, keys.journal, keys.version, keys.ticketsCreatedByService(service.code)],
    ['ticket:create', keys.ticketPrefix, day, JSON.stringify(ticket), ticket.expectedBy, input.location?.[0] ?? '', input.location?.[1] ?? '', now, JSON.stringify(actor), publicRecordOf(ctx, ticket)],
  );
  const answer = parseScriptAnswer(reply);
  if (answer.kind === 'retry') throw new Error('createTicket never asks for a retry');
  return outcomeOf(answer, firstTicket);
}
