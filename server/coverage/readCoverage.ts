import type { Coverage } from '../../shared/coverage/coverageSchema.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { CommandOutcome } from '../commands/commandOutcome.ts';

/** [CV3] `coverage:read`: the coverage of the available units as they stand. */
export async function readCoverage(ctx: CadContext): Promise<CommandOutcome<Coverage>> {
  return { result: ok((await ctx.coverage.current()).answer) };
}
