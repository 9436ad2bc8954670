import { CLOCK_SKEW_ALLOWANCE_MS } from '../../shared/protocol/contract.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { UnitPositionsAnswer, UnitPositionsInput } from '../../shared/units/unitCommands.ts';
import type { UnitFix } from '../../shared/units/unitSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { CommandOutcome } from '../commands/commandOutcome.ts';
import type { FixCode } from './positionWrites.ts';

type Rejected = UnitPositionsAnswer['rejected'][number];

/**
 * [UP3] Stores a batch of fixes from the AVL gateway by the batch script (with the other fixes of the same turn,
 * `PositionWrites`), each as `unit:position` stores one (UP1): the
 * unit record, the all-units GEO set and, for an available unit, its kind's available set; the latest fix of a unit
 * wins. A fix for no unit, or timed too far ahead of the server's clock, is rejected alone: the rest of the batch is
 * stored. Every stored fix goes into the next coalesced frame.
 */
export async function recordPositions(ctx: CadContext, input: UnitPositionsInput): Promise<CommandOutcome<UnitPositionsAnswer>> {
  ctx.ops.metrics.positionsReceived.inc(input.fixes.length);
  const now = ctx.now();
  const kinds = await Promise.all(input.fixes.map(async (fix) => ctx.unitKinds.kindOf(fix.unitId)));
  // Every fix of the batch reaches the writes in this one turn, so one script call stores them all (UP1's group commit).
  const outcomes = await Promise.all(
    input.fixes.map((fix, index): Promise<FixCode | Rejected['reason']> => {
      const kind = kinds[index];
      if (!kind) return Promise.resolve('unit_not_found');
      if (fix.fixAt > now + CLOCK_SKEW_ALLOWANCE_MS) return Promise.resolve('clock_ahead');
      return ctx.positionWrites.write(fix, kind);
    }),
  );
  const rejected: Rejected[] = [];
  const stored: UnitFix[] = [];
  let ignored = 0;
  input.fixes.forEach((fix, index) => {
    const outcome = outcomes[index];
    if (outcome === 1) stored.push(fix);
    else if (outcome === 0) ignored += 1;
    else rejected.push({ index, unitId: fix.unitId, reason: outcome === -1 || outcome === undefined ? 'unit_not_found' : outcome });
  });
  return { result: ok({ stored: stored.length, ignored, rejected }), fixes: stored };
}
