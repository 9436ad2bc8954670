import type { Result } from '../../shared/protocol/result.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import type { UnitFix } from '../../shared/units/unitSchema.ts';
import { fail, ok } from '../../shared/protocol/result.ts';
import type { ScriptAnswer } from '../redis/scriptAnswer.ts';
import type { SessionEndReason } from '../../shared/protocol/events.ts';

/** What a command does to sessions besides its answer; the transports carry it out. */
export interface SessionEffects {
  /** Set the session cookie (sign-in, renewal). */
  setCookie?: { token: string; expiresAt: number };
  clearCookie?: boolean;
  /** [AU6] End these sessions' live sockets at once, on every instance. */
  endSessions?: { userId?: string; sessionId?: string; reason: SessionEndReason };
  /** [CR2] Tell this user's consoles that their vehicle changed, so they reconnect. */
  sessionChanged?: { userId: string };
}

/** What a command produced: the answer for the sender, and what to broadcast. */
export interface CommandOutcome<T> {
  result: Result<T>;
  effects?: SessionEffects;
  /** A journaled change every console must see. */
  delta?: Delta;
  /** A position fix for the next coalesced frame. */
  fix?: UnitFix;
  /** [UP3] The fixes of a batch, for the next coalesced frame. */
  fixes?: UnitFix[];
}

/** Turns a committed or refused script answer into an outcome; `pick` chooses the sender's data. */
export function outcomeOf<T>(answer: Exclude<ScriptAnswer, { kind: 'retry' }>, pick: (delta: Delta) => T): CommandOutcome<T> {
  if (answer.kind === 'refused') return { result: { ok: false, error: answer.error } };
  return { result: ok(pick(answer.delta)), delta: answer.delta };
}

/** A refusal decided before anything was written. */
export function refusal<T>(...args: Parameters<typeof fail>): CommandOutcome<T> {
  return { result: fail<T>(...args) };
}

const MAX_ATTEMPTS = 25;

/**
 * Runs a read-check-commit attempt until its script commits or refuses. A `retry` means another
 * command changed what was read between the read and the atomic commit; reading again is safe.
 */
export async function untilSettled<T>(attempt: () => Promise<ScriptAnswer | CommandOutcome<T>>, pick: (delta: Delta) => T): Promise<CommandOutcome<T>> {
  for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
    const answer = await attempt();
    if (!('kind' in answer)) return answer;
    if (answer.kind !== 'retry') return outcomeOf(answer, pick);
  }
  throw new Error(`state kept changing under the command after ${MAX_ATTEMPTS} attempts`);
}
