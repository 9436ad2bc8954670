import { performance } from 'node:perf_hooks';
import { expect } from 'vitest';
import { CityLease } from '../../server/leases/cityLease.ts';
import type { RedisClient } from '../../server/redis/redisClient.ts';
import { testLogger } from './testServer.ts';
import { setTimeout as sleep } from 'node:timers/promises';


/** Two holders of one lease, each on its own connection to the store. */
export interface LeaseHandover {
  key: string;
  first: { holder: string; connection: RedisClient };
  /** The second holder's connection is cut (disconnected) at the end. */
  second: { holder: string; connection: RedisClient };
  /** Checked once the second holds the lease (e.g. what the store says). */
  whileSecondHolds?: () => Promise<void>;
}

/**
 * [OPS11] The lease's rules, with a short TTL: one holder at a time; a graceful stop hands over at the next try (well
 * before the TTL); a holder cut off from the store stops its job by the lease's expiry; each job ran once in turn.
 */
export async function expectLeaseHandover({ key, first, second, whileSecondHolds }: LeaseHandover): Promise<void> {
  const timing = { ttlMs: 1_500, renewEveryMs: 300 };
  const runs: string[] = [];
  const lease = ({ holder, connection }: { holder: string; connection: RedisClient }): CityLease =>
    new CityLease(connection, key, holder, 'the test job', () => {
      runs.push(`${holder} start`);
      return () => runs.push(`${holder} stop`);
    }, testLogger(), timing);
  const one = lease(first);
  const two = lease(second);
  one.begin();
  await expect.poll(() => one.isHeld, { timeout: 5_000 }).toBe(true);
  two.begin();
  await sleep(1_000);
  expect(two.isHeld).toBe(false);
  // A graceful stop: released at once, taken at the next try (300 ms), well before the TTL.
  const stoppedAt = performance.now();
  await one.end();
  await expect.poll(() => two.isHeld, { timeout: 5_000, interval: 20 }).toBe(true);
  expect(performance.now() - stoppedAt).toBeLessThan(1_200);
  await whileSecondHolds?.();
  // The holder loses the store: it stops the job by the lease's expiry, before anyone else may have it.
  second.connection.disconnect();
  const lostAt = performance.now();
  await expect.poll(() => two.isHeld, { timeout: 5_000, interval: 20 }).toBe(false);
  expect(performance.now() - lostAt).toBeLessThan(timing.ttlMs + 100);
  await two.end();
  expect(runs).toEqual([`${first.holder} start`, `${first.holder} stop`, `${second.holder} start`, `${second.holder} stop`]);
}
