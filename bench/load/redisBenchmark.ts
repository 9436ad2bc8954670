import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface RawGeoaddOptions {
  port: number;
  requests: number;
  clients: number;
}

export interface RawGeoaddResult {
  options: RawGeoaddOptions;
  /** Null when redis-benchmark is not installed (then `reason` says so). */
  requestsPerSecond: number | null;
  p50Ms: number | null;
  command: string;
  reason: string | null;
}

const REDIS_BENCHMARK = '/usr/bin/redis-benchmark';

/**
 * The raw GEOADD rate of a Redis with `redis-benchmark`, unpipelined (`-P 1`), `clients` connections, random members
 * (`-r`): the ceiling a position fix (one GEOADD among its writes) is compared with. The key is the benchmark's own.
 */
export function rawGeoaddRate(options: RawGeoaddOptions): Promise<RawGeoaddResult> {
  const args = ['-h', '127.0.0.1', '-p', String(options.port), '-n', String(options.requests), '-c', String(options.clients), '-P', '1', '-r', '100000', '-q', 'GEOADD', 'bench:raw-geo', '28.0', '-26.2', 'member:__rand_int__'];
  const command = `redis-benchmark ${args.join(' ')}`;
  if (!existsSync(REDIS_BENCHMARK)) return Promise.resolve({ options, requestsPerSecond: null, p50Ms: null, command, reason: `${REDIS_BENCHMARK} not installed` });
  return new Promise((done) => {
    execFile(REDIS_BENCHMARK, args, { timeout: 120_000 }, (error, stdout) => {
      // -q prints e.g. `GEOADD bench:raw-geo 28.0 -26.2 member:__rand_int__: 61538.46 requests per second, p50=0.407 msec`
      const rate = /([\d.]+) requests per second/.exec(stdout);
      const p50 = /p50=([\d.]+) msec/.exec(stdout);
      if (error || !rate?.[1]) {
        done({ options, requestsPerSecond: null, p50Ms: null, command, reason: error ? error.message : `unexpected output: ${stdout.slice(0, 200)}` });
        return;
      }
      done({ options, requestsPerSecond: Number(rate[1]), p50Ms: p50?.[1] ? Number(p50[1]) : null, command, reason: null });
    });
  });
}
