import type { z } from 'zod';
import type { Actor, Session } from '../../shared/auth/roles.ts';
import { isCommandAllowed, type CommandName } from '../../shared/protocol/commands.ts';
import { fail } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import { readStoredAnswer, rememberRefusal } from './storedAnswer.ts';
import type { CommandOutcome } from './commandOutcome.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';

/** A command as the transports see it: raw payload in, outcome out. */
export interface Command<T> {
  name: CommandName;
  execute(ctx: CadContext, session: Session, payload: unknown): Promise<CommandOutcome<T>>;
}

export interface CommandDefinition<I, T> {
  name: CommandName;
  input: z.ZodType<I>;
  /** The unit the command acts on: a crew may act only on its own unit. [AU2] */
  unitOf?: (input: I) => string;
  /** For journaled commands: the command id, and how its answer is rebuilt from a stored delta. */
  replay?: { commandId: (input: I) => string; answerOf: (delta: Delta) => T };
  run(ctx: CadContext, input: I, actor: Actor): Promise<CommandOutcome<T>>;
}

/** The actor written into the journal for a session. */
export function actorOf(session: Session): Actor {
  const actor: Actor = { role: session.role, operatorId: session.operatorId };
  if (session.unitId) actor.unitId = session.unitId;
  if (session.agency) actor.agency = session.agency;
  return actor;
}

/**
 * [CM3] The one way in: parse with the shared schema → check the role against the policy table →
 * answer a resent command id with its first answer → run. Unknown errors are logged and answered
 * as `internal_error`, never with a stack trace.
 */
export function defineCommand<I, T>(definition: CommandDefinition<I, T>): Command<T> {
  return {
    name: definition.name,
    async execute(ctx, session, payload) {
      const parsed = definition.input.safeParse(payload);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(payload)', message: issue.message }));
        return { result: fail('validation_failed', `${definition.name}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues }) };
      }
      if (!isCommandAllowed(definition.name, session.role)) {
        return { result: fail('forbidden', `a ${session.role.replace('_', ' ')} may not send ${definition.name}`) };
      }
      const unitId = definition.unitOf?.(parsed.data);
      if (session.role === 'crew' && unitId !== undefined && unitId !== session.unitId) {
        return { result: fail('forbidden', `a crew may act only on its own unit (${session.unitId ?? 'none'})`, { unitId }) };
      }
      try {
        const { replay } = definition;
        const stored = replay ? await readStoredAnswer(ctx, definition.name, replay.commandId(parsed.data), replay.answerOf) : null;
        if (stored) return stored;
        const outcome = await definition.run(ctx, parsed.data, actorOf(session));
        if (replay && !outcome.result.ok) await rememberRefusal(ctx, definition.name, replay.commandId(parsed.data), outcome.result.error);
        return outcome;
      } catch (error) {
        console.error(`[${definition.name}] failed for ${session.role}/${session.operatorId}:`, error);
        return { result: fail('internal_error', 'the server could not complete the command; it is safe to resend it with the same commandId') };
      }
    },
  };
}
