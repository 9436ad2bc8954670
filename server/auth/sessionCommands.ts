import type { Session } from '../../shared/auth/roles.ts';
import type { SessionInfo, SignInInput } from '../../shared/auth/userSchema.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol/contract.ts';
import { fail, ok } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { CommandCaller } from '../commands/commandCaller.ts';
import type { CommandOutcome } from '../commands/commandOutcome.ts';
import { decoyHash, verifyPassword } from './passwordHash.ts';
import { issueToken, noteRenewal, resolveSession, revokeSession } from './resolveSession.ts';
import { findUserByName, readUser } from './userStore.ts';

const FAILED = 'the username or password is not right';

/**
 * [AU4] Sign-in: the password is checked (as slowly for an unknown user as for a known one), failures
 * are limited per username and address, and a dispatcher allowed several desks names the one they sit at.
 */
export async function signIn(ctx: CadContext, input: SignInInput, caller: CommandCaller): Promise<CommandOutcome<SessionInfo>> {
  const limitKey = `${input.username}|${caller.clientKey}`;
  const blocked = await ctx.limits.isBlocked('failedSignIn', limitKey);
  if (!blocked.isAllowed) return { result: fail('rate_limited', `too many failed sign-ins for ${input.username}; try again in ${blocked.retryAfterSeconds} s`) };
  const user = await findUserByName(ctx, input.username);
  const isGenuine = user ? await verifyPassword(input.password, user.passwordHash) : await verifyPassword(input.password, await decoyHash(ctx.settings.passwordCost)).then(() => false);
  if (!user || !isGenuine || user.isDisabled) {
    await ctx.limits.consume('failedSignIn', limitKey);
    return { result: fail('sign_in_failed', user?.isDisabled && isGenuine ? 'this account is disabled; ask an administrator' : FAILED) };
  }
  await ctx.limits.reset('failedSignIn', limitKey);
  let desk = input.desk;
  if (user.role === 'dispatcher') {
    if (desk === undefined && user.desks.length === 1) desk = user.desks[0];
    if (desk === undefined || !user.desks.includes(desk)) {
      return { result: fail('desk_required', `choose your desk: ${user.desks.join(', ')}`, { choices: user.desks, issues: [{ path: 'desk', message: `one of ${user.desks.join(', ')}` }] }) };
    }
  } else {
    desk = undefined;
  }
  const issued = await issueToken(ctx, user, desk);
  const session = await resolveSession(ctx, issued.token);
  if (!session) return { result: fail('sign_in_failed', FAILED) };
  return { result: ok(sessionInfo(session, user.desks)), effects: { setCookie: { token: issued.token, expiresAt: issued.expiresAt } } };
}

export function sessionInfo(session: Session, desks: SessionInfo['desks']): SessionInfo {
  return { session, desks, protocolVersion: PROTOCOL_VERSION };
}

/** The session, renewed (same id, new expiry) once it is past half its life, so a console in use stays signed in. */
export async function currentSession(ctx: CadContext, session: Session): Promise<CommandOutcome<SessionInfo>> {
  const user = await readUser(ctx, session.userId);
  if (!user) return { result: fail('unauthenticated', 'sign in first') };
  const desks = user.desks;
  const lifeMs = ctx.settings.sessionMinutes * 60_000;
  if (session.expiresAt - ctx.now() > lifeMs / 2) return { result: ok(sessionInfo(session, desks)) };
  const renewed = await issueToken(ctx, user, session.desk, session);
  if (renewed.expiresAt <= session.expiresAt) return { result: ok(sessionInfo(session, desks)) };
  await noteRenewal(ctx, session.sessionId, renewed.expiresAt);
  return { result: ok(sessionInfo({ ...session, expiresAt: renewed.expiresAt }, desks)), effects: { setCookie: { token: renewed.token, expiresAt: renewed.expiresAt } } };
}

/** [AU6] Sign-out revokes the session on every instance and drops its sockets at once. */
export async function signOut(ctx: CadContext, session: Session): Promise<CommandOutcome<{ signedOut: true }>> {
  await revokeSession(ctx, { sessionId: session.sessionId, expiresAt: session.expiresAt + ctx.settings.sessionMinutes * 60_000 });
  return { result: ok({ signedOut: true }), effects: { clearCookie: true, endSessions: { sessionId: session.sessionId, reason: 'signed_out' } } };
}
