import type { Actor } from '../../shared/auth/roles.ts';
import { activeAssignments } from '../../shared/incidents/incidentLifecycle.ts';
import type { ReleaseInput } from '../../shared/incidents/lifecycleSchema.ts';
import { releasedIncident } from '../../shared/incidents/lifecycleSteps.ts';
import type { AssignOutcome } from '../../shared/protocol/contract.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import { isStatusTransitionAllowed, UNIT_STATUS_LABELS } from '../../shared/units/unitStatus.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, untilSettled, type CommandOutcome } from '../commands/commandOutcome.ts';
import { firstIncident } from '../incidents/createIncident.ts';
import { readIncident } from '../incidents/readIncident.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { readUnits } from '../units/readUnits.ts';

/**
 * [LC4] A desk stands a unit down from an incident with the reason: the unit goes available and leaves the
 * incident in one atomic step, the same clearing step as a crew's `unit:status` available (setUnitStatus.lua)
 * under its own fact. [LC7] The last unit to leave puts the incident in `awaiting_close`.
 */
export function releaseUnit(ctx: CadContext, input: ReleaseInput, actor: Actor): Promise<CommandOutcome<AssignOutcome>> {
  return untilSettled(async () => {
    const [unit] = await readUnits(ctx, [input.unitId]);
    if (!unit) return refusal('unit_not_found', `no unit ${input.unitId}`, { unitId: input.unitId });
    const current = await readIncident(ctx, input.incidentId);
    if (!current) return refusal('incident_not_found', `no incident ${input.incidentId}`);
    const isOnIncident = unit.incidentId === input.incidentId && activeAssignments(current.incident).some((a) => a.unitId === unit.id);
    if (!isOnIncident) return refusal('unit_not_on_incident', `${unit.callSign} is not committed to ${input.incidentId}`, { unitId: unit.id });
    // [US1] A unit carrying a patient is not stood down: it goes on to hospital first.
    if (!isStatusTransitionAllowed(unit.status, 'available')) {
      return refusal('status_transition_not_allowed', `${unit.callSign} cannot be released while ${UNIT_STATUS_LABELS[unit.status].toLowerCase()}`, { unitId: unit.id });
    }
    const now = ctx.now();
    const { keys } = ctx;
    const next = releasedIncident(current.incident, input, actor, now);
    const reply = await SCRIPTS.setUnitStatus.run(
      ctx.redis,
      [keys.command(input.commandId), keys.unit(unit.id), keys.availableUnits(unit.kind), keys.journal, keys.version, keys.incident(input.incidentId)],
      ['dispatch:release', unit.status, input.incidentId, 'available', now, JSON.stringify(actor), unit.id, current.rev, JSON.stringify(next), '', '', 'dispatch:released'],
    );
    return parseScriptAnswer(reply);
  }, releaseAnswerOf);
}

/** The incident and the unit a release is about. */
export function releaseAnswerOf(delta: Delta): AssignOutcome {
  return { incident: firstIncident(delta), units: delta.units };
}
