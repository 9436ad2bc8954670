import type { z } from 'zod';
import { actorOf, ROLE_LABELS, type Actor } from '../../shared/auth/roles.ts';
import { CONTRACT, isCommandAllowed, type AnswerOf, type CommandName, type CommandSpec } from '../../shared/protocol/contract.ts';
import { fail } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import { appendAudit, summarisePayload } from '../audit/appendAudit.ts';
import { authoriseRecord, mayViewIncidents } from './authoriseRecord.ts';
import type { CommandCaller } from './commandCaller.ts';
import { claimCommandId, claimFromGate, clockAhead, commandIdOf } from './commandIdClaim.ts';
import type { CommandOutcome } from './commandOutcome.ts';
import { COMMAND_HANDLERS, type Handler } from './commands.ts';
import { readStoredAnswer, rememberRefusal } from './storedAnswer.ts';
import { recordCommand } from '../ops/recordCommand.ts';
import { isNeverSent, NOT_SENT } from '../redis/redisErrors.ts';

type AnySpec = CommandSpec<z.ZodType, z.ZodType>;
const refused = (...args: Parameters<typeof fail>): CommandOutcome<unknown> => ({ result: fail(...args) });

/**
 * [CM3] The one way in, for the socket and HTTP alike, driven by the contract entry: session →
 * rate limit → role → parse → clock → per-record rule → resend of a known command id → run → the
 * answer's records checked → audit. Unknown errors are logged and answered as `internal_error`,
 * never with a stack trace. [OPS1][OPS2] Each command gives one log line and its metrics. [OPS4] A draining
 * instance refuses new commands `server_draining` before anything is read or written (so nothing is
 * remembered under the command id, and the same command may go to another instance); those it admitted
 * finish, audit included, before it closes.
 */
export async function runCommand<N extends CommandName>(ctx: CadContext, name: N, caller: CommandCaller, payload: unknown, isAlreadyAdmitted = false): Promise<CommandOutcome<AnswerOf<N>>> {
  const startedAt = performance.now();
  // A transport that admitted the command before reading its session (the socket's gate) holds the admission itself.
  const isAdmitted = isAlreadyAdmitted || ctx.ops.gate.enter();
  try {
    const spec: AnySpec = CONTRACT[name];
    let parsed: unknown = undefined;
    let outcome: CommandOutcome<unknown>;
    let failure: unknown = undefined;
    let isAudited = false;
    if (!isAdmitted) {
      outcome = refused('server_draining', 'this server is shutting down; send the command again once reconnected (to another server)');
    } else {
      try {
        const remembering: Promise<void>[] = [];
        outcome = await decide(ctx, name, spec, caller, payload, (input) => {
          parsed = input;
        }, remembering);
        // A refusal is kept under its command id while its audit line is written: one round trip for both.
        if (remembering.length > 0) {
          const [kept] = await Promise.allSettled([...remembering, auditIfDue(ctx, name, spec, caller, { parsed, raw: payload }, outcome)]);
          if (kept?.status === 'rejected') throw kept.reason;
          isAudited = true;
        }
      } catch (error) {
        failure = error;
        // [OPS10] Redis was not connected, so nothing was sent: the command's change (one script) cannot have been applied.
        outcome = isNeverSent(error)
          ? refused(NOT_SENT.code, NOT_SENT.message)
          : refused('internal_error', 'the server could not complete the command; it is safe to resend it with the same commandId');
      }
    }
    if (!isAudited) await auditIfDue(ctx, name, spec, caller, { parsed, raw: payload }, outcome);
    recordCommand(ctx.ops, {
      command: name,
      commandId: commandIdOf(parsed) ?? rawCommandIdOf(payload),
      caller,
      outcome: outcome.result.ok ? 'ok' : outcome.result.error.code,
      ms: performance.now() - startedAt,
      ...(failure === undefined ? {} : { error: failure }),
      ...(caller.session ? {} : { username: usernameOf(parsed) }),
    });
    // The handler table is typed per command (COMMAND_HANDLERS: Handlers), so its answer is AnswerOf<N>.
    return outcome as CommandOutcome<AnswerOf<N>>;
  } finally {
    if (isAdmitted && !isAlreadyAdmitted) ctx.ops.gate.leave();
  }
}

/** [AD1] The audit line of an outcome, when one is due; a failure to write it is logged, never the command's answer. */
async function auditIfDue(ctx: CadContext, name: CommandName, spec: AnySpec, caller: CommandCaller, payload: { parsed: unknown; raw: unknown }, outcome: CommandOutcome<unknown>): Promise<void> {
  const isRefusal = !outcome.result.ok;
  if (!(spec.audit === 'all' || isRefusal || spec.readsPersonalData)) return;
  try {
    if (await isWorthAuditing(ctx, caller, outcome)) await audit(ctx, name, spec, caller, payload, outcome);
  } catch (error) {
    ctx.ops.log.error({ err: error, command: name }, `${name}: audit append failed`);
  }
}

/** A command id as the client sent it, when the payload did not parse but the id has the shape of one (for the log). */
function rawCommandIdOf(payload: unknown): string | null {
  const id = commandIdOf(payload);
  return id !== null && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : null;
}

/**
 * The outcome of a command. A refusal of a journaled command decided before its script ran is kept as the command
 * id's first answer by a write pushed on `remembering`, which the caller awaits beside the audit append.
 */
async function decide(
  ctx: CadContext,
  name: CommandName,
  spec: AnySpec,
  caller: CommandCaller,
  payload: unknown,
  keep: (input: unknown) => void,
  remembering: Promise<void>[],
): Promise<CommandOutcome<unknown>> {
  const { session } = caller;
  if (!spec.isPublic && !session) return refused('unauthenticated', 'sign in first');
  const input = caller.parsed ?? spec.input.safeParse(payload);
  // A payload that parses is kept even when the role is refused, so the refusal is filed under its incident and units.
  if (input.success) keep(input.data);
  if (session && !isCommandAllowed(name, session.role)) return refused('forbidden', `a ${ROLE_LABELS[session.role].toLowerCase()} may not send ${name}`);
  if (!input.success) {
    const issues = input.error.issues.map((issue) => ({ path: issue.path.join('.') || '(payload)', message: issue.message }));
    return refused('validation_failed', issues.map((i) => (i.path === '(payload)' ? i.message : `${i.path}: ${i.message}`)).join('; '), { issues });
  }
  const ahead = clockAhead(ctx, spec, input.data);
  if (ahead) return refused('validation_failed', `${ahead.field} is ${Math.round(ahead.byMs / 1000)} s in the future; check the device clock`, { issues: [{ path: ahead.field, message: 'in the future' }] });

  // The rate-limit count, the per-record rule and the command id's claim go to Redis together: with
  // appendfsync always, each write waits for the disk, so writes made at once share one flush.
  const commandId = spec.isJournaled ? commandIdOf(input.data) : null;
  const [limit, denied, claim] = await Promise.all([
    caller.limit ?? ctx.limits.consume(session ? 'command' : 'signIn', session ? session.userId : caller.clientKey),
    session ? authoriseRecord(ctx, spec.record, input.data, session) : Promise.resolve(null),
    commandId === null ? Promise.resolve(null) : (claimFromGate(name, commandId, caller.gateClaim) ?? claimCommandId(ctx, name, commandId, input.data)),
  ]);
  if (!limit.isAllowed) return refused('rate_limited', `too many requests; try again in ${limit.retryAfterSeconds} s`);
  if (denied) return { result: { ok: false, error: denied } };

  const handler = COMMAND_HANDLERS[name] as unknown as Handler<unknown, unknown>;
  const actor: Actor = session ? actorOf(session) : { role: 'system', operatorId: 'anonymous' };
  if (commandId !== null && claim !== null) {
    if (claim.kind === 'reused') return claim.outcome;
    // A command id seen before (a resend) is answered with its first answer.
    const stored = claim.kind === 'known' && handler.answerOf ? await readStoredAnswer(ctx, name, commandId, handler.answerOf) : null;
    if (stored) return stored;
  }
  const outcome = await handler.run(ctx, input.data, { ...caller, actor });
  // [OPS10] `unavailable` is not kept: the command was not applied, and the same command id may still apply it.
  if (commandId !== null && !outcome.result.ok && outcome.result.error.code !== 'unavailable') remembering.push(rememberRefusal(ctx, name, commandId, outcome.result.error));
  const rule = spec.record;
  if (session && outcome.result.ok && rule?.answerIncidents && !mayViewIncidents(session, rule.answerIncidents(outcome.result.data))) {
    return refused('forbidden', 'that incident does not go to this desk');
  }
  return outcome;
}

/** Refusals that a flood repeats by the thousand: without a session, over the rate limit, or every client retrying at a draining server. */
const FLOOD_REFUSALS = new Set(['unauthenticated', 'rate_limited', 'server_draining', 'unavailable']);

/**
 * [AD1] Whether to write this outcome's audit line. A refusal for no session, over the rate limit or by a
 * draining server is written once a minute per user or address (the first one says who and what); otherwise a flood
 * would grow the untrimmed audit record as fast as it could send.
 */
async function isWorthAuditing(ctx: CadContext, caller: CommandCaller, outcome: CommandOutcome<unknown>): Promise<boolean> {
  if (outcome.result.ok || !FLOOD_REFUSALS.has(outcome.result.error.code)) return true;
  const who = caller.session?.userId ?? caller.clientKey;
  const first = await ctx.redis.set(ctx.keys.auditThrottle(outcome.result.error.code, who), '1', 'PX', 60_000, 'NX');
  return first === 'OK';
}

/**
 * [AD1] One audit line. The incident and units it is filed under come only from a payload that parsed
 * (so a refused payload cannot plant keys of its own choosing); the summary is of what was sent.
 */
async function audit(ctx: CadContext, name: CommandName, spec: AnySpec, caller: CommandCaller, payload: { parsed: unknown; raw: unknown }, outcome: CommandOutcome<unknown>): Promise<void> {
  const { session } = caller;
  const input = payload.parsed;
  const unitIds = input === undefined ? [] : unitIdsOf(spec, input);
  const incidentId = input === undefined ? null : incidentIdOf(spec, input, outcome);
  const username = session?.username ?? (input === undefined ? null : usernameOf(input));
  await appendAudit(ctx, {
    at: ctx.now(),
    command: name,
    transport: caller.transport,
    userId: session?.userId ?? null,
    username,
    role: session?.role ?? null,
    desk: session?.desk ?? null,
    unitId: session?.unitId ?? null,
    outcome: outcome.result.ok ? 'ok' : outcome.result.error.code,
    incidentId,
    unitIds,
    summary: summarisePayload(input ?? payload.raw),
  }, input === undefined ? [] : (spec.record?.incidents?.(input) ?? []));
}

/** The units a parsed payload names (the audit files only parsed payloads, so the rule's fields are there). */
function unitIdsOf(spec: AnySpec, input: unknown): string[] {
  return spec.record?.units ? [...spec.record.units(input)] : [];
}

/** The incident a parsed payload names, or failing that the one its answer is about. */
function incidentIdOf(spec: AnySpec, input: unknown, outcome: CommandOutcome<unknown>): string | null {
  const named = spec.record?.incident?.(input);
  if (named !== undefined) return named;
  const data: unknown = outcome.result.ok ? outcome.result.data : null;
  if (typeof data !== 'object' || data === null) return null;
  if ('reference' in data && typeof data.reference === 'string') return data.reference;
  if ('incidentId' in data && typeof data.incidentId === 'string') return data.incidentId;
  return null;
}

/** For sign-in attempts: the username tried, so refusals are searchable by it (and the log line says who tried). */
function usernameOf(input: unknown): string | null {
  return typeof input === 'object' && input !== null && 'username' in input && typeof input.username === 'string' ? input.username.slice(0, 40).toLowerCase() : null;
}
