import { describe, expect, it } from 'vitest';
import { SessionTokens } from '../../server/auth/sessionTokens.ts';

const SECRET = 'a-session-secret-of-at-least-thirty-two-characters';
const claims = { userId: 'u-1', sessionId: 's-1', desk: undefined, generation: 0, issuedAt: 1_700_000_000_000, signedInAt: 1_700_000_000_000, expiresAt: 1_700_003_600_000 };

describe('[AU4][OPS12] session tokens: a signature checked once, everything else on every use', () => {
  it('[AU4] a genuine token gives its claims every time; a caller changing its copy changes nothing remembered', async () => {
    const tokens = new SessionTokens(SECRET);
    const token = await tokens.sign(claims);
    const first = await tokens.verify(token);
    expect(first).toEqual(claims);
    if (first) first.expiresAt = 0;
    expect(await tokens.verify(token)).toEqual(claims);
  });

  it('[AU4] a token signed with another secret, or altered by one character, is refused, also after the genuine one was seen', async () => {
    const tokens = new SessionTokens(SECRET);
    const token = await tokens.sign(claims);
    await tokens.verify(token);
    const forged = await new SessionTokens(`${SECRET}-other`).sign(claims);
    expect(await tokens.verify(forged)).toBeNull();
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(await tokens.verify(`${token.slice(0, -1)}${last}`)).toBeNull();
    expect(await tokens.verify(token)).toEqual(claims);
  });
});
