import type { CommandError } from '../../shared/errors/errorCodes.ts';
import type { CommandName } from '../../shared/protocol/contract.ts';
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

/**
 * Keeps a refusal decided before the atomic script ran (e.g. a transition not allowed) as the
 * command's first answer, so a resend after the state moved is refused the same way. NX: an
 * answer the script already stored, or a racing resend's commit, is never overwritten.
 */
export async function rememberRefusal(ctx: CadContext, command: CommandName, commandId: string, error: CommandError): Promise<void> {
  await ctx.redis.set(ctx.keys.command(commandId), `${command}\n${JSON.stringify({ ok: false, error })}`, 'EX', 86_400, 'NX');
}
