import type { Actor } from '../../shared/auth/roles.ts';
import { isDivertableStatus, isMoreUrgent, type DivertInput, type DivertOutcome } from '../../shared/dispatch/divertSchema.ts';
import { activeAssignments } from '../../shared/incidents/incidentLifecycle.ts';
import { divertedIncidents } from '../../shared/incidents/lifecycleSteps.ts';
import type { PRIORITY_LEVELS } from '../../shared/incidents/priority.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import { UNIT_STATUS_LABELS } from '../../shared/units/unitStatus.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, untilSettled, type CommandOutcome } from '../commands/commandOutcome.ts';
import { readIncident } from '../incidents/readIncident.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { readUnits } from '../units/readUnits.ts';

const levelName = (level: (typeof PRIORITY_LEVELS)[number]): string => level.toUpperCase();

/**
 * [DV1] Moves a unit on its way to a less urgent incident to a more urgent one, in one atomic step
 * (divertUnit.lua): the unit is never free and never on both. Checked here against what was read, then
 * committed only if nothing moved meanwhile; an assign of the same unit that commits first makes this read
 * again and see the unit taken, and a divert that commits first makes the assign find it unavailable. [DS2]
 */
export function divertUnit(ctx: CadContext, input: DivertInput, actor: Actor): Promise<CommandOutcome<DivertOutcome>> {
  return untilSettled(async () => {
    const [unit] = await readUnits(ctx, [input.unitId]);
    if (!unit) return refusal('unit_not_found', `no unit ${input.unitId}`, { unitId: input.unitId });
    const [from, to] = await Promise.all([readIncident(ctx, input.fromIncidentId), readIncident(ctx, input.toIncidentId)]);
    if (!from) return refusal('incident_not_found', `no incident ${input.fromIncidentId}`);
    if (!to) return refusal('incident_not_found', `no incident ${input.toIncidentId}`);
    const isOnFrom = unit.incidentId === from.incident.id && activeAssignments(from.incident).some((a) => a.unitId === unit.id);
    if (!isOnFrom) return refusal('unit_not_on_incident', `${unit.callSign} is not committed to ${from.incident.reference}`, { unitId: unit.id });
    if (!isDivertableStatus(unit.status)) {
      return refusal('unit_not_divertable', `${unit.callSign} is ${UNIT_STATUS_LABELS[unit.status].toLowerCase()}: only a unit still on its way can be diverted (release it first)`, { unitId: unit.id });
    }
    if (to.incident.status === 'closed') return refusal('incident_closed', `${to.incident.reference} is closed`);
    if (to.incident.status === 'awaiting_close') return refusal('incident_awaiting_close', `every unit has cleared ${to.incident.reference}; send more units first (incident:reopen)`);
    if (!isMoreUrgent(to.incident.priority, from.incident.priority)) {
      return refusal(
        'divert_not_more_urgent',
        `${to.incident.reference} (${levelName(to.incident.priority)}) is not more urgent than ${from.incident.reference} (${levelName(from.incident.priority)}); assign a free unit instead`,
        { unitId: unit.id },
      );
    }
    const now = ctx.now();
    const next = divertedIncidents(from.incident, to.incident, { id: unit.id, callSign: unit.callSign, kind: unit.kind }, input.reason, actor, now);
    const { keys } = ctx;
    const reply = await SCRIPTS.divertUnit.run(
      ctx.redis,
      [keys.command(input.commandId), keys.unit(unit.id), keys.incident(from.incident.id), keys.incident(to.incident.id), keys.journal, keys.version],
      ['dispatch:divert', unit.status, from.incident.id, from.rev, JSON.stringify(next.from), to.rev, JSON.stringify(next.to), now, JSON.stringify(actor), unit.id, to.incident.id],
    );
    return parseScriptAnswer(reply);
  }, divertAnswerOf);
}

/** The incidents (left, joined) and the unit a divert is about. */
export function divertAnswerOf(delta: Delta): DivertOutcome {
  const [from, to] = delta.incidents;
  const [unit] = delta.units;
  if (!from || !to || !unit) throw new Error(`a ${delta.fact} change names two incidents and a unit`);
  return { from, to, unit };
}
