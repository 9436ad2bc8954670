import { DEFAULT_SETTINGS } from '../server/app/cadContext.ts';
import type { RateLimitSettings } from '../server/auth/rateLimits.ts';

/**
 * A benchmark sends as one person far more than a person's 300 commands per 10 s. The limit is still
 * counted on every command, as in production (its cost is measured); only its ceiling is raised.
 */
export const BENCH_RATE_LIMITS: RateLimitSettings = { ...DEFAULT_SETTINGS.rateLimits, commandsPer10Seconds: 10_000_000 };
