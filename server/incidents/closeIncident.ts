import type { Actor } from '../../shared/auth/roles.ts';
import type { Incident, IncidentCloseInput } from '../../shared/incidents/incidentSchema.ts';
import type { IncidentCancelInput, IncidentDisposition } from '../../shared/incidents/lifecycleSchema.ts';
import { activeAssignments, closedIncident } from '../../shared/incidents/incidentLifecycle.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, untilSettled, type CommandOutcome } from '../commands/commandOutcome.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { firstIncident } from './createIncident.ts';
import { readIncident } from './readIncident.ts';

/** [IC4][LC1] Closes an incident, with its disposition, once no unit is still committed to it; it leaves the open queue. */
export function closeIncident(ctx: CadContext, input: IncidentCloseInput, actor: Actor): Promise<CommandOutcome<Incident>> {
  return commitClose(ctx, input, { disposition: input.disposition, note: input.note }, actor, () => null);
}

/**
 * [LC2] Cancels an incident no unit was ever committed to (a caller rings back, a call-taker's mistake): it is
 * closed with the disposition `cancelled` and the reason.
 */
export function cancelIncident(ctx: CadContext, input: IncidentCancelInput, actor: Actor): Promise<CommandOutcome<Incident>> {
  return commitClose(ctx, input, { disposition: 'cancelled', note: input.reason }, actor, (incident) =>
    incident.assignments.length > 0 ? refusal('incident_already_dispatched', `${incident.reference} has had units committed; close it with a disposition instead`) : null,
  );
}

/** The one close step of close and cancel: checks, then closeIncident.lua at the revision read. */
function commitClose(
  ctx: CadContext,
  input: { commandId: string; incidentId: string },
  close: { disposition: IncidentDisposition; note: string },
  actor: Actor,
  check: (incident: Incident) => CommandOutcome<Incident> | null,
): Promise<CommandOutcome<Incident>> {
  const command = close.disposition === 'cancelled' ? 'incident:cancel' : 'incident:close';
  return untilSettled(async () => {
    const current = await readIncident(ctx, input.incidentId);
    if (!current) return refusal('incident_not_found', `no incident ${input.incidentId}`);
    if (current.incident.status === 'closed') return refusal('incident_closed', `${input.incidentId} is already closed`);
    const refused = check(current.incident);
    if (refused) return refused;
    const active = activeAssignments(current.incident);
    if (active.length > 0) {
      return refusal('incident_has_active_units', `${active.map((a) => a.callSign).join(', ')} still committed; stand them down first`);
    }
    const now = ctx.now();
    const { keys } = ctx;
    const reply = await SCRIPTS.closeIncident.run(
      ctx.redis,
      [keys.command(input.commandId), keys.incident(input.incidentId), keys.openIncidents, keys.openIncidentLocations, keys.journal, keys.version],
      [command, current.rev, JSON.stringify(closedIncident(current.incident, close, actor, now)), now, JSON.stringify(actor), input.incidentId],
    );
    return parseScriptAnswer(reply);
  }, firstIncident);
}
