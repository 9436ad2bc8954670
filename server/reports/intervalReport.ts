import type pg from 'pg';
import { FLAGGED_LIST_LIMIT, INTERVAL_FLAGS, INTERVAL_NAMES, PROCESSING_TARGET, TRAVEL_TARGETS, TURNOUT_TARGETS, type TargetRule } from '../../shared/reports/intervalTargets.ts';
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

/** A target as SQL: the threshold in seconds for a row, from trusted constants only (never from input). */
function turnoutCase(): string {
  const arms = Object.entries(TURNOUT_TARGETS).map(([agency, rule]) => `WHEN '${agency}' THEN ${rule.seconds}`);
  return arms.length ? `CASE agency ${arms.join(' ')} END` : 'NULL::int';
}

function travelCase(): string {
  const arms = Object.entries(TRAVEL_TARGETS).map(([agency, rule]) => `WHEN agency = '${agency}' AND is_first_of_kind AND kind IN (${rule.kinds.map((kind) => `'${kind}'`).join(', ')}) THEN ${rule.seconds}`);
  return arms.length ? `CASE ${arms.join(' ')} END` : 'NULL::int';
}

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
 * How the figures are computed: `sorted` with `percentile_disc` (quicker up to about a month of a city's calls), or
 * `counted` from per-second counts (quicker beyond it). Both give the same figures.
 */
export type FiguresMethod = 'sorted' | 'counted';

/** [RP2b] Ranges longer than a month are counted: about where the two cross over on a year of city volume (bench 7). */
const COUNTED_ABOVE_MS = 31 * 86_400_000;

/** The counted form's memory, for its transaction only: a year's counts (about 30 MB) spill to disk at the default 4 MB. */
const COUNTED_WORK_MEM = '64MB';

type KeyedFigureRow = FigureRow & { priority: string | null; region: string | null; hour: number | null; agency: Agency | null; grouping: number };

async function readFigures(client: pg.PoolClient, parameters: readonly unknown[], method: FiguresMethod): Promise<KeyedFigureRow[]> {
  if (method === 'counted') {
    await client.query(`SET LOCAL work_mem = '${COUNTED_WORK_MEM}'`);
    return (await client.query<KeyedFigureRow>(COUNTED_FIGURES_SQL, [...parameters])).rows;
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
 * and listed. Three reads in one snapshot-consistent transaction.
 */
export async function intervalReport(
  pool: pg.Pool,
  range: ReportRangeInput,
  timeZone: string,
  now: number,
  archiveLagEntries: number,
  method: FiguresMethod = range.to - range.from > COUNTED_ABOVE_MS ? 'counted' : 'sorted',
): Promise<IntervalReport> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const parameters = [range.from, range.to, timeZone];
    const figures = await readFigures(client, parameters, method);
    const totals = await client.query<{ incidents: number; unit_responses: number }>(TOTALS_SQL, [range.from, range.to]);
    const flagged = await client.query<{ rows: number; by_flag: Record<string, number>; list: { incident_id: string; unit_id: string | null; flags: IntervalFlag[]; received_at: string | number }[] }>(FLAGGED_SQL, [range.from, range.to]);
    await client.query('COMMIT');
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
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
