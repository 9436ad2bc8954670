import { resolve } from 'node:path';
import { DEFAULT_SETTINGS } from '../server/app/cadContext.ts';
import { createCadServer, type CadServer, type CadServerOptions } from '../server/app/createCadServer.ts';
import type { RateLimitSettings } from '../server/auth/rateLimits.ts';
import { loadCity } from '../server/city/loadCity.ts';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * A benchmark sends as one person (and from one address) far more than a person's 300 commands per 10 s or an
 * address's 1,200 requests a minute. The limits are still counted on every command and request, as in production
 * (their cost is measured); only their ceilings are raised.
 */
export const BENCH_RATE_LIMITS: RateLimitSettings = { ...DEFAULT_SETTINGS.rateLimits, commandsPer10Seconds: 10_000_000, httpPerMinute: 10_000_000 };

/**
 * An in-process server on the Johannesburg city with its demo users, on a free port; `more` adds options such as
 * the archive's `databaseUrl` or a replay clock.
 */
export function startJoburgBenchServer(redisUrl: string, more: Partial<Omit<CadServerOptions, 'redisUrl' | 'city'>> = {}): Promise<CadServer> {
  return createCadServer({ redisUrl, city: loadCity(resolve(ROOT, 'fixtures/joburg')), port: 0, seedDemoUsers: true, ...more, settings: { rateLimits: BENCH_RATE_LIMITS, ...more.settings } });
}
