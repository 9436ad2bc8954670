import type { Actor } from '../../shared/auth/roles.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import { activeAssignments, withAcknowledgedUnit } from '../../shared/incidents/incidentLifecycle.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { UnitAcknowledgeInput } from '../../shared/units/unitCommands.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, untilSettled, type CommandOutcome } from '../commands/commandOutcome.ts';
import { firstIncident } from '../incidents/createIncident.ts';
import { readIncident } from '../incidents/readIncident.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { readUnits } from './readUnits.ts';

/** [AK1] The crew acknowledges its assignment; the time is kept on the assignment and journaled. */
export function acknowledgeAssignment(ctx: CadContext, input: UnitAcknowledgeInput, actor: Actor): Promise<CommandOutcome<Incident>> {
  return untilSettled(async () => {
    const [unit] = await readUnits(ctx, [input.unitId]);
    if (!unit) return refusal('unit_not_found', `no unit ${input.unitId}`, { unitId: input.unitId });
    const current = unit.incidentId ? await readIncident(ctx, unit.incidentId) : null;
    const assignment = current ? activeAssignments(current.incident).find((a) => a.unitId === unit.id) : undefined;
    if (!current || !assignment) return refusal('unit_not_assigned', `${unit.callSign} has no assignment to acknowledge`, { unitId: unit.id });
    // Acknowledging twice is harmless: the first time stands and the incident is the answer.
    if (assignment.acknowledgedAt !== null) return { result: ok(current.incident) };
    const now = ctx.now();
    const { keys } = ctx;
    const reply = await SCRIPTS.updateIncident.run(
      ctx.redis,
      [keys.command(input.commandId), keys.incident(current.incident.id), keys.journal, keys.version],
      ['unit:acknowledge', current.rev, JSON.stringify(withAcknowledgedUnit(current.incident, unit.id, now, actor.operatorId)), now, JSON.stringify(actor), 'unit:acknowledged'],
    );
    return parseScriptAnswer(reply);
  }, firstIncident);
}
