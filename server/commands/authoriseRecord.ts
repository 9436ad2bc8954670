import type { Session } from '../../shared/auth/roles.ts';
import type { CommandError } from '../../shared/errors/errorCodes.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import type { RecordRule } from '../../shared/protocol/contract.ts';
import { UNIT_KIND_AGENCY } from '../../shared/units/unitKinds.ts';
import type { CadContext } from '../app/cadContext.ts';
import { readIncident } from '../incidents/readIncident.ts';
import { readTicket } from '../tickets/readTicket.ts';
import { ticketIdOf } from '../tickets/changeTicket.ts';

const forbidden = (message: string, unitId?: string): CommandError => ({ code: 'forbidden', message, ...(unitId ? { unitId } : {}) });

/**
 * [AU2][DK3][AU7] The per-record rule of a command, applied to a session whose role may send it:
 * a crew acts only on the vehicle it is signed on to and sees only that vehicle's incident; an agency
 * desk commits and changes only its agency's units, and sees only its incidents and the units on them.
 * Call-takers, supervisors and the combined desk see every record. A record that does not exist passes
 * here so that the command answers with its own "not found".
 */
export async function authoriseRecord(ctx: CadContext, rule: RecordRule<unknown, unknown> | undefined, input: unknown, session: Session): Promise<CommandError | null> {
  if (!rule) return null;
  const unitIds = rule.units?.(input) ?? [];
  // [CC6] A department officer acts on and reads only its own department's tickets.
  if (session.role === 'department_officer') return authoriseDepartment(ctx, rule, input, session);
  const incidentIds = [...(rule.incident ? [rule.incident(input)] : []), ...(rule.incidents?.(input) ?? [])];
  if (session.role === 'crew') {
    if (!session.unitId) return { code: 'not_signed_on', message: 'sign on to a vehicle first' };
    const other = unitIds.find((id) => id !== session.unitId);
    if (other !== undefined) return forbidden(`a crew acts only on its own vehicle (${session.unitId})`, other);
    if (incidentIds.length > 0) {
      const committedTo = await ctx.redis.hget(ctx.keys.unit(session.unitId), 'incidentId');
      if (incidentIds.some((id) => id !== committedTo)) return forbidden('a crew sees only the incident its vehicle is committed to');
    }
    return null;
  }
  const agency = session.role === 'dispatcher' ? session.agency : undefined;
  if (!agency) return null;
  for (const incidentId of incidentIds) {
    const found = await readIncident(ctx, incidentId);
    if (found && !found.incident.agencies.includes(agency)) return forbidden(`incident ${incidentId} does not go to this desk`);
  }
  for (const unitId of unitIds) {
    const kind = await ctx.unitKinds.kindOf(unitId);
    if (kind === null || UNIT_KIND_AGENCY[kind] === agency) continue;
    if (rule.unitAccess === 'act') return forbidden(`a desk commits and changes only its own agency's units; ${unitId} is not one`, unitId);
    // Looking at another agency's unit is allowed while it is on one of the desk's incidents.
    const committedTo = await ctx.redis.hget(ctx.keys.unit(unitId), 'incidentId');
    const incident = committedTo ? await readIncident(ctx, committedTo) : null;
    if (!incident?.incident.agencies.includes(agency)) return forbidden(`unit ${unitId} is not this desk's and not on its incidents`, unitId);
  }
  return null;
}

/** [CC6] The ticket or department a command names must be the officer's department. */
async function authoriseDepartment(ctx: CadContext, rule: RecordRule<unknown, unknown>, input: unknown, session: Session): Promise<CommandError | null> {
  if (!session.department) return forbidden('a department officer works for a department; ask an administrator to set yours');
  const department = rule.department?.(input);
  if (department !== undefined && department !== session.department) return forbidden(`an officer sees only the ${session.department} queue`);
  if (rule.ticket) {
    const found = await readTicket(ctx, ticketIdOf(rule.ticket(input)));
    if (found && found.ticket.department !== session.department) return forbidden(`ticket ${found.ticket.reference} belongs to another department`);
  }
  return null;
}

/** [AU7] For reads by reference: every incident the answer shows must be one the session may see. */
export function mayViewIncidents(session: Session, incidents: readonly Incident[]): boolean {
  if (session.role === 'crew') return incidents.every((incident) => incident.assignments.some((a) => a.unitId === session.unitId));
  const agency = session.role === 'dispatcher' ? session.agency : undefined;
  return !agency || incidents.every((incident) => incident.agencies.includes(agency));
}
