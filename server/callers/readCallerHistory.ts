import { CallRecordSchema, type CallerHistory, type CallerHistoryInput, type HoaxRegistry, type HoaxRegistryInput } from '../../shared/callers/callerSchema.ts';
import { hoaxStatus } from '../../shared/callers/hoaxStatus.ts';
import { normalizePhoneNumber } from '../../shared/callers/phoneNumber.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { CommandOutcome } from '../commands/commandOutcome.ts';

/** The most calls of one number shown to a call-taker. */
const HISTORY_LIMIT = 200;

async function historyOf(ctx: CadContext, number: string): Promise<CallerHistory> {
  const members = await ctx.redis.zrevrange(ctx.keys.callerCalls(number), 0, HISTORY_LIMIT - 1);
  const calls = members.map((member) => CallRecordSchema.parse(JSON.parse(member)));
  return { number, calls, ...hoaxStatus(calls, ctx.now()) };
}

/** [CH1][CH3] A callback number's earlier calls, newest first, and its hoax flag. */
export async function readCallerHistory(ctx: CadContext, input: CallerHistoryInput): Promise<CommandOutcome<CallerHistory>> {
  return { result: ok(await historyOf(ctx, normalizePhoneNumber(input.callbackNumber))) };
}

/** [CH4] Every number with hoax calls in the period, with each hoax call's time and call-taker, as evidence. */
export async function readHoaxRegistry(ctx: CadContext, input: HoaxRegistryInput): Promise<CommandOutcome<HoaxRegistry>> {
  const now = ctx.now();
  const since = now - input.sinceDays * 86_400_000;
  const numbers = (await ctx.redis.smembers(ctx.keys.hoaxNumbers)).sort();
  const entries = await Promise.all(
    numbers.map(async (number) => {
      const history = await historyOf(ctx, number);
      const calls = history.calls.filter((call) => call.disposition === 'hoax' && call.at >= since);
      return { number, hoaxCount: history.hoaxCount, isFlagged: history.isFlagged, calls };
    }),
  );
  return { result: ok({ generatedAt: now, sinceDays: input.sinceDays, numbers: entries.filter((entry) => entry.calls.length > 0) }) };
}
