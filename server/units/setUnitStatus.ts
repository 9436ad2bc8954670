import type { Actor } from '../../shared/auth/roles.ts';
import { withClearedUnit, withStatusStep } from '../../shared/incidents/incidentLifecycle.ts';
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
    const destination = destinationAfter(ctx, unit, input);
    if (!destination.ok) return refusal('validation_failed', destination.message, { issues: [{ path: 'destinationId', message: destination.message }] });
    const now = ctx.now();
    const { keys } = ctx;
    const scriptKeys = [keys.command(input.commandId), keys.unit(unit.id), keys.availableUnits(unit.kind), keys.journal, keys.version];
    let rev = '';
    let doc = '';
    const current = unit.incidentId ? await readIncident(ctx, unit.incidentId) : null;
    if (current) {
      // [DK4] The change goes out with its incident, so every desk on the incident hears of it; [NR4] the incident
      // keeps the step (who, when, and the hospital when transporting) for its narrative.
      scriptKeys.push(keys.incident(current.incident.id));
      rev = current.rev;
      const hospital = input.status === 'transporting' ? ctx.city.data.facilities.find((facility) => facility.id === destination.id) : undefined;
      const stepped = withStatusStep(current.incident, unit.id, { status: input.status, at: now, by: actor.operatorId, ...(hospital ? { to: hospital.name } : {}) });
      // Leaving a committed status for available or out of service clears the unit from its incident.
      // [AK2][LC7] A crew stood down for not answering leaves its incident still needing a unit, not awaiting close.
      const isStillNeeded = input.reason === 'no_acknowledgement';
      doc = JSON.stringify(isCommittedStatus(input.status) ? stepped : withClearedUnit(stepped, unit.id, now, isStillNeeded));
    }
    const reply = await SCRIPTS.setUnitStatus.run(ctx.redis, scriptKeys, [
      'unit:status', unit.status, unit.incidentId ?? '', input.status, now, JSON.stringify(actor), unit.id, rev, doc, destination.id,
      input.reason === 'no_acknowledgement' && input.status === 'available' ? now : '',
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

/**
 * [US4] The hospital a unit is heading for after this status: chosen with `transporting` (a facility
 * with a 24-hour emergency unit), kept while at hospital, cleared when the unit leaves its incident.
 */
function destinationAfter(ctx: CadContext, unit: Unit, input: UnitStatusInput): { ok: true; id: string } | { ok: false; message: string } {
  if (!isCommittedStatus(input.status)) return { ok: true, id: '' };
  if (input.status !== 'transporting' || input.destinationId === undefined) return { ok: true, id: unit.destinationId ?? '' };
  const hospital = ctx.city.data.facilities.find((facility) => facility.id === input.destinationId);
  if (!hospital) return { ok: false, message: `unit:status: destinationId ${input.destinationId} is not a facility of ${ctx.city.data.name}` };
  if (!hospital.hasEmergencyUnit24h) return { ok: false, message: `unit:status: ${hospital.name} has no 24-hour emergency unit` };
  return { ok: true, id: hospital.id };
}
