import type pg from 'pg';
import { UtilisationReportSchema, type ReportRangeInput, type UtilisationReport } from '../../shared/reports/intervalReportSchema.ts';
import { AGENCIES, UNIT_KIND_AGENCY, UnitKindSchema, type Agency } from '../../shared/units/unitKinds.ts';
import type { Unit } from '../../shared/units/unitSchema.ts';

/**
 * [RP6] Each unit's committed time (dispatch to clear, or to `now` while still committed) that falls inside
 * `[from, to)`, summed per unit from the archive. An agency's utilisation is its committed time over its fleet's
 * time in the range (the fleet as registered now).
 */
const COMMITTED_SQL = `
  SELECT unit_id, max(call_sign) AS call_sign, max(kind) AS kind, count(*)::int AS responses,
    sum(greatest(0, least(coalesce(cleared_at, $3), $2) - greatest(dispatched_at, $1)) / 1000)::bigint AS committed_seconds
  FROM unit_responses
  WHERE dispatched_at IS NOT NULL AND dispatched_at < $2 AND coalesce(cleared_at, $3) > $1
  GROUP BY unit_id`;

export async function utilisationReport(pool: pg.Pool, range: ReportRangeInput, fleet: readonly Unit[], now: number): Promise<UtilisationReport> {
  const rows = await pool.query<{ unit_id: string; call_sign: string; kind: string; responses: number; committed_seconds: string }>(COMMITTED_SQL, [range.from, range.to, Math.min(now, range.to)]);
  const rangeSeconds = Math.max(1, Math.floor((range.to - range.from) / 1000));
  const units = rows.rows
    .map((row) => {
      const fleetUnit = fleet.find((unit) => unit.id === row.unit_id);
      // The archive holds only kinds the live state accepted.
      const kind = fleetUnit?.kind ?? UnitKindSchema.parse(row.kind);
      const agency: Agency = UNIT_KIND_AGENCY[kind];
      const committedSeconds = Number(row.committed_seconds);
      return { unitId: row.unit_id, callSign: fleetUnit?.callSign ?? row.call_sign, kind, agency, responses: row.responses, committedSeconds, utilisation: Math.min(1, committedSeconds / rangeSeconds) };
    })
    .sort((a, b) => b.committedSeconds - a.committedSeconds || a.unitId.localeCompare(b.unitId));
  const byAgency = AGENCIES.map((agency) => {
    const fleetSize = fleet.filter((unit) => UNIT_KIND_AGENCY[unit.kind] === agency).length;
    const committedSeconds = units.filter((unit) => unit.agency === agency).reduce((sum, unit) => sum + unit.committedSeconds, 0);
    return { agency, units: fleetSize, committedSeconds, utilisation: fleetSize > 0 ? Math.min(1, committedSeconds / (fleetSize * rangeSeconds)) : 0 };
  });
  return UtilisationReportSchema.parse({ from: range.from, to: range.to, generatedAt: now, byAgency, units });
}
