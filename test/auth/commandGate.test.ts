import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateSession, resolveSession, revokeSession, tokenFrom } from '../../server/auth/resolveSession.ts';
import { setDisabled } from '../../server/auth/userStore.ts';
import { sessionCookie, type TestIdentity } from '../support/testSession.ts';
import { startTestServer, TEST_RATE_LIMITS, type TestServer } from '../support/testServer.ts';

/**
 * [AU6][HI1] The socket's command gate reads the session and counts the command against its user's limit in one
 * round trip; it must decide the session exactly as resolveSession does, and count only for a session still good.
 */
describe('[AU6][HI1] the command gate: the session and the rate limit in one round trip', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer({ settings: { rateLimits: { ...TEST_RATE_LIMITS, commandsPer10Seconds: 3 } } });
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  const tokenOf = async (identity: TestIdentity): Promise<string> => {
    const token = tokenFrom({ cookie: await sessionCookie(app.url, identity) });
    if (!token) throw new Error('no session token');
    return token;
  };
  const usesOf = async (userId: string): Promise<number> => Number((await app.server.ctx.redis.get(app.server.ctx.limits.commandCounter(userId).key)) ?? 0);

  it('[HI1] a good session: the same session as resolveSession, one use on the counter HTTP counts on, refused past the limit', async () => {
    const { ctx } = app.server;
    const token = await tokenOf({ role: 'dispatcher', operatorId: 'gate-dispatcher', agency: 'fire' });
    const resolved = await resolveSession(ctx, token);
    if (!resolved) throw new Error('the session did not resolve');
    const before = await usesOf(resolved.userId);
    const gated = await gateSession(ctx, token);
    expect(gated?.session).toEqual(resolved);
    expect(gated?.limit).toEqual({ isAllowed: true });
    expect(await usesOf(resolved.userId)).toBe(before + 1);
    // The HTTP path's consume counts on the same key: the socket and HTTP share one limit.
    await ctx.limits.consume('command', resolved.userId);
    expect(await usesOf(resolved.userId)).toBe(before + 2);
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push((await gateSession(ctx, token))?.limit);
    const refused = answers.at(-1);
    expect(refused?.isAllowed).toBe(false);
    if (refused && !refused.isAllowed) {
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(10);
    }
  });

  it('[AU6] a revoked session, or a disabled user, is no session, and spends nothing of its user\'s limit', async () => {
    const { ctx } = app.server;
    const revokedToken = await tokenOf({ role: 'call_taker', operatorId: 'gate-revoked' });
    const revoked = await resolveSession(ctx, revokedToken);
    if (!revoked) throw new Error('the session did not resolve');
    await revokeSession(ctx, revoked);
    expect(await gateSession(ctx, revokedToken)).toBeNull();
    expect(await usesOf(revoked.userId)).toBe(0);

    const disabledToken = await tokenOf({ role: 'supervisor', operatorId: 'gate-disabled' });
    const disabled = await resolveSession(ctx, disabledToken);
    if (!disabled) throw new Error('the session did not resolve');
    await setDisabled(ctx, disabled.userId, true);
    expect(await gateSession(ctx, disabledToken)).toBeNull();
    expect(await resolveSession(ctx, disabledToken)).toBeNull();
    expect(await usesOf(disabled.userId)).toBe(0);

    expect(await gateSession(ctx, 'not-a-token')).toBeNull();
    expect(await gateSession(ctx, undefined)).toBeNull();
  });
});
