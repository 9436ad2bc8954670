import type { UnitPositionAnswer, UnitPositionInput } from '../../shared/units/unitCommands.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, type CommandOutcome } from '../commands/commandOutcome.ts';
import { ok } from '../../shared/protocol/result.ts';
import { CLOCK_SKEW_ALLOWANCE_MS } from '../../shared/protocol/contract.ts';

/**
 * [UP1] Stores a position fix: the unit record, the all-units GEO set and, for an available unit,
 * its kind's available set, by the gateway's batch script (UP3) with the other fixes of the same turn (`PositionWrites`). Not journaled per fix;
 * consoles get it in the next frame. A fix time further ahead than CM5's allowance is refused as wrong.
 */
export async function recordPosition(ctx: CadContext, input: UnitPositionInput): Promise<CommandOutcome<UnitPositionAnswer>> {
  // [OPS2] Every fix that reaches the store's door, from a device, the AVL feed or the simulator.
  ctx.ops.metrics.positionsReceived.inc();
  const now = ctx.now();
  const fixAt = input.fixAt ?? now;
  if (fixAt > now + CLOCK_SKEW_ALLOWANCE_MS) {
    return refusal('validation_failed', `fixAt is ${Math.round((fixAt - now) / 1000)} s in the future; check the device clock`, {
      issues: [{ path: 'fixAt', message: 'in the future' }],
    });
  }
  const kind = await ctx.unitKinds.kindOf(input.unitId);
  if (!kind) return refusal('unit_not_found', `no unit ${input.unitId}`, { unitId: input.unitId });
  const stored = await ctx.positionWrites.write({ unitId: input.unitId, position: input.position, fixAt }, kind);
  if (stored === -1) return refusal('unit_not_found', `no unit ${input.unitId}`, { unitId: input.unitId });
  const isAccepted = stored === 1;
  const answer = { result: ok({ isAccepted, fixAt }) };
  return isAccepted ? { ...answer, fix: { unitId: input.unitId, position: input.position, fixAt } } : answer;
}
