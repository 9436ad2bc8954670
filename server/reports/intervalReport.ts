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
    SELECT *, extract(hour FROM to_timestamp(received_at / 1000.0) AT TIME ZONE $3)::int AS hour
    FROM incidents WHERE received_at >= $1 AND received_at < $2
  ),
  ur AS (
    SELECT *, extract(hour FROM to_timestamp(received_at / 1000.0) AT TIME ZONE $3)::int AS hour
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
export async function intervalReport(pool: pg.Pool, range: ReportRangeInput, timeZone: string, now: number, archiveLagEntries: number): Promise<IntervalReport> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const parameters = [range.from, range.to, timeZone];
    const grouped = await client.query<FigureRow & { priority: string | null; region: string | null; hour: number | null; grouping: number }>(GROUPED_SQL, parameters);
    const byAgency = await client.query<FigureRow & { agency: Agency }>(BY_AGENCY_SQL, parameters);
    const totals = await client.query<{ incidents: number; unit_responses: number }>(TOTALS_SQL, [range.from, range.to]);
    const flagged = await client.query<{ rows: number; by_flag: Record<string, number>; list: { incident_id: string; unit_id: string | null; flags: IntervalFlag[]; received_at: string | number }[] }>(FLAGGED_SQL, [range.from, range.to]);
    await client.query('COMMIT');
    // GROUPING(priority, region, hour) is a bit mask, priority highest: 7 = none of them (overall).
    const rowsWith = (bits: number, key: 'priority' | 'region' | 'hour') => grouped.rows.filter((row) => row.grouping === bits).map((row) => ({ ...row, key: row[key] }));
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
      overall: figuresOf(grouped.rows.filter((row) => row.grouping === 7), null),
      byAgency: groupsOf(byAgency.rows.map((row) => ({ ...row, key: row.agency })), AGENCIES, (agency) => agency),
      byPriority: groupsOf(rowsWith(3, 'priority'), PRIORITY_LEVELS, () => null),
      byRegion: groupsOf(rowsWith(5, 'region'), REGIONS, () => null),
      byHour: groupsOf(rowsWith(6, 'hour'), HOURS, () => null),
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
