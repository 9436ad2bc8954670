import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { loadYearOfIncidents } from '../../bench/yearOfIncidents.ts';
import type { EmbeddedPostgres } from '../../server/archive/embeddedPostgres.ts';
import { migrate } from '../../server/archive/migrate.ts';
import { intervalReport } from '../../server/reports/intervalReport.ts';
import { startTestPostgres } from '../support/testPostgres.ts';
import { joburgCity } from '../support/testServer.ts';

const DAY = 86_400_000;
const FROM = Date.parse('2026-01-05T00:00:00+02:00');
const DAYS = 60;

describe('[RP2b] the two ways of computing the figures give the same report', () => {
  let postgres: EmbeddedPostgres & { cleanup(): Promise<void> };
  let pool: pg.Pool;
  beforeAll(async () => {
    postgres = await startTestPostgres();
    pool = new pg.Pool({ connectionString: postgres.url });
    pool.on('error', () => undefined);
    await migrate(pool);
    const city = joburgCity();
    // Benchmark 7's generator: the city's mix of types, units of its fleet, long tails and a few percent flagged rows.
    await loadYearOfIncidents(pool, { incidents: 3_000, from: FROM, days: DAYS, seed: 11 }, city.wards, city.fleet);
  }, 120_000);
  afterAll(async () => {
    await pool.end();
    await postgres.cleanup();
  });

  it.each([
    ['the whole range', FROM, FROM + DAYS * DAY],
    ['one day', FROM + 20 * DAY, FROM + 21 * DAY],
    ['a week starting mid-morning', FROM + 30.4 * DAY, FROM + 37.4 * DAY],
    ['a range holding nothing', FROM - 10 * DAY, FROM - 9 * DAY],
  ])('[RP2a][RP2b] %s: counted and sorted figures are identical, every group and target', async (_label, from, to) => {
    const sorted = await intervalReport(pool, { from, to }, 'Africa/Johannesburg', to, 0, 'sorted');
    const counted = await intervalReport(pool, { from, to }, 'Africa/Johannesburg', to, 0, 'counted');
    expect(counted).toEqual(sorted);
  });

  it('[RP2b] the report over the whole range has figures in every dimension, and flagged rows', async () => {
    const report = await intervalReport(pool, { from: FROM, to: FROM + DAYS * DAY }, 'Africa/Johannesburg', FROM + DAYS * DAY, 0, 'counted');
    expect(report.incidents).toBe(3_000);
    expect(report.byAgency.map((group) => group.key)).toEqual(['ems', 'fire', 'metro_police']);
    expect(report.byHour).toHaveLength(24);
    expect(report.byPriority.length).toBeGreaterThan(3);
    expect(report.flagged.rows).toBeGreaterThan(0);
    expect(report.overall.find((figure) => figure.interval === 'processing')?.count).toBeGreaterThan(2_000);
  });
});
