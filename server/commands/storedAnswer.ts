import type { CommandName } from '../../shared/protocol/commands.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { outcomeOf, type CommandOutcome } from './commandOutcome.ts';

/**
 * [CM1] The first answer to a command id, when there was one. Checked before the command reads
 * anything, so a resend is answered as the first time even if the state has moved since; the
 * command scripts check again atomically for resends that race the first attempt.
 */
export async function readStoredAnswer<T>(ctx: CadContext, command: CommandName, commandId: string, pick: (delta: Delta) => T): Promise<CommandOutcome<T> | null> {
  const stored = await ctx.redis.get(ctx.keys.command(commandId));
  if (stored === null) return null;
  const head = `${command}\n`;
  if (!stored.startsWith(head)) {
    return { result: { ok: false, error: { code: 'command_id_reused', message: 'this commandId was already used for another command' } } };
  }
  const answer = parseScriptAnswer(stored.slice(head.length));
  if (answer.kind === 'retry') return null;
  return outcomeOf(answer, pick);
}
