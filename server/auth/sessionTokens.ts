import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { DeskSchema, type Desk } from '../../shared/auth/roles.ts';

/** What a session token says; the rest of the session is read from the live store on every use. */
export interface SessionClaims {
  userId: string;
  sessionId: string;
  desk: Desk | undefined;
  /** The user's session generation when the token was issued. [AU6] */
  generation: number;
  /** Epoch ms. */
  issuedAt: number;
  /** When the person signed in (epoch ms); renewals keep it. */
  signedInAt: number;
  expiresAt: number;
}

const ClaimsSchema = z.object({
  sub: z.string().min(1),
  sid: z.string().min(1),
  desk: DeskSchema.optional(),
  iam: z.number().int(),
  gen: z.number().int().nonnegative(),
  sia: z.number().int(),
  exp: z.number().int(),
});

const ISSUER = 'emergency-connect-cad';
const AUDIENCE = 'emergency-connect-console';

/** How many verified tokens an instance remembers (about 300 bytes each): more than its sockets and recent requests. */
const VERIFIED_TOKENS_KEPT = 20_000;

/**
 * [AU4] Signs and checks session tokens (HS256 JWTs, jose) with the deployment's secret.
 *
 * [OPS12] A token's signature is checked once: the claims of a genuine token are remembered (bounded, oldest out), so
 * a crew device's every position fix does not compute an HMAC again (it was the largest single cost of a fix). Only
 * the signature check is remembered; expiry, revocation and the user are still checked on every use (resolveSession).
 */
export class SessionTokens {
  private readonly key: Uint8Array;
  private readonly verified = new Map<string, Readonly<SessionClaims>>();

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  static newSessionId(): string {
    return randomBytes(16).toString('base64url');
  }

  async sign(claims: SessionClaims): Promise<string> {
    return new SignJWT({ sid: claims.sessionId, iam: claims.issuedAt, sia: claims.signedInAt, gen: claims.generation, ...(claims.desk ? { desk: claims.desk } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(claims.issuedAt / 1000))
      .setExpirationTime(Math.floor(claims.expiresAt / 1000))
      .sign(this.key);
  }

  /**
   * The claims of a genuine token (signature, issuer, audience, algorithm); null for anything else. Expiry
   * is left to the caller, which also honours a renewal of the same session (see resolveSession).
   */
  async verify(token: string): Promise<SessionClaims | null> {
    const known = this.verified.get(token);
    if (known) return { ...known };
    const claims = await this.verifySignature(token);
    if (!claims) return null;
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { ...claims });
    return claims;
  }

  private async verifySignature(token: string): Promise<SessionClaims | null> {
    try {
      // The epoch as "now" turns off jose's own expiry check; `exp` is still required and returned.
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: new Date(0), requiredClaims: ['exp'] });
      const claims = ClaimsSchema.parse(payload);
      return { userId: claims.sub, sessionId: claims.sid, desk: claims.desk, generation: claims.gen, issuedAt: claims.iam, signedInAt: claims.sia, expiresAt: claims.exp * 1000 };
    } catch {
      return null;
    }
  }
}
