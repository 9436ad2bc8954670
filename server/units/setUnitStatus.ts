import type { Actor } from '../../shared/auth/roles.ts';
import { withClearedUnit } from '../../shared/incidents/incidentLifecycle.ts';
import type { UnitStatusInput } from '../../shared/units/unitCommands.ts';
import type { Unit } from '../../shared/units/unitSchema.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import { isCommittedStatus, isStatusTransitionAllowed, UNIT_STATUS_LABELS } from '../../shared/units/unitStatus.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, untilSettled, type CommandOutcome } from '../commands/commandOutcome.ts';
import { readIncident } from '../incidents/readIncident.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { readUnits } from './readUnits.ts';

/** [US1][US2] Moves a unit to a new status if the transition is allowed from the status it is in now. */
export function setUnitStatus(ctx: CadContext, input: UnitStatusInput, actor: Actor): Promise<CommandOutcome<Unit>> {
  return untilSettled(async () => {
    const [unit] = await readUnits(ctx, [input.unitId]);
    if (!unit) return refusal('unit_not_found', `no unit ${input.unitId}`, { unitId: input.unitId });
    if (!isStatusTransitionAllowed(unit.status, input.status)) {
      return refusal('status_transition_not_allowed', `${unit.callSign} cannot go from ${UNIT_STATUS_LABELS[unit.status]} to ${UNIT_STATUS_LABELS[input.status]}`, { unitId: unit.id });
    }
    const now = ctx.now();
    const { keys } = ctx;
    const scriptKeys = [keys.command(input.commandId), keys.unit(unit.id), keys.availableUnits(unit.kind), keys.journal, keys.version];
    let rev = '';
    let doc = '';
    // Leaving a committed status for available or out of service clears the unit from its incident.
    if (unit.incidentId && !isCommittedStatus(input.status)) {
      const current = await readIncident(ctx, unit.incidentId);
      if (current) {
        scriptKeys.push(keys.incident(unit.incidentId));
        rev = current.rev;
        doc = JSON.stringify(withClearedUnit(current.incident, unit.id, now));
      }
    }
    const reply = await SCRIPTS.setUnitStatus.run(ctx.redis, scriptKeys, [
      'unit:status', unit.status, unit.incidentId ?? '', input.status, now, JSON.stringify(actor), unit.id, rev, doc,
    ]);
    return parseScriptAnswer(reply);
  }, statusAnswerOf);
}

/** The unit a status fact is about. */
export function statusAnswerOf(delta: Delta): Unit {
  const changed = delta.units[0];
  if (!changed) throw new Error('a status fact without its unit');
  return changed;
}
