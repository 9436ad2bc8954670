import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { loadYearOfIncidents } from '../../bench/yearOfIncidents.ts';
import { writeJournalBatch } from '../../server/archive/writeArchive.ts';
import { intervalReport } from '../../server/reports/intervalReport.ts';
import { basisFor, rebuildMeasurements } from '../../server/reports/measurements.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import { startTestArchiveDatabase, type TestArchiveDatabase } from '../support/testPostgres.ts';
import { joburgCity } from '../support/testServer.ts';

const DAY = 86_400_000;
const FROM = Date.parse('2026-01-05T00:00:00+02:00');
const DAYS = 60;
const ZONE = 'Africa/Johannesburg';
/** Whole months of the city's zone inside the data (January 5th to March 6th 2026): February only. */
const FEB = Date.parse('2026-02-01T00:00:00+02:00');
const MAR = Date.parse('2026-03-01T00:00:00+02:00');

/** The roll-up as it stands (all three counts), in key order, to compare with one rebuilt from the source tables. */
async function countsOf(pool: pg.Pool): Promise<unknown[][]> {
  return [
    (await pool.query<Record<string, unknown>>('SELECT * FROM measurement_counts ORDER BY month, interval, dim, value, seconds')).rows,
    (await pool.query<Record<string, unknown>>('SELECT * FROM measurement_bins ORDER BY month, interval, dim, value, bin')).rows,
    (await pool.query<Record<string, unknown>>('SELECT * FROM measurement_day_bins ORDER BY day, interval, dim, value, bin')).rows,
  ];
}

/** Rows of any of the three counts that reached 0 and were kept. */
async function zeroCounts(pool: pg.Pool): Promise<number> {
  const row = (await pool.query<{ n: number }>(`SELECT ((SELECT count(*) FROM measurement_counts WHERE n = 0) + (SELECT count(*) FROM measurement_bins WHERE n = 0)
    + (SELECT count(*) FROM measurement_day_bins WHERE n = 0))::int AS n`)).rows[0];
  return row?.n ?? -1;
}

/**
 * A database of its own holding benchmark 7's generated incidents (the city's mix of types, units of its fleet, long
 * tails and a few percent flagged rows), loaded in bulk past the archiver and then measured for `zone`, as an
 * archive upgraded to migration 003 or 004 is at start.
 */
async function loadedArchive(load: { incidents: number; from: number; days: number; seed: number }, zone: string): Promise<TestArchiveDatabase> {
  const database = await startTestArchiveDatabase();
  const city = joburgCity();
  await loadYearOfIncidents(database.pool, load, city.wards, city.fleet);
  await rebuildMeasurements(database.pool, basisFor(zone));
  return database;
}

describe('[RP2b] the two ways of computing the figures give the same report', () => {
  let database: TestArchiveDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await loadedArchive({ incidents: 3_000, from: FROM, days: DAYS, seed: 11 }, ZONE);
    pool = database.pool;
  }, 120_000);
  afterAll(async () => {
    await database.close();
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

  const ROLLUP_RANGES: [string, number, number][] = [
    ['the whole range (part of January, all of February, part of March)', FROM, FROM + DAYS * DAY],
    ['mid-January to mid-March at odd hours', FROM + 7.3 * DAY, MAR + 3.6 * DAY],
    ['exactly February', FEB, MAR],
    ['from the start of February to mid-March', FEB, MAR + 2.25 * DAY],
    ['one day inside February', FEB + 9 * DAY, FEB + 10 * DAY],
    ['whole days across the start of February (no whole month)', FEB - 6 * DAY, FEB + 9 * DAY],
    ['days and hours across the start of February (no whole month)', FEB - 6.7 * DAY, FEB + 9.2 * DAY],
    ['ten whole days before February, then February', FEB - 10 * DAY, MAR],
    ['less than a day across midnight', FEB + 3.8 * DAY, FEB + 4.3 * DAY],
    ['a range holding nothing', FROM - 10 * DAY, FROM - 9 * DAY],
  ];

  it.each(ROLLUP_RANGES)('[RP2c] %s: figures from the stored measurements equal percentile_disc over the source rows, every group', async (_label, from, to) => {
    const sorted = await intervalReport(pool, { from, to }, ZONE, to, 0, 'sorted');
    const rollup = await intervalReport(pool, { from, to }, ZONE, to, 0, 'rollup');
    expect(rollup).toEqual(sorted);
    expect(rollup.flagged.rows).toBe(sorted.flagged.rows);
  });

  it('[RP2c] incidents rewritten by the archiver keep the measurements and the roll-up equal to a rebuild, and the report to percentile_disc', async () => {
    const rows = (await pool.query<{ doc: Incident; version: string }>(`SELECT doc, version FROM incidents WHERE received_at >= $1 ORDER BY id LIMIT 120`, [FEB - 3 * DAY])).rows;
    // New versions: priorities and regions moved, units dropped, stamps shifted (some now flagged), and one twice in a batch.
    const rewritten = rows.map(({ doc }, i): Incident => {
      const assignments = i % 3 === 0 ? doc.assignments.slice(1) : doc.assignments.map((a) => (i % 3 === 1 ? { ...a, steps: (a.steps ?? []).map((step) => ({ ...step, at: step.at + 37_000 })) } : a));
      const priority = i % 4 === 0 ? (doc.priority === 'alpha' ? 'echo' : 'alpha') : doc.priority;
      return { ...doc, priority, region: i % 5 === 0 ? 'A' : doc.region, assignments, firstDispatchAt: i % 7 === 0 ? null : doc.firstDispatchAt };
    });
    const top = Math.max(...rows.map((row) => Number(row.version)));
    const deltas: Delta[] = rewritten.map((doc, i) => ({ version: top + 1 + i, at: doc.createdAt, fact: 'incident:closed', actor: { role: 'dispatcher', operatorId: 'test' }, incidents: [doc], units: [], calls: [], tickets: [] }));
    const first = rewritten[0];
    if (first) deltas.push({ version: top + 1 + deltas.length, at: first.createdAt, fact: 'incident:closed', actor: { role: 'dispatcher', operatorId: 'test' }, incidents: [{ ...first, assignments: [] }], units: [], calls: [], tickets: [] });
    const before = await countsOf(pool);
    const client = await pool.connect();
    try {
      await writeJournalBatch(client, deltas.slice(0, 60));
      await writeJournalBatch(client, deltas.slice(60));
    } finally {
      client.release();
    }
    const kept = await countsOf(pool);
    expect(kept).not.toEqual(before);
    const measured = (await pool.query('SELECT * FROM measurements ORDER BY incident_id, seq, interval')).rows;
    await rebuildMeasurements(pool, basisFor(ZONE));
    expect(kept).toEqual(await countsOf(pool));
    expect(measured).toEqual((await pool.query('SELECT * FROM measurements ORDER BY incident_id, seq, interval')).rows);
    expect(await zeroCounts(pool)).toBe(0);
    for (const [, from, to] of ROLLUP_RANGES.slice(0, 8)) {
      expect(await intervalReport(pool, { from, to }, ZONE, to, 0, 'rollup')).toEqual(await intervalReport(pool, { from, to }, ZONE, to, 0, 'sorted'));
    }
  }, 120_000);

  it('[RP2c] measurements built for another zone are not read: the report falls back to the source rows', async () => {
    await rebuildMeasurements(pool, basisFor('Europe/London'));
    const to = FROM + DAYS * DAY;
    await expect(intervalReport(pool, { from: FROM, to }, ZONE, to, 0, 'rollup')).rejects.toThrow(/not built/);
    expect(await intervalReport(pool, { from: FROM, to }, ZONE, to, 0)).toEqual(await intervalReport(pool, { from: FROM, to }, ZONE, to, 0, 'sorted'));
    await rebuildMeasurements(pool, basisFor(ZONE));
  }, 120_000);

  it('[RP2c] without a method asked for, a long range is read from the roll-up and a day from the source rows, with the same figures', async () => {
    const week = { from: FEB + 2 * DAY, to: FEB + 9 * DAY };
    expect(await intervalReport(pool, week, ZONE, week.to, 0)).toEqual(await intervalReport(pool, week, ZONE, week.to, 0, 'rollup'));
    const day = { from: FEB + 2 * DAY, to: FEB + 3 * DAY };
    expect(await intervalReport(pool, day, ZONE, day.to, 0)).toEqual(await intervalReport(pool, day, ZONE, day.to, 0, 'sorted'));
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

/** A zone with daylight saving: London's clocks go forward on 29 March 2026, so April starts in summer time (UTC+1). */
const LONDON = 'Europe/London';
const LONDON_FROM = Date.parse('2026-03-14T00:00:00Z');
const APRIL = Date.parse('2026-04-01T00:00:00+01:00');
const MAY = Date.parse('2026-05-01T00:00:00+01:00');
const SPRING_FORWARD = Date.parse('2026-03-29T00:00:00Z');

describe('[RP2c] the roll-up in a zone with daylight saving', () => {
  let database: TestArchiveDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await loadedArchive({ incidents: 2_000, from: LONDON_FROM, days: 60, seed: 5 }, LONDON);
    pool = database.pool;
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  it('[RP2c] local days and months are those of the zone: the 23-hour day and April (from 23:00 UTC) hold their own measurements', async () => {
    const days = (await pool.query<{ day: number; n: number }>(
      `SELECT day, count(*)::int AS n FROM measurements WHERE day IN (20260329, 20260401) GROUP BY day ORDER BY day`,
    )).rows;
    const counted = (await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM measurements WHERE (received_at >= $1 AND received_at < $2) OR (received_at >= $3 AND received_at < $4)`,
      [SPRING_FORWARD, SPRING_FORWARD + 23 * 3_600_000, APRIL, APRIL + DAY],
    )).rows[0];
    expect(days.reduce((sum, row) => sum + row.n, 0)).toBe(counted?.n);
    expect(days.map((row) => row.day)).toEqual([20260329, 20260401]);
  });

  it.each([
    ['the whole range', LONDON_FROM, LONDON_FROM + 60 * DAY],
    ['exactly April (a month starting in summer time)', APRIL, MAY],
    ['the day the clocks go forward (23 hours)', SPRING_FORWARD, SPRING_FORWARD + 23 * 3_600_000],
    ['mid-March at an odd hour to April 10th', LONDON_FROM + 5.55 * DAY, APRIL + 9.1 * DAY],
    ['from a day before the change to the start of April', SPRING_FORWARD - DAY, APRIL],
  ])('[RP2d] %s: figures from the roll-up equal percentile_disc over the source rows, every group', async (_label, from, to) => {
    const sorted = await intervalReport(pool, { from, to }, LONDON, to, 0, 'sorted');
    expect(sorted.incidents).toBeGreaterThan(0);
    expect(await intervalReport(pool, { from, to }, LONDON, to, 0, 'rollup')).toEqual(sorted);
  });
});
