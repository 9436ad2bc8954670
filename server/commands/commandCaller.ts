import type { Actor, Session } from '../../shared/auth/roles.ts';
import type { LimitAnswer } from '../auth/rateLimits.ts';
import type { GateClaim, ParsedEarly } from './commandIdClaim.ts';

/** Who sent a command, as the transport established it. */
export interface CommandCaller {
  /** The verified session; null before sign-in. */
  session: Session | null;
  transport: 'socket' | 'http';
  /** The client's network address, for rate limits before sign-in. */
  clientKey: string;
  /** The command's use of the user's rate limit, when the transport already counted it (the socket's command gate). */
  limit?: LimitAnswer;
  /** The payload as the transport parsed it already (the socket, before its gate), so it is parsed once. */
  parsed?: ParsedEarly['input'];
  /** [CM1] The command id's claim, when the socket's gate made it in its round trip. */
  gateClaim?: GateClaim;
}

/** A caller whose session the command's rules accepted. */
export interface AuthorisedCaller extends CommandCaller {
  actor: Actor;
}
