import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positionOfGeohashScore } from '../../server/redis/geohashScore.ts';
import { seededRandom } from '../../bench/random.ts';
import { startTestRedis } from '../support/testRedis.ts';

describe('[CV3] a GEO member\'s position from its score, as Redis gives it', () => {
  let store: Awaited<ReturnType<typeof startTestRedis>>;
  let redis: Redis;
  beforeAll(async () => {
    store = await startTestRedis();
    redis = new Redis(store.url);
  });
  afterAll(async () => {
    redis.disconnect();
    await store.cleanup();
  });

  it('[CV3] 2,000 points over the whole range and at its edges decode to what GEOPOS answers, to the last bit or so (1e-12°)', async () => {
    const random = seededRandom(77);
    const points: [number, number][] = Array.from({ length: 2_000 }, () => [random() * 360 - 180, random() * 170.1 - 85.05]);
    points.push([-180, -85.05112878], [180, 85.05112878], [0, 0], [28.0473, -26.2041], [-0.0000001, 0.0000001]);
    const key = 'geo:decode';
    await redis.geoadd(key, ...points.flatMap(([lng, lat], i) => [lng, lat, `p${i}`]));
    const members = points.map((_, i) => `p${i}`);
    const [scores, positions] = await Promise.all([Promise.all(members.map((member) => redis.zscore(key, member))), redis.geopos(key, ...members)]);
    members.forEach((member, i) => {
      const fromRedis = positions[i];
      if (!fromRedis) throw new Error(`no position for ${member}`);
      const [lng, lat] = positionOfGeohashScore(Number(scores[i]));
      expect(Math.abs(lng - Number(fromRedis[0])), member).toBeLessThan(1e-12);
      expect(Math.abs(lat - Number(fromRedis[1])), member).toBeLessThan(1e-12);
    });
  });
});
