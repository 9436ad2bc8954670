import type { ClockAnswer, ClockSetInput } from '../../shared/replay/clockSchema.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, type CommandOutcome } from '../commands/commandOutcome.ts';

/** [RL1] Moves a replay server's clock forward; a server on the real clock, or a time already passed, is refused. */
export async function setReplayClock(ctx: CadContext, input: ClockSetInput): Promise<CommandOutcome<ClockAnswer>> {
  const clock = ctx.replayClock;
  if (!clock) return refusal('clock_not_settable', 'this server runs on the real clock; a replay needs a server started with CLOCK=replay');
  if (!(await clock.advanceTo(input.at))) {
    return refusal('clock_not_settable', `the replay clock only moves forward: it is at ${new Date(clock.now()).toISOString()}`);
  }
  return { result: ok({ at: clock.now() }) };
}
