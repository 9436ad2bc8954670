import type { Actor } from '../../shared/auth/roles.ts';
import type { Incident, IncidentCloseInput } from '../../shared/incidents/incidentSchema.ts';
import { activeAssignments, closedIncident } from '../../shared/incidents/incidentLifecycle.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, untilSettled, type CommandOutcome } from '../commands/commandOutcome.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { firstIncident } from './createIncident.ts';
import { readIncident } from './readIncident.ts';

/** [IC4] Closes an incident once no unit is still committed to it; it leaves the open queue. */
export function closeIncident(ctx: CadContext, input: IncidentCloseInput, actor: Actor): Promise<CommandOutcome<Incident>> {
  return untilSettled(async () => {
    const current = await readIncident(ctx, input.incidentId);
    if (!current) return refusal('incident_not_found', `no incident ${input.incidentId}`);
    if (current.incident.status === 'closed') return refusal('incident_closed', `${input.incidentId} is already closed`);
    const active = activeAssignments(current.incident);
    if (active.length > 0) {
      return refusal('incident_has_active_units', `${active.map((a) => a.callSign).join(', ')} still committed; stand them down first`);
    }
    const now = ctx.now();
    const { keys } = ctx;
    const reply = await SCRIPTS.closeIncident.run(
      ctx.redis,
      [keys.command(input.commandId), keys.incident(input.incidentId), keys.openIncidents, keys.openIncidentLocations, keys.journal, keys.version],
      ['incident:close', current.rev, JSON.stringify(closedIncident(current.incident, now)), now, JSON.stringify(actor), input.incidentId],
    );
    return parseScriptAnswer(reply);
  }, firstIncident);
}
