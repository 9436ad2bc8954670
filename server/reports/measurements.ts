import type pg from 'pg';
import { inTransaction } from '../archive/inTransaction.ts';
import { PROCESSING_SECONDS, targetsFingerprint, travelCase, turnoutCase } from './targetSql.ts';

type Queryable = pg.Pool | pg.PoolClient;

/** [RP2c][RP2d] The local month (yyyymm), day (yyyymmdd) and hour of `received_at` in the zone `$zone`: the report's own expressions. */
const localMonth = (zone: string): string => `to_char(to_timestamp(received_at / 1000.0) AT TIME ZONE ${zone}, 'YYYYMM')::int`;
const localDay = (zone: string): string => `to_char(to_timestamp(received_at / 1000.0) AT TIME ZONE ${zone}, 'YYYYMMDD')::int`;
const localHour = (zone: string): string => `extract(hour FROM to_timestamp(received_at / 1000.0) AT TIME ZONE ${zone})::int`;

/**
 * [RP2][RP2c] The measurements as the report defines them, drawn from `incidents` and `unit_responses` (flagged
 * rows left out, an interval with a stamp missing has no measurement, seconds truncated), for the incidents that
 * `where` picks (`id` and `incident_id` in scope). The time zone is the SQL expression `zone`.
 */
function sourceSql(zone: string, incidentsWhere: string, responsesWhere: string): string {
  return `
    SELECT id AS incident_id, -1 AS seq, v.interval, received_at, ${localMonth(zone)} AS month, ${localHour(zone)} AS hour, ${localDay(zone)} AS day,
      priority, region, agencies, v.seconds, v.target
    FROM incidents CROSS JOIN LATERAL (VALUES
      ('answering', ((created_at - call_started_at) / 1000)::int, NULL::int),
      ('processing', ((first_dispatch_at - received_at) / 1000)::int, ${PROCESSING_SECONDS}),
      ('total_response', ((first_on_scene_at - received_at) / 1000)::int, NULL::int)
    ) AS v(interval, seconds, target)
    WHERE cardinality(flags) = 0 AND v.seconds IS NOT NULL AND ${incidentsWhere}
    UNION ALL
    SELECT incident_id, seq, v.interval, received_at, ${localMonth(zone)}, ${localHour(zone)}, ${localDay(zone)}, priority, region, ARRAY[agency], v.seconds, v.target
    FROM unit_responses CROSS JOIN LATERAL (VALUES
      ('turnout', ((en_route_at - dispatched_at) / 1000)::int, ${turnoutCase()}),
      ('travel', ((on_scene_at - en_route_at) / 1000)::int, ${travelCase()})
    ) AS v(interval, seconds, target)
    WHERE cardinality(flags) = 0 AND v.seconds IS NOT NULL AND ${responsesWhere}`;
}

/**
 * [RP2c] Each measurement of `m` once per group it belongs to: overall, each of its agencies, its priority, its
 * region (when it has one) and its hour of day.
 */
export const GROUPS_OF_MEASUREMENT = `LATERAL (
    SELECT 0::smallint AS dim, ''::text AS value
    UNION ALL SELECT 1::smallint, agency FROM unnest(m.agencies) AS agency
    UNION ALL SELECT 2::smallint, m.priority
    UNION ALL SELECT 3::smallint, m.region WHERE m.region IS NOT NULL
    UNION ALL SELECT 4::smallint, m.hour::text
  ) AS g`;

/** [RP2d] A coarse bin holds 16 whole seconds: bin = seconds >> 4 (a shift, so it floors as the seconds do). */
export const BIN_SHIFT = 4;

/** [RP2c][RP2d] A table of counts kept from the measurements: per month or day, per whole second or bin. */
interface Rollup {
  table: 'measurement_counts' | 'measurement_bins' | 'measurement_day_bins';
  period: 'month' | 'day';
  measure: 'seconds' | 'bin';
}

const ROLLUPS: readonly Rollup[] = [
  { table: 'measurement_counts', period: 'month', measure: 'seconds' },
  { table: 'measurement_bins', period: 'month', measure: 'bin' },
  { table: 'measurement_day_bins', period: 'day', measure: 'bin' },
];

const keyColumns = (rollup: Rollup): string => `${rollup.period}, interval, dim, value, ${rollup.measure}`;

/** Every table of counts, for the statements that treat them all alike. */
const ROLLUP_TABLES = ROLLUPS.map((rollup) => rollup.table).join(', ');

/** The counts of measurements `m` (already in scope) per period, interval, group and second or bin. */
const countsOf = (rollup: Rollup): string => `
  SELECT m.${rollup.period}, m.interval, g.dim, g.value, ${rollup.measure === 'seconds' ? 'm.seconds' : `m.seconds >> ${BIN_SHIFT}`} AS ${rollup.measure},
    count(*) AS n, count(*) FILTER (WHERE m.seconds <= m.target) AS within, count(m.target) AS target_rows`;

const MEASUREMENT_COLUMNS = 'incident_id, seq, interval, received_at, month, hour, day, priority, region, agencies, seconds, target';

/** The basis the stored measurements must have for this city: its zone and the current targets. */
export interface MeasurementBasis {
  timeZone: string;
  targets: string;
}

export const basisFor = (timeZone: string): MeasurementBasis => ({ timeZone, targets: targetsFingerprint() });

/** [RP2c] Whether the stored measurements were built for `basis` (else the report reads the source tables). */
export async function hasMeasurementsFor(client: Queryable, basis: MeasurementBasis): Promise<boolean> {
  const row = (await client.query<{ time_zone: string | null; targets: string | null }>('SELECT time_zone, targets FROM measurement_basis')).rows[0];
  return row?.time_zone === basis.timeZone && row.targets === basis.targets;
}

/**
 * [RP2c] Re-measures the incidents `ids` inside the writer's transaction, after their rows were written: the
 * counts get the new measurements minus the old (rows reaching 0 deleted), and the old measurements are replaced.
 * The basis row is locked for share first, so a rebuild (which locks it for update) runs wholly before or after.
 * Nothing is kept while the measurements have never been built (no zone yet).
 */
export async function measureIncidents(client: pg.PoolClient, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const basis = (await client.query<{ time_zone: string | null; targets: string | null }>('SELECT time_zone, targets FROM measurement_basis FOR SHARE')).rows[0];
  if (!basis?.time_zone) return;
  // Stored targets other than the code's: the next start rebuilds them; until then keep them consistent with themselves.
  if (basis.targets !== targetsFingerprint()) return;
  const fresh = sourceSql('$2::text', 'id = ANY($1::text[])', 'incident_id = ANY($1::text[])');
  // One statement: the stored measurements replaced by fresh ones, and each count adjusted by the fresh minus the
  // stored, counted from both once. Each delta goes in key order, so two writers touching the same counts lock them
  // in the same order (no deadlock).
  const changed = await client.query<{ rollup: number; period: number; interval: string; dim: number; value: string; measure: number }>(
    `WITH old AS (DELETE FROM measurements WHERE incident_id = ANY($1::text[]) RETURNING *),
     fresh AS (INSERT INTO measurements (${MEASUREMENT_COLUMNS}) ${fresh} RETURNING *),
     signed AS MATERIALIZED (
       SELECT m.month, m.day, m.interval, g.dim, g.value, m.seconds, m.seconds >> ${BIN_SHIFT} AS bin, m.sign,
         m.sign * (m.seconds <= m.target IS TRUE)::int AS within, m.sign * (m.target IS NOT NULL)::int AS target_rows
       FROM (SELECT *, 1 AS sign FROM fresh UNION ALL SELECT *, -1 FROM old) AS m CROSS JOIN ${GROUPS_OF_MEASUREMENT}
     ),
     ${ROLLUPS.map((rollup, i) => `d${i} AS (
       INSERT INTO ${rollup.table} AS c (${keyColumns(rollup)}, n, within, target_rows)
       SELECT ${keyColumns(rollup)}, sum(sign)::int, sum(within)::int, sum(target_rows)::int FROM signed
       GROUP BY ${keyColumns(rollup)} HAVING sum(sign) <> 0 OR sum(within) <> 0 OR sum(target_rows) <> 0 ORDER BY ${keyColumns(rollup)}
       ON CONFLICT (${keyColumns(rollup)}) DO UPDATE
         SET n = c.n + EXCLUDED.n, within = c.within + EXCLUDED.within, target_rows = c.target_rows + EXCLUDED.target_rows
       RETURNING ${i} AS rollup, ${rollup.period} AS period, interval, dim, value, ${rollup.measure} AS measure, n
     )`).join(',\n     ')}
     ${ROLLUPS.map((_rollup, i) => `SELECT rollup, period, interval, dim, value, measure FROM d${i} WHERE n = 0`).join(' UNION ALL ')}`,
    [ids, basis.time_zone],
  );
  for (const [i, rollup] of ROLLUPS.entries()) await deleteZeroed(client, rollup, changed.rows.filter((row) => row.rollup === i));
}

/** [RP2c] Deletes the counts of `rollup` this writer brought to 0 (rows it changed, and so holds). */
async function deleteZeroed(client: pg.PoolClient, rollup: Rollup, gone: readonly { period: number; interval: string; dim: number; value: string; measure: number }[]): Promise<void> {
  if (gone.length === 0) return;
  await client.query(
    `DELETE FROM ${rollup.table} c USING unnest($1::int[], $2::text[], $3::smallint[], $4::text[], $5::int[]) AS z(period, interval, dim, value, measure)
     WHERE (c.${rollup.period}, c.interval, c.dim, c.value, c.${rollup.measure}) = (z.period, z.interval, z.dim, z.value, z.measure) AND c.n = 0`,
    [gone.map((r) => r.period), gone.map((r) => r.interval), gone.map((r) => r.dim), gone.map((r) => r.value), gone.map((r) => r.measure)],
  );
}

/** The counts a rebuild makes: all measurements, grouped; on a year, more memory than the default keeps it in RAM. */
const REBUILD_WORK_MEM = '256MB';

/**
 * [RP2c] Builds the measurements and their counts anew from `incidents` and `unit_responses` for `basis`, in one
 * transaction (an archive upgraded to migration 003, a change of zone or targets, or rows loaded in bulk).
 */
export async function rebuildMeasurements(pool: pg.Pool, basis: MeasurementBasis): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT 1 FROM measurement_basis FOR UPDATE');
    await client.query(`SET LOCAL work_mem = '${REBUILD_WORK_MEM}'`);
    await client.query(`TRUNCATE measurements, ${ROLLUP_TABLES}`);
    await client.query(`INSERT INTO measurements (${MEASUREMENT_COLUMNS}) ${sourceSql('$1::text', 'true', 'true')}`, [basis.timeZone]);
    for (const rollup of ROLLUPS) {
      await client.query(`INSERT INTO ${rollup.table} (${keyColumns(rollup)}, n, within, target_rows)
        ${countsOf(rollup)} FROM measurements AS m, ${GROUPS_OF_MEASUREMENT} GROUP BY 1, 2, 3, 4, 5`);
    }
    await client.query('UPDATE measurement_basis SET time_zone = $1, targets = $2', [basis.timeZone, basis.targets]);
  });
  // VACUUM as well: the report reads the counts from their indexes alone, which needs their pages marked all-visible
  // (a year's report took 0.85 s instead of 0.3 s before autovacuum came round to the freshly built tables).
  await pool.query(`VACUUM ANALYZE measurements, ${ROLLUP_TABLES}`);
}

/** [RP2c] At start: builds the measurements unless they were built for this city's zone and the current targets. */
export async function prepareMeasurements(pool: pg.Pool, timeZone: string): Promise<boolean> {
  const basis = basisFor(timeZone);
  if (await hasMeasurementsFor(pool, basis)) return false;
  await rebuildMeasurements(pool, basis);
  return true;
}
