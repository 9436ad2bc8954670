import type { Actor } from '../../shared/auth/roles.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import { queueScore } from '../../shared/incidents/incidentLifecycle.ts';
import type { IncidentUpdateTypeInput } from '../../shared/incidents/lifecycleSchema.ts';
import { reclassifiedIncident } from '../../shared/incidents/lifecycleSteps.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, untilSettled, type CommandOutcome } from '../commands/commandOutcome.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { firstIncident } from './createIncident.ts';
import { readIncident } from './readIncident.ts';

/**
 * [LC6] Changes an open incident's type and/or priority with the reason: the plan and agencies follow the new
 * type from the catalogue, the queue order follows the priority, and the recommendation (computed from the
 * incident) follows both. The delta carries the new incident, so a desk that newly sees it receives it.
 */
export function updateIncidentType(ctx: CadContext, input: IncidentUpdateTypeInput, actor: Actor): Promise<CommandOutcome<Incident>> {
  return untilSettled(async () => {
    const current = await readIncident(ctx, input.incidentId);
    if (!current) return refusal('incident_not_found', `no incident ${input.incidentId}`);
    if (current.incident.status === 'closed') return refusal('incident_closed', `${input.incidentId} is closed; reopen it first`);
    const now = ctx.now();
    const next = reclassifiedIncident(current.incident, input, actor, now);
    const { keys } = ctx;
    const reply = await SCRIPTS.reclassifyIncident.run(
      ctx.redis,
      [keys.command(input.commandId), keys.incident(input.incidentId), keys.openIncidents, keys.journal, keys.version],
      ['incident:update_type', current.rev, JSON.stringify(next), now, JSON.stringify(actor), input.incidentId, queueScore(next)],
    );
    return parseScriptAnswer(reply);
  }, firstIncident);
}
