import type { Actor } from '../../shared/auth/roles.ts';
import { AGENCY_LABELS } from '../../shared/units/unitKinds.ts';
import type { AssignInput } from '../../shared/dispatch/dispatchSchema.ts';
import { withAssignedUnits } from '../../shared/incidents/incidentLifecycle.ts';
import type { AssignOutcome } from '../../shared/protocol/contract.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, untilSettled, type CommandOutcome } from '../commands/commandOutcome.ts';
import { firstIncident } from '../incidents/createIncident.ts';
import { readIncident } from '../incidents/readIncident.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { readUnits } from '../units/readUnits.ts';

/**
 * [DS2] Commits one or more units to an incident. The script checks, at one instant, that every
 * unit is still available, then commits all or none: two dispatchers can never book one vehicle twice.
 */
export function assignUnits(ctx: CadContext, input: AssignInput, actor: Actor): Promise<CommandOutcome<AssignOutcome>> {
  return untilSettled(async () => {
    // One round trip for both reads; the incident's refusals still come before the units'.
    const [current, units] = await Promise.all([readIncident(ctx, input.incidentId), readUnits(ctx, input.unitIds)]);
    if (!current) return refusal('incident_not_found', `no incident ${input.incidentId}`);
    if (current.incident.status === 'closed') return refusal('incident_closed', `${input.incidentId} is closed`);
    if (current.incident.status === 'awaiting_close') {
      return refusal('incident_awaiting_close', `every unit has cleared ${input.incidentId}; send more units first (incident:reopen) or close it`);
    }
    const committed = [];
    for (const [index, unit] of units.entries()) {
      const unitId = input.unitIds[index] ?? '';
      if (!unit) return refusal('unit_not_found', `no unit ${unitId}`, { unitId });
      if (unit.status !== 'available') return refusal('unit_not_available', `${unit.callSign} is no longer available (${unit.status})`, { unitId });
      if (actor.agency && unit.agency !== actor.agency) {
        return refusal('forbidden', `the ${AGENCY_LABELS[actor.agency]} desk cannot commit ${unit.callSign} (${AGENCY_LABELS[unit.agency]})`, { unitId });
      }
      committed.push(unit);
    }
    const now = ctx.now();
    const next = withAssignedUnits(current.incident, committed, actor, now);
    const { keys } = ctx;
    const reply = await SCRIPTS.assignUnits.run(
      ctx.redis,
      [
        keys.command(input.commandId), keys.incident(input.incidentId), keys.journal, keys.version,
        ...committed.map((unit) => keys.unit(unit.id)),
        ...committed.map((unit) => keys.availableUnits(unit.kind)),
      ],
      ['dispatch:assign', current.rev, JSON.stringify(next), now, JSON.stringify(actor), input.incidentId, ...committed.map((unit) => unit.id)],
    );
    return parseScriptAnswer(reply);
  }, (delta) => ({ incident: firstIncident(delta), units: delta.units }));
}
