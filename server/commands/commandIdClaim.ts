import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Session } from '../../shared/auth/roles.ts';
import { CLOCK_SKEW_ALLOWANCE_MS, CONTRACT, isCommandAllowed, type CommandName, type CommandSpec } from '../../shared/protocol/contract.ts';
import { fail } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { CommandOutcome } from './commandOutcome.ts';

type AnySpec = CommandSpec<z.ZodType, z.ZodType>;

/** How long a command id stays bound to its command and payload. */
export const CLAIM_TTL_SECONDS = 86_400;

/**
 * [CM1] A command id is bound, on first use, to its command and a digest of its payload. A resend of the same payload
 * goes on to the stored answer (`known`); the same id with another payload is refused (`reused`).
 */
export type CommandIdClaim = { kind: 'first' } | { kind: 'known' } | { kind: 'reused'; outcome: CommandOutcome<unknown> };

/**
 * A claim asked of the socket's command gate (server/redis/scripts/commandGate.lua), so that it is written in the gate's
 * round trip: the key, what it binds the id to, and the payload as parsed (which the command then uses, parsed once).
 */
export interface ClaimRequest {
  commandId: string;
  key: string;
  fingerprint: string;
}

/** A command's payload parsed before its gate, with the claim the gate is asked to make (null: none to make). */
export interface ParsedEarly {
  input: ReturnType<z.ZodType['safeParse']>;
  claim: ClaimRequest | null;
}

/** A claim the gate made: the id's first use (`boundTo` null), or the fingerprint the id was already bound to. */
export interface GateClaim {
  commandId: string;
  fingerprint: string;
  boundTo: string | null;
}

const fingerprintOf = (name: CommandName, input: unknown): string => `${name} ${createHash('sha256').update(JSON.stringify(input)).digest('base64url').slice(0, 22)}`;

/**
 * The claim's meaning, given the fingerprint its command computed and what the id was bound to already (null when the
 * binding was gone by the time it was read: it expired, so the command goes on as a resend would).
 */
function claimOf(name: CommandName, fingerprint: string, boundTo: string | null): CommandIdClaim {
  if (boundTo === null || boundTo === fingerprint) return { kind: 'known' };
  const sameCommand = boundTo.startsWith(`${name} `);
  return { kind: 'reused', outcome: { result: fail('command_id_reused', sameCommand ? 'this commandId was already used with a different payload' : 'this commandId was already used for another command') } };
}

/** [CM1] Claims a command id in a round trip of its own (HTTP, or a socket command whose gate did not claim it). */
export async function claimCommandId(ctx: CadContext, name: CommandName, commandId: string, input: unknown): Promise<CommandIdClaim> {
  const fingerprint = fingerprintOf(name, input);
  const key = ctx.keys.commandFingerprint(commandId);
  const isFirst = await ctx.redis.set(key, fingerprint, 'EX', CLAIM_TTL_SECONDS, 'NX');
  if (isFirst === 'OK') return { kind: 'first' };
  return claimOf(name, fingerprint, await ctx.redis.get(key));
}

/** The claim a gate made for this command id, when it made one. */
export function claimFromGate(name: CommandName, commandId: string, gate: GateClaim | undefined): CommandIdClaim | null {
  if (!gate || gate.commandId !== commandId) return null;
  return gate.boundTo === null ? { kind: 'first' } : claimOf(name, gate.fingerprint, gate.boundTo);
}

/**
 * A socket command's payload parsed before its gate, and the claim the gate may make for it: only for a journaled
 * command the session's role may send, whose payload parses and whose times are not in the future, as `runCommand`
 * would claim it; anything it would refuse first claims nothing.
 */
export function parseEarly(ctx: CadContext, name: CommandName, payload: unknown, session: Session): ParsedEarly {
  const spec: AnySpec = CONTRACT[name];
  const input = spec.input.safeParse(payload);
  if (!input.success || !spec.isJournaled || !isCommandAllowed(name, session.role) || clockAhead(ctx, spec, input.data)) return { input, claim: null };
  const commandId = commandIdOf(input.data);
  if (commandId === null) return { input, claim: null };
  return { input, claim: { commandId, key: ctx.keys.commandFingerprint(commandId), fingerprint: fingerprintOf(name, input.data) } };
}

export function commandIdOf(input: unknown): string | null {
  return typeof input === 'object' && input !== null && 'commandId' in input && typeof input.commandId === 'string' ? input.commandId : null;
}

/** [CM5] The first clock field of the input that lies too far in the future. */
export function clockAhead(ctx: CadContext, spec: AnySpec, input: unknown): { field: string; byMs: number } | null {
  if (!spec.clockFields || typeof input !== 'object' || input === null) return null;
  const now = ctx.now();
  for (const field of spec.clockFields) {
    const value: unknown = (input as Record<string, unknown>)[field];
    if (typeof value === 'number' && value - now > CLOCK_SKEW_ALLOWANCE_MS) return { field, byMs: value - now };
  }
  return null;
}
