import type { Actor } from '../../shared/auth/roles.ts';
import type { CallDisposeInput, CallRecord } from '../../shared/callers/callerSchema.ts';
import { buildCallRecord } from '../../shared/callers/callRecord.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { outcomeOf, type CommandOutcome } from '../commands/commandOutcome.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { callHistoryKey } from './callHistoryKey.ts';

/** [CH2] Closes a call that is not an incident with its disposition; a hoax joins the registry. */
export async function disposeCall(ctx: CadContext, input: CallDisposeInput, actor: Actor): Promise<CommandOutcome<CallRecord>> {
  const now = ctx.now();
  const record = buildCallRecord(input, { outcome: 'disposition', disposition: input.disposition }, actor, now);
  const { keys } = ctx;
  const history = callHistoryKey(ctx, record);
  const reply = await SCRIPTS.recordCall.run(
    ctx.redis,
    [keys.command(input.commandId), history.key, keys.hoaxNumbers, keys.journal, keys.version],
    ['call:dispose', now, JSON.stringify(actor), JSON.stringify(record), record.number ?? '', input.disposition === 'hoax' ? '1' : '0', history.hasNumber],
  );
  const answer = parseScriptAnswer(reply);
  if (answer.kind === 'retry') throw new Error('recordCall never asks for a retry');
  return outcomeOf(answer, firstCall);
}

/** The call record a call fact is about. */
export function firstCall(delta: Delta): CallRecord {
  const call = delta.calls[0];
  if (!call) throw new Error('a call fact without its call record');
  return call;
}
