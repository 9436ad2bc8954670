import type { Actor } from '../../shared/auth/roles.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import type { Unit } from '../../shared/units/unitSchema.ts';
import type { RegisterUnitInput } from '../../shared/units/fleetCommands.ts';
import type { CadContext } from '../app/cadContext.ts';
import { outcomeOf, refusal, type CommandOutcome } from '../commands/commandOutcome.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { unitAtBase } from './seedFleet.ts';
import { unitToFields } from './unitRecord.ts';

/**
 * [FL1] Adds a vehicle to the fleet, available at its base, in one atomic step that journals it
 * (`unit:registered`); the consoles see it at once. Its id must be new.
 */
export async function registerUnit(ctx: CadContext, input: RegisterUnitInput, actor: Actor): Promise<CommandOutcome<Unit>> {
  const base = ctx.city.data.facilities.find((facility) => facility.id === input.baseId);
  if (!base) {
    const message = `no station or facility ${input.baseId} in ${ctx.city.data.name}`;
    return refusal('validation_failed', message, { issues: [{ path: 'baseId', message }] });
  }
  const now = ctx.now();
  const unit = unitAtBase({ id: input.unitId, callSign: input.callSign, kind: input.kind, baseId: base.id }, base, now);
  const { keys } = ctx;
  const reply = await SCRIPTS.registerUnit.run(
    ctx.redis,
    [keys.command(input.commandId), keys.unit(unit.id), keys.unitIds, keys.unitPositions, keys.availableUnits(unit.kind), keys.journal, keys.version],
    ['fleet:add_unit', unit.id, unit.position[0], unit.position[1], now, JSON.stringify(actor), ...unitToFields(unit)],
  );
  const answer = parseScriptAnswer(reply);
  if (answer.kind === 'retry') throw new Error('registering a unit does not retry');
  return outcomeOf(answer, registeredUnitOf);
}

/** [FL1] The unit a registration committed: its answer, and a resend's (CM1). */
export function registeredUnitOf(delta: Delta): Unit {
  const unit = delta.units[0];
  if (!unit) throw new Error('a unit:registered fact without its unit');
  return unit;
}
