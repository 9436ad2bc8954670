import type { Actor } from '../../shared/auth/roles.ts';
import type { Incident, IncidentCreateInput } from '../../shared/incidents/incidentSchema.ts';
import { buildIncident, queueScore, REFERENCE_PLACEHOLDER } from '../../shared/incidents/incidentLifecycle.ts';
import { buildCallRecord } from '../../shared/callers/callRecord.ts';
import { referenceDay } from '../../shared/incidents/referenceNumber.ts';
import type { CadContext } from '../app/cadContext.ts';
import { outcomeOf, type CommandOutcome } from '../commands/commandOutcome.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { callHistoryKey } from '../callers/callHistoryKey.ts';

/** [IC1] Classifies, numbers, stores and journals a new incident in one atomic step. */
export async function createIncident(ctx: CadContext, input: IncidentCreateInput, actor: Actor): Promise<CommandOutcome<Incident>> {
  const now = ctx.now();
  const incident = buildIncident(input, ctx.city.locate(input.location), actor, now);
  const day = referenceDay(now, ctx.city.data.timeZone);
  const call = buildCallRecord(input, { outcome: 'incident', incidentId: REFERENCE_PLACEHOLDER }, actor, now);
  const { keys } = ctx;
  const history = callHistoryKey(ctx, call);
  const reply = await SCRIPTS.createIncident.run(
    ctx.redis,
    [keys.command(input.commandId), keys.referenceCounter(day), keys.openIncidents, keys.openIncidentLocations, keys.journal, keys.version, history.key],
    ['incident:create', keys.incidentPrefix, day, JSON.stringify(incident), queueScore(incident), input.location[0], input.location[1], now, JSON.stringify(actor), JSON.stringify(call), history.hasNumber],
  );
  const answer = parseScriptAnswer(reply);
  if (answer.kind === 'retry') throw new Error('createIncident never asks for a retry');
  return outcomeOf(answer, firstIncident);
}

/** The incident a delta is about; every incident fact carries exactly one. */
export function firstIncident(delta: { incidents: Incident[] }): Incident {
  const incident = delta.incidents[0];
  if (!incident) throw new Error('an incident fact without its incident');
  return incident;
}
