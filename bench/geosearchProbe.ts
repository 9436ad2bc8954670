import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import type { LngLat } from '../shared/geo/position.ts';
import { summarize, type Summary } from './stats.ts';

/** What Redis itself spent on GEOSEARCH since the last `CONFIG RESETSTAT` (`INFO commandstats`). */
export interface GeosearchStats {
  calls: number;
  usecPerCall: number;
}

export async function geosearchStats(redis: Redis): Promise<GeosearchStats> {
  const match = /^cmdstat_geosearch:calls=(\d+),usec=\d+,usec_per_call=([\d.]+)/m.exec(await redis.info('commandstats'));
  return { calls: Number(match?.[1] ?? 0), usecPerCall: Number(match?.[2] ?? Number.NaN) };
}

/** One first-radius candidate: a single GEOSEARCH … BYRADIUS `radiusMeters` ASC COUNT `wanted`, timed with its round trip. */
export interface RadiusProbe {
  radiusMeters: number;
  latency: Summary;
  /** Redis's own time per GEOSEARCH at this radius. */
  redisUsecPerCall: number;
  /** Query points where this radius alone held `wanted` units (no second round trip needed). */
  enough: number;
  points: number;
}

/**
 * A diagnostic, not the server's code path: how long one GEOSEARCH takes at each of `radii` at this density, and how
 * often it alone finds `wanted` units — what a smaller first search radius would cost and save.
 */
export async function probeRadii(redis: Redis, points: readonly { key: string; at: LngLat }[], radii: readonly number[], wanted: number): Promise<RadiusProbe[]> {
  const probes: RadiusProbe[] = [];
  for (const radiusMeters of radii) {
    await redis.config('RESETSTAT');
    const ms: number[] = [];
    let enough = 0;
    for (const { key, at } of points) {
      const t0 = performance.now();
      const reply = await redis.call('GEOSEARCH', key, 'FROMLONLAT', at[0], at[1], 'BYRADIUS', radiusMeters, 'm', 'ASC', 'COUNT', wanted, 'WITHDIST', 'WITHCOORD');
      ms.push(performance.now() - t0);
      if (Array.isArray(reply) && reply.length >= wanted) enough += 1;
    }
    probes.push({ radiusMeters, latency: summarize(ms), redisUsecPerCall: (await geosearchStats(redis)).usecPerCall, enough, points: points.length });
  }
  return probes;
}
