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

/** The roll-up as it stands, in key order, to compare with one rebuilt from the source tables. */
async function countsOf(pool: pg.Pool): Promise<unknown[]> {
  return (await pool.query<Record<string, unknown>>('SELECT * FROM measurement_counts ORDER BY month, interval, dim, value, seconds')).rows;
}

describe('[RP2b] the two ways of computing the figures give the same report', () => {
  let database: TestArchiveDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await startTestArchiveDatabase();
    pool = database.pool;
    const city = joburgCity();
    // Benchmark 7's generator: the city's mix of types, units of its fleet, long tails and a few percent flagged rows.
    await loadYearOfIncidents(pool, { incidents: 3_000, from: FROM, days: DAYS, seed: 11 }, city.wards, city.fleet);
    // Loaded in bulk, past the archiver: measured as an archive upgraded to migration 003 is at start.
    await rebuildMeasurements(pool, basisFor(ZONE));
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
    expect((await pool.query('SELECT count(*)::int AS n FROM measurement_counts WHERE n = 0')).rows[0]).toEqual({ n: 0 });
    for (const [, from, to] of ROLLUP_RANGES.slice(0, 4)) {
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
