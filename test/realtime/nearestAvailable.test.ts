import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nearestAvailable } from '../../server/dispatch/recommendUnits.ts';
import { redisKeys } from '../../server/redis/keys.ts';
import { seedUnits } from '../../server/units/seedFleet.ts';
import { makeUnit } from '../console/fixtures.ts';
import { seededRandom } from '../support/seededRandom.ts';
import { startTestRedis } from '../support/testRedis.ts';

const keys = redisKeys('nearest');
const CENTRE: [number, number] = [28.05, -26.2];

describe('[DS1] the nearest available units of a kind, in one round trip whatever the density', () => {
  let server: Awaited<ReturnType<typeof startTestRedis>>;
  let redis: Redis;
  beforeAll(async () => {
    server = await startTestRedis();
    redis = new Redis(server.url);
    const random = seededRandom(11);
    // A dense cluster of 60 ambulances within ~400 m, 40 spread over ~50 km, and 3 lone ones 30–45 km out.
    const near = Array.from({ length: 60 }, (_, i) => makeUnit(`als-n${i}`, { kind: 'als', position: [CENTRE[0] + (random() - 0.5) * 0.008, CENTRE[1] + (random() - 0.5) * 0.008] }));
    const spread = Array.from({ length: 40 }, (_, i) => makeUnit(`als-s${i}`, { kind: 'als', position: [CENTRE[0] + (random() - 0.5) * 0.5, CENTRE[1] + (random() - 0.5) * 0.5] }));
    const far = [0.3, 0.38, 0.45].map((d, i) => makeUnit(`fire-f${i}`, { kind: 'fire_engine', position: [CENTRE[0] + d, CENTRE[1]] }));
    await seedUnits(redis, keys, [...near, ...spread, ...far]);
  }, 60_000);
  afterAll(async () => {
    redis.disconnect();
    await server.cleanup();
  });

  /** Every member of the set by distance: the answer any radius must give. */
  const everyByDistance = async (kind: 'als' | 'fire_engine', at: [number, number]): Promise<string[]> =>
    (await redis.geosearch(keys.availableUnits(kind), 'FROMLONLAT', at[0], at[1], 'BYRADIUS', 1_000, 'km', 'ASC')).map(String);

  it('[DS1] at the centre of a dense cluster and far from it, the wanted nearest in order, as a search of the whole set gives', async () => {
    for (const at of [CENTRE, [CENTRE[0] + 0.2, CENTRE[1] - 0.1] as [number, number]]) {
      for (const wanted of [1, 5, 20]) {
        const hits = await nearestAvailable(redis, keys.availableUnits('als'), at, wanted);
        expect(hits.map((hit) => hit.id)).toEqual((await everyByDistance('als', at)).slice(0, wanted));
        expect(hits.every((hit, i) => i === 0 || (hits[i - 1]?.distanceMeters ?? 0) <= hit.distanceMeters)).toBe(true);
      }
    }
  });

  it('[DS1] fewer than wanted within the last radius: all there are, nearest first; none of a kind: none', async () => {
    const hits = await nearestAvailable(redis, keys.availableUnits('fire_engine'), CENTRE, 5);
    expect(hits.map((hit) => hit.id)).toEqual(['fire-f0', 'fire-f1', 'fire-f2']);
    expect(hits[0]?.distanceMeters).toBeGreaterThan(25_000);
    expect(await nearestAvailable(redis, keys.availableUnits('rescue'), CENTRE, 5)).toEqual([]);
  });
});
