import { parse as parseCookie } from 'cookie';
import { agencyOfDesk, type Session } from '../../shared/auth/roles.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { RedisClient } from '../redis/redisClient.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { recordOfFields } from '../redis/streamEntry.ts';
import { CLAIM_TTL_SECONDS, type ClaimRequest, type GateClaim } from '../commands/commandIdClaim.ts';
import type { LimitAnswer } from './rateLimits.ts';
import { SessionTokens, type SessionClaims } from './sessionTokens.ts';
import { parseUser, readUser, type StoredUser } from './userStore.ts';

export const SESSION_COOKIE = 'cad_session';

/** The session token a request carries: the console's cookie, or `Authorization: Bearer` for other clients. */
export function tokenFrom(headers: { cookie?: string | undefined; authorization?: string | undefined }, handshakeToken?: unknown): string | undefined {
  if (typeof handshakeToken === 'string' && handshakeToken.length > 0) return handshakeToken;
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  if (!headers.cookie) return undefined;
  return parseCookie(headers.cookie)[SESSION_COOKIE];
}

/**
 * [AU4][AU6] The session behind a token, checked on every command and read: a genuine unexpired
 * token, not revoked (sign-out), of a user who exists, is enabled and has not had their sessions ended
 * since (password reset, disable). Role and the crew's vehicle come from the live store, never the client.
 */
export async function resolveSession(ctx: CadContext, token: string | undefined): Promise<Session | null> {
  const claims = await liveClaims(ctx, token);
  if (!claims) return null;
  const [user, revoked] = await Promise.all([readUser(ctx, claims.userId), ctx.redis.exists(ctx.keys.revokedSession(claims.sessionId))]);
  return sessionOf(claims, user, revoked === 1);
}

/** A session and its command counted against the user's limit, as the socket's command gate found them. */
export interface GatedSession {
  session: Session;
  limit: LimitAnswer;
  /** [CM1] The command id's claim, when one was asked for and the command was within the limit. */
  claim?: GateClaim;
}

/**
 * [AU6][HI1] `resolveSession` for a socket command, with the command's use of the user's rate limit counted in the same
 * round trip (server/redis/scripts/commandGate.lua): a command on a socket costs one round trip before its own work,
 * not two. A use is counted only for a session still good, so a revoked token cannot spend its user's limit. A position
 * fix's gate goes on the positions connection (`redis`), so that fixes never queue in front of commands (OPS12).
 */
export async function gateSession(ctx: CadContext, token: string | undefined, redis: RedisClient = ctx.redis, claim: ClaimRequest | null = null): Promise<GatedSession | null> {
  const claims = await liveClaims(ctx, token);
  if (!claims) return null;
  const counter = ctx.limits.commandCounter(claims.userId);
  const reply = await SCRIPTS.commandGate.run(
    redis,
    [ctx.keys.user(claims.userId), ctx.keys.revokedSession(claims.sessionId), counter.key, ...(claim ? [claim.key] : [])],
    [claims.generation, counter.windowSeconds, ...(claim ? [ctx.limits.commandsPerWindow, claim.fingerprint, CLAIM_TTL_SECONDS] : [])],
  );
  const [fields, revoked, uses, msLeft, found]: unknown[] = Array.isArray(reply) ? (reply as unknown[]) : [];
  if (!Array.isArray(fields) || typeof revoked !== 'number' || typeof uses !== 'number' || typeof msLeft !== 'number') throw new Error('commandGate: unexpected reply');
  const record = recordOfFields(fields);
  const session = sessionOf(claims, Object.keys(record).length === 0 ? null : parseUser(record), revoked === 1);
  // The script counted no use only when it found the session not good, which sessionOf finds too.
  if (!session || uses === 0) return null;
  const gated: GatedSession = { session, limit: ctx.limits.commandAnswer(uses, msLeft) };
  if (claim && (found === 1 || typeof found === 'string')) gated.claim = { commandId: claim.commandId, fingerprint: claim.fingerprint, boundTo: found === 1 ? null : found };
  return gated;
}

/** A token's claims when it is genuine and unexpired (or renewed since). */
async function liveClaims(ctx: CadContext, token: string | undefined): Promise<SessionClaims | null> {
  if (!token || token.length > 4096) return null;
  const claims = await ctx.auth.tokens.verify(token);
  if (!claims) return null;
  const now = ctx.now();
  if (claims.expiresAt <= now) {
    // A socket opened with an older token of a session that has since been renewed follows the renewal.
    const renewedTo = Number((await ctx.redis.get(ctx.keys.renewedSession(claims.sessionId))) ?? 0);
    if (renewedTo <= now) return null;
    return { ...claims, expiresAt: renewedTo };
  }
  return claims;
}

/** The session of live claims, given the user's record and whether the session was revoked; null when it is not good. */
function sessionOf(claims: SessionClaims, user: Readonly<StoredUser> | null, isRevoked: boolean): Session | null {
  if (!user || user.isDisabled || isRevoked || claims.generation !== user.sessionGeneration) return null;
  const desk = user.role === 'dispatcher' && claims.desk && user.desks.includes(claims.desk) ? claims.desk : undefined;
  if (user.role === 'dispatcher' && !desk) return null;
  const session: Session = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    sessionId: claims.sessionId,
    signedInAt: claims.signedInAt,
    expiresAt: claims.expiresAt,
  };
  if (desk) {
    session.desk = desk;
    const agency = agencyOfDesk(desk);
    if (agency) session.agency = agency;
  }
  if (user.role === 'crew' && user.unitId) session.unitId = user.unitId;
  if (user.role === 'department_officer' && user.department) session.department = user.department;
  return session;
}

/** [AU4] However often it is renewed, a session ends this long after its sign-in: a person signs in again each day. */
export const MAX_SESSION_MS = 24 * 60 * 60_000;

/** A fresh token for a session: from now for the configured session length, never past a day from its sign-in. */
export async function issueToken(
  ctx: CadContext,
  user: { id: string; sessionGeneration: number },
  desk: Session['desk'],
  renewing?: { sessionId: string; signedInAt: number },
): Promise<{ token: string; sessionId: string; expiresAt: number }> {
  const issuedAt = ctx.now();
  const sessionId = renewing?.sessionId ?? SessionTokens.newSessionId();
  const signedInAt = renewing?.signedInAt ?? issuedAt;
  const expiresAt = Math.min(issuedAt + ctx.settings.sessionMinutes * 60_000, signedInAt + MAX_SESSION_MS);
  const token = await ctx.auth.tokens.sign({ userId: user.id, sessionId, desk, generation: user.sessionGeneration, issuedAt, signedInAt, expiresAt });
  return { token, sessionId, expiresAt };
}

/** [AU4] Notes a session's renewed expiry for every instance, until then. */
export async function noteRenewal(ctx: CadContext, sessionId: string, expiresAt: number): Promise<void> {
  await ctx.redis.set(ctx.keys.renewedSession(sessionId), String(expiresAt), 'PX', Math.max(1_000, expiresAt - ctx.now()));
}

/** [AU6] Revokes a session on every instance until it would have expired. */
export async function revokeSession(ctx: CadContext, session: Pick<Session, 'sessionId' | 'expiresAt'>): Promise<void> {
  const ttlMs = Math.max(1_000, session.expiresAt - ctx.now());
  await ctx.redis.set(ctx.keys.revokedSession(session.sessionId), '1', 'PX', ttlMs);
}
