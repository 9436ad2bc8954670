import type { Actor } from '../../shared/auth/roles.ts';
import { buildCallRecord } from '../../shared/callers/callRecord.ts';
import type { Incident, LinkCallerInput } from '../../shared/incidents/incidentSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, untilSettled, type CommandOutcome } from '../commands/commandOutcome.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { callerIdentity } from '../../shared/callers/callerIdentity.ts';
import { callHistoryKey } from '../callers/callHistoryKey.ts';
import { firstIncident } from './createIncident.ts';
import { readIncident } from './readIncident.ts';

/** [DU2] Links another caller to an open incident: both callers are kept, nothing new is created. */
export function linkCaller(ctx: CadContext, input: LinkCallerInput, actor: Actor): Promise<CommandOutcome<Incident>> {
  return untilSettled(async () => {
    const current = await readIncident(ctx, input.incidentId);
    if (!current) return refusal('incident_not_found', `no incident ${input.incidentId}`);
    if (current.incident.status === 'closed') return refusal('incident_closed', `${input.incidentId} is closed; create a new incident`);
    const now = ctx.now();
    const caller = { ...callerIdentity(input), notes: input.notes, linkedAt: now, linkedBy: actor.operatorId };
    const next: Incident = { ...current.incident, additionalCallers: [...current.incident.additionalCallers, caller] };
    const call = buildCallRecord(input, { outcome: 'linked', incidentId: input.incidentId }, actor, now);
    const { keys } = ctx;
    const history = callHistoryKey(ctx, call);
    const reply = await SCRIPTS.linkCaller.run(
      ctx.redis,
      [keys.command(input.commandId), keys.incident(input.incidentId), keys.journal, keys.version, history.key],
      ['incident:link_caller', current.rev, JSON.stringify(next), now, JSON.stringify(actor), JSON.stringify(call), history.hasNumber],
    );
    return parseScriptAnswer(reply);
  }, firstIncident);
}
