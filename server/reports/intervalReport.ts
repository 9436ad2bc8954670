import type pg from 'pg';
import { inTransaction } from '../archive/inTransaction.ts';
import { FLAGGED_LIST_LIMIT, INTERVAL_FLAGS, INTERVAL_NAMES, PROCESSING_TARGET, TRAVEL_TARGETS, TURNOUT_TARGETS, type TargetRule } from '../../shared/reports/intervalTargets.ts';
import { basisFor, BIN_SHIFT, GROUPS_OF_MEASUREMENT, hasMeasurementsFor } from './measurements.ts';
import { travelCase, turnoutCase } from './targetSql.ts';
import {
  IntervalReportSchema,
  type FlaggedRow,
  type IntervalFigure,
  type IntervalFlag,
  type IntervalName,
  type IntervalReport,
  type IntervalTarget,
  type ReportRangeInput,
} from '../../shared/reports/intervalReportSchema.ts';
import { AGENCIES, type Agency } from '../../shared/units/unitKinds.ts';
import { PRIORITY_LEVELS } from '../../shared/incidents/priority.ts';
import { REGIONS } from '../../shared/incidents/incidentSchema.ts';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/**
 * [RP2] Every measurement of the range, one row each: incident-level intervals once per incident, unit-level once
 * per response; flagged rows left out. `s` is whole seconds (milliseconds divided and truncated).
 */
const MEASUREMENTS = `
  inc AS (
    SELECT agencies, priority, region, received_at, call_started_at, created_at, first_dispatch_at, first_on_scene_at, flags,
      extract(hour FROM to_timestamp(received_at / 1000.0) AT TIME ZONE $3)::int AS hour
    FROM incidents WHERE received_at >= $1 AND received_at < $2
  ),
  ur AS (
    SELECT agency, kind, is_first_of_kind, priority, region, dispatched_at, en_route_at, on_scene_at, flags,
      extract(hour FROM to_timestamp(received_at / 1000.0) AT TIME ZONE $3)::int AS hour
    FROM unit_responses WHERE received_at >= $1 AND received_at < $2
  ),
  m AS (
    SELECT 'answering' AS interval, agencies, priority, region, hour, (created_at - call_started_at) / 1000 AS s, NULL::int AS target
      FROM inc WHERE call_started_at IS NOT NULL AND cardinality(flags) = 0
    UNION ALL
    SELECT 'processing', agencies, priority, region, hour, (first_dispatch_at - received_at) / 1000, ${PROCESSING_TARGET.seconds}
      FROM inc WHERE first_dispatch_at IS NOT NULL AND cardinality(flags) = 0
    UNION ALL
    SELECT 'total_response', agencies, priority, region, hour, (first_on_scene_at - received_at) / 1000, NULL::int
      FROM inc WHERE first_on_scene_at IS NOT NULL AND cardinality(flags) = 0
    UNION ALL
    SELECT 'turnout', ARRAY[agency], priority, region, hour, (en_route_at - dispatched_at) / 1000, ${turnoutCase()}
      FROM ur WHERE en_route_at IS NOT NULL AND dispatched_at IS NOT NULL AND cardinality(flags) = 0
    UNION ALL
    SELECT 'travel', ARRAY[agency], priority, region, hour, (on_scene_at - en_route_at) / 1000, ${travelCase()}
      FROM ur WHERE on_scene_at IS NOT NULL AND en_route_at IS NOT NULL AND cardinality(flags) = 0
  )`;

const FIGURES = `count(*)::int AS count,
  percentile_disc(0.5) WITHIN GROUP (ORDER BY s)::int AS p50,
  percentile_disc(0.9) WITHIN GROUP (ORDER BY s)::int AS p90,
  count(target)::int AS target_rows,
  count(*) FILTER (WHERE s <= target)::int AS within_target`;

/** [RP2] Overall, by priority, region and hour: one pass with grouping sets. */
const GROUPED_SQL = `WITH ${MEASUREMENTS}
  SELECT interval, priority, region, hour, GROUPING(priority, region, hour)::int AS grouping, ${FIGURES}
  FROM m GROUP BY GROUPING SETS ((interval), (interval, priority), (interval, region), (interval, hour))`;

/** [RP2] By agency: an incident-level interval counts for each agency the incident went to. */
const BY_AGENCY_SQL = `WITH ${MEASUREMENTS}
  SELECT interval, agency, ${FIGURES}
  FROM m, unnest(m.agencies) AS agency GROUP BY interval, agency`;

/**
 * [RP2b] The same measurements for a long range: each table read once, its intervals drawn from the row (an interval
 * whose stamps are absent has a null `s` and is left out).
 */
const COUNTED_MEASUREMENTS = `
  inc AS (
    SELECT agencies, priority, region, received_at, call_started_at, created_at, first_dispatch_at, first_on_scene_at,
      extract(hour FROM to_timestamp(received_at::float8 / 1000) AT TIME ZONE $3)::int AS hour
    FROM incidents WHERE received_at >= $1 AND received_at < $2 AND cardinality(flags) = 0
  ),
  ur AS (
    SELECT agency, kind, is_first_of_kind, priority, region, dispatched_at, en_route_at, on_scene_at,
      extract(hour FROM to_timestamp(received_at::float8 / 1000) AT TIME ZONE $3)::int AS hour
    FROM unit_responses WHERE received_at >= $1 AND received_at < $2 AND cardinality(flags) = 0
  ),
  m AS (
    SELECT v.interval, inc.agencies, inc.priority, inc.region, inc.hour, v.s, v.target
    FROM inc CROSS JOIN LATERAL (VALUES
      ('answering', (created_at - call_started_at) / 1000, NULL::int),
      ('processing', (first_dispatch_at - received_at) / 1000, ${PROCESSING_TARGET.seconds}),
      ('total_response', (first_on_scene_at - received_at) / 1000, NULL::int)
    ) AS v(interval, s, target)
    WHERE v.s IS NOT NULL
    UNION ALL
    SELECT v.interval, ARRAY[ur.agency], ur.priority, ur.region, ur.hour, v.s, v.target
    FROM ur CROSS JOIN LATERAL (VALUES
      ('turnout', (en_route_at - dispatched_at) / 1000, ${turnoutCase()}),
      ('travel', (on_scene_at - en_route_at) / 1000, ${travelCase()})
    ) AS v(interval, s, target)
    WHERE v.s IS NOT NULL
  )`;

/** GROUPING(priority, region, hour, agencies) of each grouping set: a bit per column left out, priority highest. */
const GROUPING = { overall: 15, priority: 7, region: 11, hour: 13, agency: 14 } as const;

/**
 * [RP2b] Overall, by priority, region, hour and agency for a long range, in one statement. The measurements are
 * first counted per whole second in each group, by hashing (a year of a city is about two million measurements:
 * sorting them for each grouping set and again within each group took most of a year's report); by agency from the
 * counts per set of agencies, each set's counts going to each agency in it. Then p50 and p90 are read off the
 * running count exactly as `percentile_disc` picks them: the value at position ceil(p × n), at least the first, the
 * product in double precision as PostgreSQL computes it.
 */
const COUNTED_FIGURES_SQL = `WITH ${COUNTED_MEASUREMENTS},
  h AS (
    SELECT interval, priority, region, hour, agencies, s, GROUPING(priority, region, hour, agencies)::int AS grouping,
      count(*) AS n, count(target) AS target_rows, count(*) FILTER (WHERE s <= target) AS within_target
    FROM m GROUP BY GROUPING SETS ((interval, s), (interval, priority, s), (interval, region, s), (interval, hour, s), (interval, agencies, s))
  ),
  hk AS (
    SELECT interval, grouping, priority, region, hour, NULL::text AS agency, s, n, target_rows, within_target FROM h WHERE grouping <> ${GROUPING.agency}
    UNION ALL
    SELECT interval, ${GROUPING.agency}, NULL, NULL, NULL, agency, s, sum(n), sum(target_rows), sum(within_target)
    FROM h, unnest(h.agencies) AS agency WHERE grouping = ${GROUPING.agency} GROUP BY interval, agency, s
  ),
  c AS (
    SELECT hk.*, sum(n) OVER (PARTITION BY interval, grouping, priority, region, hour, agency ORDER BY s) AS running,
      sum(n) OVER (PARTITION BY interval, grouping, priority, region, hour, agency) AS total
    FROM hk
  )
  SELECT interval, grouping, priority, region, hour, agency, sum(n)::int AS count,
    min(s) FILTER (WHERE running >= greatest(1, ceil(0.5::float8 * total::float8)))::int AS p50,
    min(s) FILTER (WHERE running >= greatest(1, ceil(0.9::float8 * total::float8)))::int AS p90,
    sum(target_rows)::int AS target_rows,
    sum(within_target)::int AS within_target
  FROM c GROUP BY interval, grouping, priority, region, hour, agency`;

/**
 * [RP2c][RP2d] How a range splits over the stored counts, in the city's zone: its whole months [m_lo, m_hi) (yyyymm,
 * epoch ms [e1, e2)); its other whole days [hd_lo, hd_hi) before the months and [td_lo, td_hi) after them
 * (yyyymmdd; all of the whole days in the first when there is no whole month); and the measurements themselves for
 * the part of a day at either end, [from, r1) and [r2, to). Empty parts are (0, 0) or an empty epoch range.
 */
const ROLLUP_BOUNDS_SQL = `WITH
  lb AS (SELECT to_timestamp($1::bigint / 1000.0) AT TIME ZONE $3::text AS lf, to_timestamp($2::bigint / 1000.0) AT TIME ZONE $3::text AS lt),
  lm AS (
    SELECT CASE WHEN date_trunc('day', lf) = lf THEN lf ELSE date_trunc('day', lf) + interval '1 day' END AS d1, date_trunc('day', lt) AS d2,
      CASE WHEN date_trunc('month', lf) = lf THEN lf ELSE date_trunc('month', lf) + interval '1 month' END AS m1, date_trunc('month', lt) AS m2
    FROM lb
  ),
  parts AS (SELECT d1, d2, m1, m2, d1 < d2 AS has_days, m1 < m2 AS has_months FROM lm)
  SELECT
    CASE WHEN has_months THEN to_char(m1, 'YYYYMM')::int ELSE 0 END AS m_lo,
    CASE WHEN has_months THEN to_char(m2, 'YYYYMM')::int ELSE 0 END AS m_hi,
    CASE WHEN has_days THEN to_char(d1, 'YYYYMMDD')::int ELSE 0 END AS hd_lo,
    CASE WHEN has_months THEN to_char(m1, 'YYYYMMDD')::int WHEN has_days THEN to_char(d2, 'YYYYMMDD')::int ELSE 0 END AS hd_hi,
    CASE WHEN has_months THEN to_char(m2, 'YYYYMMDD')::int ELSE 0 END AS td_lo,
    CASE WHEN has_months THEN to_char(d2, 'YYYYMMDD')::int ELSE 0 END AS td_hi,
    CASE WHEN has_days THEN (extract(epoch FROM d1 AT TIME ZONE $3::text) * 1000)::bigint ELSE $2::bigint END AS r1,
    CASE WHEN has_days THEN (extract(epoch FROM d2 AT TIME ZONE $3::text) * 1000)::bigint ELSE $2::bigint END AS r2,
    CASE WHEN has_months THEN (extract(epoch FROM m1 AT TIME ZONE $3::text) * 1000)::bigint ELSE $2::bigint END AS e1,
    CASE WHEN has_months THEN (extract(epoch FROM m2 AT TIME ZONE $3::text) * 1000)::bigint ELSE $2::bigint END AS e2
  FROM parts`;

/**
 * [RP2d] The measurements `o` outside the whole months that fall in a percentile's bin `tb`: of that interval and
 * bin, and in that group (overall, one of its agencies, its priority, its region or its hour). One join per kind of
 * group, each on equal keys, so that PostgreSQL hashes them rather than testing every pair.
 */
const OUTSIDE_IN_TARGETS = [
  'tb.dim = 0',
  'tb.dim = 1 AND tb.value = ANY(o.agencies)',
  'tb.dim = 2 AND tb.value = o.priority',
  'tb.dim = 3 AND tb.value = o.region',
  'tb.dim = 4 AND tb.value = o.hour',
]
  .map((group) => `SELECT tb.interval, tb.dim, tb.value, tb.bin, o.seconds, 1 FROM outside o JOIN tb ON tb.interval = o.interval AND tb.bin = o.bin AND ${group}`)
  .join('\n      UNION ALL\n      ');

/**
 * [RP2d] The figures from the stored counts, in two steps. First the bins: the months' bins, the days' bins and the
 * measurements of the part days, summed per group and bin; count and compliance are these sums, and for each
 * percentile the running count finds the bin holding position ceil(p × n) (as `percentile_disc` picks it, the
 * product in double precision) and the count before that bin. Then whole seconds inside those bins only: the
 * months' per-second counts read by key, and the measurements outside the whole months, for the rows whose
 * interval and bin is one of them. The percentile is the first second whose running count, from the count before
 * its bin, reaches the position. The parts are passed as constants so that every table is read by its index.
 */
const ROLLUP_FIGURES_SQL = `WITH
  k AS (
    SELECT interval, dim, value, bin, sum(n) AS n, sum(within) AS within, sum(target_rows) AS target_rows FROM (
      SELECT b.interval, b.dim, b.value, b.bin, b.n, b.within, b.target_rows
      FROM measurement_bins b WHERE b.month >= $3::int AND b.month < $4::int
      UNION ALL
      -- The two stretches of days apart, not with OR: each is then one index-only read.
      SELECT d.interval, d.dim, d.value, d.bin, d.n, d.within, d.target_rows FROM measurement_day_bins d WHERE d.day >= $5::int AND d.day < $6::int
      UNION ALL
      SELECT d.interval, d.dim, d.value, d.bin, d.n, d.within, d.target_rows FROM measurement_day_bins d WHERE d.day >= $7::int AND d.day < $8::int
      UNION ALL
      SELECT m.interval, g.dim, g.value, m.seconds >> ${BIN_SHIFT}, 1, (m.seconds <= m.target)::int, (m.target IS NOT NULL)::int
      FROM measurements m CROSS JOIN ${GROUPS_OF_MEASUREMENT}
      WHERE (m.received_at >= $1::bigint AND m.received_at < $9::bigint) OR (m.received_at >= $10::bigint AND m.received_at < $2::bigint)
    ) AS parts GROUP BY interval, dim, value, bin
  ),
  c AS (
    SELECT k.*, sum(n) OVER (PARTITION BY interval, dim, value ORDER BY bin) AS running, sum(n) OVER (PARTITION BY interval, dim, value) AS total FROM k
  ),
  ranked AS (
    SELECT c.*, greatest(1, ceil(0.5::float8 * total::float8)) AS rank50, greatest(1, ceil(0.9::float8 * total::float8)) AS rank90 FROM c
  ),
  found AS (
    SELECT interval, dim, value, min(rank50) AS rank50, min(rank90) AS rank90,
      min(bin) FILTER (WHERE running >= rank50) AS bin50, coalesce(max(running) FILTER (WHERE running < rank50), 0) AS before50,
      min(bin) FILTER (WHERE running >= rank90) AS bin90, coalesce(max(running) FILTER (WHERE running < rank90), 0) AS before90
    FROM ranked GROUP BY interval, dim, value
  ),
  t AS (
    SELECT interval, dim, value, 50 AS percent, bin50 AS bin, before50 AS before, rank50 AS rank FROM found
    UNION ALL
    SELECT interval, dim, value, 90, bin90, before90, rank90 FROM found
  ),
  tb AS (SELECT DISTINCT interval, dim, value, bin FROM t),
  outside AS MATERIALIZED (
    SELECT m.interval, m.seconds, m.seconds >> ${BIN_SHIFT} AS bin, m.agencies, m.priority, m.region, m.hour::text AS hour FROM measurements m
    WHERE ((m.received_at >= $1::bigint AND m.received_at < $11::bigint) OR (m.received_at >= $12::bigint AND m.received_at < $2::bigint))
      AND (m.interval, m.seconds >> ${BIN_SHIFT}) IN (SELECT DISTINCT interval, bin FROM tb)
  ),
  fine AS (
    SELECT interval, dim, value, bin, seconds, sum(n) AS n FROM (
      SELECT tb.interval, tb.dim, tb.value, tb.bin, f.seconds, f.n
      FROM tb JOIN measurement_counts f ON f.interval = tb.interval AND f.dim = tb.dim AND f.value = tb.value
        AND f.seconds >= tb.bin << ${BIN_SHIFT} AND f.seconds < (tb.bin + 1) << ${BIN_SHIFT} AND f.month >= $3::int AND f.month < $4::int
      UNION ALL
      ${OUTSIDE_IN_TARGETS}
    ) AS parts GROUP BY interval, dim, value, bin, seconds
  ),
  r AS (
    SELECT t.interval, t.dim, t.value, t.percent, fine.seconds, t.rank,
      t.before + sum(fine.n) OVER (PARTITION BY t.interval, t.dim, t.value, t.percent ORDER BY fine.seconds) AS running
    FROM t JOIN fine ON fine.interval = t.interval AND fine.dim = t.dim AND fine.value = t.value AND fine.bin = t.bin
  ),
  pv AS (SELECT interval, dim, value, percent, min(seconds) FILTER (WHERE running >= rank) AS seconds FROM r GROUP BY interval, dim, value, percent),
  g AS (SELECT interval, dim, value, sum(n)::int AS count, sum(target_rows)::int AS target_rows, sum(within)::int AS within_target FROM k GROUP BY interval, dim, value)
  SELECT g.interval,
    (CASE g.dim WHEN 0 THEN ${GROUPING.overall} WHEN 1 THEN ${GROUPING.agency} WHEN 2 THEN ${GROUPING.priority} WHEN 3 THEN ${GROUPING.region} ELSE ${GROUPING.hour} END) AS grouping,
    CASE WHEN g.dim = 2 THEN g.value END AS priority, CASE WHEN g.dim = 3 THEN g.value END AS region,
    CASE WHEN g.dim = 4 THEN g.value::int END AS hour, CASE WHEN g.dim = 1 THEN g.value END AS agency,
    g.count, p50.seconds AS p50, p90.seconds AS p90, g.target_rows, g.within_target
  FROM g
  LEFT JOIN pv p50 ON p50.interval = g.interval AND p50.dim = g.dim AND p50.value = g.value AND p50.percent = 50
  LEFT JOIN pv p90 ON p90.interval = g.interval AND p90.dim = g.dim AND p90.value = g.value AND p90.percent = 90`;

/**
 * How the figures are computed: `sorted` with `percentile_disc` (quickest for a day or two of a city's calls),
 * `counted` from per-second counts of the source rows, or `rollup` from the stored measurements and their counts
 * by month and day (RP2c, RP2d; only when they were built for this zone and these targets). All give the same figures.
 */
export type FiguresMethod = 'sorted' | 'counted' | 'rollup';

/** [RP2b] Without stored measurements, ranges longer than a month are counted: about where the two cross over on a year of city volume (bench 7). */
const COUNTED_ABOVE_MS = 31 * 86_400_000;

/** [RP2d] With them, ranges longer than two days are read from the roll-up (on a year of city volume: 7 days 90 ms against 230 ms sorted; 2 days even). */
const ROLLUP_ABOVE_MS = 2 * 86_400_000;

/** The method for a range, by its length, when none is asked for. */
async function methodFor(client: pg.PoolClient, range: ReportRangeInput, timeZone: string): Promise<FiguresMethod> {
  const length = range.to - range.from;
  if (length > ROLLUP_ABOVE_MS && (await hasMeasurementsFor(client, basisFor(timeZone)))) return 'rollup';
  return length > COUNTED_ABOVE_MS ? 'counted' : 'sorted';
}

/** The counted form's memory, for its transaction only: a year's counts (about 30 MB) spill to disk at the default 4 MB. */
const COUNTED_WORK_MEM = '64MB';

type KeyedFigureRow = FigureRow & { priority: string | null; region: string | null; hour: number | null; agency: Agency | null; grouping: number };

async function readFigures(client: pg.PoolClient, parameters: readonly unknown[], method: FiguresMethod): Promise<KeyedFigureRow[]> {
  if (method === 'counted') {
    await client.query(`SET LOCAL work_mem = '${COUNTED_WORK_MEM}'`);
    return (await client.query<KeyedFigureRow>(COUNTED_FIGURES_SQL, [...parameters])).rows;
  }
  if (method === 'rollup') {
    await client.query(`SET LOCAL work_mem = '${COUNTED_WORK_MEM}'`);
    // Compiling this plan (JIT) cost more than running it.
    await client.query('SET LOCAL jit = off');
    // PostgreSQL cannot foresee how few groups of seconds the bins' measurements make, and sorted some 200,000 rows to
    // count them (0.3 s of an unaligned year); counted by hashing instead, the sorts left are of a few thousand rows.
    await client.query('SET LOCAL enable_sort = off');
    // Its counts of the range's rows scan two indexes; on two CPUs, starting parallel workers for them cost more (about
    // 80 ms of a year's report) than they saved.
    await client.query('SET LOCAL max_parallel_workers_per_gather = 0');
    type Bounds = Record<'m_lo' | 'm_hi' | 'hd_lo' | 'hd_hi' | 'td_lo' | 'td_hi', number> & Record<'r1' | 'r2' | 'e1' | 'e2', string>;
    const b = (await client.query<Bounds>(ROLLUP_BOUNDS_SQL, [...parameters])).rows[0];
    if (!b) throw new Error('the range\'s months and days could not be computed');
    const [from, to] = parameters;
    const values = [from, to, b.m_lo, b.m_hi, b.hd_lo, b.hd_hi, b.td_lo, b.td_hi, b.r1, b.r2, b.e1, b.e2];
    return (await client.query<KeyedFigureRow>(ROLLUP_FIGURES_SQL, values)).rows;
  }
  const grouped = await client.query<FigureRow & { priority: string | null; region: string | null; hour: number | null; grouping: number }>(GROUPED_SQL, [...parameters]);
  const byAgency = await client.query<FigureRow & { agency: Agency }>(BY_AGENCY_SQL, [...parameters]);
  // GROUPING(priority, region, hour) here; the counted form has agencies as a fourth, lowest bit.
  return [
    ...grouped.rows.map((row) => ({ ...row, agency: null, grouping: row.grouping * 2 + 1 })),
    ...byAgency.rows.map((row) => ({ ...row, priority: null, region: null, hour: null, grouping: GROUPING.agency })),
  ];
}

const TOTALS_SQL = `SELECT
  (SELECT count(*)::int FROM incidents WHERE received_at >= $1 AND received_at < $2) AS incidents,
  (SELECT count(*)::int FROM unit_responses WHERE received_at >= $1 AND received_at < $2) AS unit_responses`;

/** [RP4] Flagged rows of the range: counted by flag, and the first of them listed. */
const FLAGGED_SQL = `
  WITH flagged AS (
    SELECT id AS incident_id, NULL::text AS unit_id, flags, received_at FROM incidents
      WHERE received_at >= $1 AND received_at < $2 AND cardinality(flags) > 0
    UNION ALL
    SELECT incident_id, unit_id, flags, received_at FROM unit_responses
      WHERE received_at >= $1 AND received_at < $2 AND cardinality(flags) > 0
  )
  SELECT (SELECT count(*)::int FROM flagged) AS rows,
    (SELECT coalesce(jsonb_object_agg(flag, n), '{}'::jsonb) FROM (SELECT flag, count(*)::int AS n FROM flagged, unnest(flags) AS flag GROUP BY flag) f) AS by_flag,
    (SELECT coalesce(jsonb_agg(l ORDER BY l.received_at, l.incident_id, l.unit_id), '[]'::jsonb)
       FROM (SELECT * FROM flagged ORDER BY received_at, incident_id, unit_id LIMIT ${FLAGGED_LIST_LIMIT}) l) AS list`;

interface FigureRow {
  interval: IntervalName;
  count: number;
  p50: number | null;
  p90: number | null;
  target_rows: number;
  within_target: number;
}

const asTarget = (rule: TargetRule | undefined): IntervalTarget | null => (rule ? { seconds: rule.seconds, fraction: rule.fraction, source: rule.source, appliesTo: rule.appliesTo } : null);

/** The target a group's figure is measured against; null where a group mixes targets (turnout over all agencies). */
function targetOf(interval: IntervalName, agency: Agency | null): IntervalTarget | null {
  if (interval === 'processing') return asTarget(PROCESSING_TARGET);
  if (agency === null) return null;
  if (interval === 'turnout') return asTarget(TURNOUT_TARGETS[agency]);
  if (interval === 'travel') return asTarget(TRAVEL_TARGETS[agency]);
  return null;
}

/** The group's figures, one per interval in the standard order (an interval with no measurement counts 0). */
function figuresOf(rows: readonly FigureRow[], agency: Agency | null): IntervalFigure[] {
  return INTERVAL_NAMES.map((interval) => {
    const row = rows.find((candidate) => candidate.interval === interval);
    const targetRows = row?.target_rows ?? 0;
    const withinTarget = row?.within_target ?? 0;
    return {
      interval,
      count: row?.count ?? 0,
      p50: row?.p50 ?? null,
      p90: row?.p90 ?? null,
      target: targetOf(interval, agency),
      targetRows,
      withinTarget,
      compliance: targetRows > 0 ? withinTarget / targetRows : null,
    };
  });
}

function groupsOf<K extends string | number>(rows: readonly (FigureRow & { key: string | number | null })[], order: readonly K[], agencyOf: (key: K) => Agency | null): { key: K; figures: IntervalFigure[] }[] {
  return order.flatMap((key) => {
    const own = rows.filter((row) => row.key === key);
    return own.length ? [{ key, figures: figuresOf(own, agencyOf(key)) }] : [];
  });
}

/**
 * [RP2][RP3][RP4] Response-time figures from the archive for `[from, to)`: count, p50 and p90 by nearest rank,
 * and compliance with each target, overall and by agency, priority, region and hour of day; flagged rows counted
 * and listed. Every read in one snapshot-consistent transaction. `method` picks how the figures are computed
 * (RP2b), by the range's length unless given (the tests compare the two).
 */
export async function intervalReport(
  pool: pg.Pool,
  range: ReportRangeInput,
  timeZone: string,
  now: number,
  archiveLagEntries: number,
  chosen?: FiguresMethod,
): Promise<IntervalReport> {
  const { figures, totals, flagged } = await inTransaction(
    pool,
    async (client) => {
      const parameters = [range.from, range.to, timeZone];
      const method = chosen ?? (await methodFor(client, range, timeZone));
      if (method === 'rollup' && !(await hasMeasurementsFor(client, basisFor(timeZone)))) throw new Error(`the archive's measurements are not built for ${timeZone} and the current targets`);
      return {
        figures: await readFigures(client, parameters, method),
        totals: await client.query<{ incidents: number; unit_responses: number }>(TOTALS_SQL, [range.from, range.to]),
        flagged: await client.query<{ rows: number; by_flag: Record<string, number>; list: { incident_id: string; unit_id: string | null; flags: IntervalFlag[]; received_at: string | number }[] }>(FLAGGED_SQL, [range.from, range.to]),
      };
    },
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
  const rowsWith = (bits: number, key: 'priority' | 'region' | 'hour' | 'agency') => figures.filter((row) => row.grouping === bits).map((row) => ({ ...row, key: row[key] }));
  const flaggedRow = flagged.rows[0];
  const list: FlaggedRow[] = (flaggedRow?.list ?? []).map((row) => ({ incidentId: row.incident_id, unitId: row.unit_id, flags: row.flags, receivedAt: Number(row.received_at) }));
  const report: IntervalReport = {
    from: range.from,
    to: range.to,
    timeZone,
    generatedAt: now,
    archiveLagEntries,
    incidents: totals.rows[0]?.incidents ?? 0,
    unitResponses: totals.rows[0]?.unit_responses ?? 0,
    overall: figuresOf(figures.filter((row) => row.grouping === GROUPING.overall), null),
    byAgency: groupsOf(rowsWith(GROUPING.agency, 'agency'), AGENCIES, (agency) => agency),
    byPriority: groupsOf(rowsWith(GROUPING.priority, 'priority'), PRIORITY_LEVELS, () => null),
    byRegion: groupsOf(rowsWith(GROUPING.region, 'region'), REGIONS, () => null),
    byHour: groupsOf(rowsWith(GROUPING.hour, 'hour'), HOURS, () => null),
    flagged: {
      rows: flaggedRow?.rows ?? 0,
      byFlag: Object.fromEntries(INTERVAL_FLAGS.map((flag) => [flag, flaggedRow?.by_flag[flag] ?? 0])) as Record<IntervalFlag, number>,
      list,
    },
  };
  return IntervalReportSchema.parse(report);
}
