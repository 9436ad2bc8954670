import type { RedisClient } from '../redis/redisClient.ts';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** [HI1] How much each client may send; held in Redis, so the limits hold across every server instance. */
export interface RateLimitSettings {
  /** Sign-in attempts per client address per minute. */
  signInPerMinute: number;
  /** Failed sign-ins per username from one address per 15 minutes, after which that pair is blocked for 15 minutes. */
  failedSignInsPer15Minutes: number;
  /** Commands and reads per signed-in user per 10 seconds (socket and HTTP together). */
  commandsPer10Seconds: number;
  /** HTTP requests to /api per client address per minute. */
  httpPerMinute: number;
  /** Socket connections per client address per minute. */
  connectionsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  signInPerMinute: 30,
  failedSignInsPer15Minutes: 10,
  commandsPer10Seconds: 300,
  httpPerMinute: 1_200,
  connectionsPerMinute: 120,
};

export type LimitKind = 'signIn' | 'failedSignIn' | 'command' | 'http' | 'connection';

/** The outcome of one consume: allowed, or refused with how long to wait. */
export type LimitAnswer = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

/** The command limit's window, in seconds. */
const COMMAND_WINDOW_SECONDS = 10;

export class RateLimits {
  private readonly limiters: Record<LimitKind, RateLimiterRedis>;

  constructor(redis: RedisClient, private readonly prefix: string, private readonly settings: RateLimitSettings) {
    const make = (kind: LimitKind, points: number, duration: number, blockDuration = 0): RateLimiterRedis =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:${kind}`, points, duration, blockDuration });
    this.limiters = {
      signIn: make('signIn', settings.signInPerMinute, 60),
      failedSignIn: make('failedSignIn', settings.failedSignInsPer15Minutes, 15 * 60, 15 * 60),
      command: make('command', settings.commandsPer10Seconds, COMMAND_WINDOW_SECONDS),
      http: make('http', settings.httpPerMinute, 60),
      connection: make('connection', settings.connectionsPerMinute, 60),
    };
  }

  /** Counts one use of `kind` by `key`. A Redis failure lets the request through: the command itself will then fail and say so. */
  async consume(kind: LimitKind, key: string): Promise<LimitAnswer> {
    try {
      await this.limiters[kind].consume(key);
      return { isAllowed: true };
    } catch (error) {
      if (error instanceof RateLimiterRes) return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      return { isAllowed: true };
    }
  }

  /**
   * The counter and window of a user's command limit, for a script that counts a use itself (the socket's command
   * gate, server/redis/scripts/commandGate.lua) the way `consume('command', userId)` counts it: the same key, so the
   * socket and HTTP share one limit.
   */
  commandCounter(userId: string): { key: string; windowSeconds: number } {
    return { key: `${this.prefix}:command:${userId}`, windowSeconds: COMMAND_WINDOW_SECONDS };
  }

  /** Commands a user may send in one window of the command counter. */
  get commandsPerWindow(): number {
    return this.settings.commandsPer10Seconds;
  }

  /** The answer for a command counted as the `uses`-th in its window, with `msLeft` of the window to run. */
  commandAnswer(uses: number, msLeft: number): LimitAnswer {
    return uses <= this.settings.commandsPer10Seconds ? { isAllowed: true } : { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
  }

  /** Whether `key` is blocked for `kind` now, without counting a use. */
  async isBlocked(kind: LimitKind, key: string): Promise<LimitAnswer> {
    try {
      const state = await this.limiters[kind].get(key);
      if (state && state.remainingPoints <= 0 && state.msBeforeNext > 0) return { isAllowed: false, retryAfterSeconds: Math.ceil(state.msBeforeNext / 1000) };
    } catch {
      // As in consume: a Redis failure does not lock anyone out.
    }
    return { isAllowed: true };
  }

  async reset(kind: LimitKind, key: string): Promise<void> {
    await this.limiters[kind].delete(key).catch(() => undefined);
  }
}
