import { CLOCK_SKEW_ALLOWANCE_MS } from '../../shared/protocol/contract.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { UnitPositionsAnswer, UnitPositionsInput } from '../../shared/units/unitCommands.ts';
import type { UnitFix } from '../../shared/units/unitSchema.ts';
import type { UnitKind } from '../../shared/units/unitKinds.ts';
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
  // Kinds this instance knows are read from its cache without a promise each; the rest in one go.
  const kinds: (UnitKind | null | undefined)[] = input.fixes.map((fix) => ctx.unitKinds.known(fix.unitId));
  const unknown = [...new Set(input.fixes.filter((_, index) => kinds[index] === undefined).map((fix) => fix.unitId))];
  if (unknown.length > 0) {
    const read = new Map(await Promise.all(unknown.map(async (unitId) => [unitId, await ctx.unitKinds.kindOf(unitId)] as const)));
    input.fixes.forEach((fix, index) => {
      if (kinds[index] === undefined) kinds[index] = read.get(fix.unitId) ?? null;
    });
  }
  const outcomes: (FixCode | Rejected['reason'])[] = [];
  const writes: { fix: UnitFix; kind: UnitKind }[] = [];
  const writeIndexes: number[] = [];
  input.fixes.forEach((fix, index) => {
    const kind = kinds[index];
    if (!kind) outcomes[index] = 'unit_not_found';
    else if (fix.fixAt > now + CLOCK_SKEW_ALLOWANCE_MS) outcomes[index] = 'clock_ahead';
    else {
      writes.push({ fix, kind });
      writeIndexes.push(index);
    }
  });
  // Every fix of the batch goes to the writes at once, so one script call stores them all (UP1's group commit).
  const codes = await ctx.positionWrites.writeMany(writes);
  writeIndexes.forEach((fixIndex, i) => {
    outcomes[fixIndex] = codes[i] ?? -1;
  });
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
