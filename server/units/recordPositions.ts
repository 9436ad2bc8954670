import { CLOCK_SKEW_ALLOWANCE_MS } from '../../shared/protocol/contract.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { UnitPositionsAnswer, UnitPositionsInput } from '../../shared/units/unitCommands.ts';
import type { UnitFix } from '../../shared/units/unitSchema.ts';
import type { UnitKind } from '../../shared/units/unitKinds.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { CommandOutcome } from '../commands/commandOutcome.ts';

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
  const rejected: Rejected[] = [];
  const kinds = await ctx.unitKinds.kindsOf(input.fixes.map((fix) => fix.unitId));
  const sent: { index: number; fix: UnitFix; kind: UnitKind }[] = [];
  input.fixes.forEach((fix, index) => {
    const kind = kinds[index];
    if (!kind) return void rejected.push({ index, unitId: fix.unitId, reason: 'unit_not_found' });
    if (fix.fixAt > now + CLOCK_SKEW_ALLOWANCE_MS) return void rejected.push({ index, unitId: fix.unitId, reason: 'clock_ahead' });
    sent.push({ index, fix, kind });
  });
  // Every fix of the batch goes to the writes at once, so one script call stores them all (UP1's group commit).
  const codes = await ctx.positionWrites.writeMany(sent);
  const stored: UnitFix[] = [];
  let ignored = 0;
  sent.forEach(({ index, fix }, i) => {
    const code = codes[i];
    if (code === 1) stored.push(fix);
    else if (code === 0) ignored += 1;
    else rejected.push({ index, unitId: fix.unitId, reason: 'unit_not_found' });
  });
  rejected.sort((a, b) => a.index - b.index);
  return { result: ok({ stored: stored.length, ignored, rejected }), fixes: stored };
}
