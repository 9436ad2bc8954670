import type { Actor } from '../../shared/auth/roles.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import { queueScore } from '../../shared/incidents/incidentLifecycle.ts';
import { REOPEN_WINDOW_MINUTES, type IncidentReopenInput } from '../../shared/incidents/lifecycleSchema.ts';
import { isWithinReopenWindow, reopenedIncident } from '../../shared/incidents/lifecycleSteps.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, untilSettled, type CommandOutcome } from '../commands/commandOutcome.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { firstIncident } from './createIncident.ts';
import { readIncident } from './readIncident.ts';

/**
 * [LC3] Reopens a closed incident within the window after its close, or sends an incident awaiting close back
 * for more units [LC8]: it returns to the open queue as `pending`. An incident still open otherwise is refused.
 */
export function reopenIncident(ctx: CadContext, input: IncidentReopenInput, actor: Actor): Promise<CommandOutcome<Incident>> {
  return untilSettled(async () => {
    const current = await readIncident(ctx, input.incidentId);
    if (!current) return refusal('incident_not_found', `no incident ${input.incidentId}`);
    const { incident } = current;
    const now = ctx.now();
    if (incident.status === 'pending' || incident.status === 'dispatched') {
      return refusal('incident_not_closed', `${incident.reference} is open (${incident.status}); only a closed incident or one awaiting close is reopened`);
    }
    if (incident.status === 'closed' && !isWithinReopenWindow(incident, now)) {
      return refusal('reopen_window_passed', `${incident.reference} closed more than ${REOPEN_WINDOW_MINUTES} minutes ago; create a new incident`);
    }
    const next = reopenedIncident(incident, input.reason, actor, now);
    const { keys } = ctx;
    const reply = await SCRIPTS.reopenIncident.run(
      ctx.redis,
      [keys.command(input.commandId), keys.incident(incident.id), keys.openIncidents, keys.openIncidentLocations, keys.journal, keys.version],
      ['incident:reopen', current.rev, JSON.stringify(next), now, JSON.stringify(actor), incident.id, queueScore(next), incident.location[0], incident.location[1]],
    );
    return parseScriptAnswer(reply);
  }, firstIncident);
}
