import { AuditPageSchema } from '../../shared/audit/auditSchema.ts';
import { HoaxRegistrySchema } from '../../shared/callers/callerSchema.ts';
import type { CommandName } from '../../shared/protocol/contract.ts';
import { csvTable } from './csvTable.ts';
import { IntervalReportSchema, UtilisationReportSchema, type IntervalFigure } from '../../shared/reports/intervalReportSchema.ts';

/** [CH4] The hoax registry as CSV evidence: one row per hoax call. */
function hoaxRegistryCsv(data: unknown): string {
  const registry = HoaxRegistrySchema.parse(data);
  const rows = [['number', 'flagged', 'call_time_utc', 'call_taker', 'caller_name', 'notes']];
  for (const entry of registry.numbers) {
    for (const call of entry.calls) rows.push([entry.number, entry.isFlagged ? 'yes' : 'no', new Date(call.at).toISOString(), call.operatorId, call.callerName, call.notes]);
  }
  return csvTable(rows);
}

/** [AD2] The audit record as CSV: one row per entry. */
function auditCsv(data: unknown): string {
  const page = AuditPageSchema.parse(data);
  const rows = [['time_utc', 'command', 'outcome', 'username', 'role', 'desk', 'crew_unit', 'incident', 'units', 'transport', 'summary']];
  for (const e of page.entries) {
    rows.push([new Date(e.at).toISOString(), e.command, e.outcome, e.username ?? '', e.role ?? '', e.desk ?? '', e.unitId ?? '', e.incidentId ?? '', e.unitIds.join(' '), e.transport, e.summary]);
  }
  return csvTable(rows);
}

const cell = (value: number | string | null): string => (value === null ? '' : String(value));

/** [RP2] The interval figures as CSV: one row per group and interval; then the flagged rows. */
function intervalReportCsv(data: unknown): string {
  const report = IntervalReportSchema.parse(data);
  const rows = [['group', 'key', 'interval', 'count', 'p50_seconds', 'p90_seconds', 'target_seconds', 'target_fraction', 'target_rows', 'within_target', 'compliance']];
  const add = (group: string, key: string, figures: readonly IntervalFigure[]): void => {
    for (const f of figures) rows.push([group, key, f.interval, cell(f.count), cell(f.p50), cell(f.p90), cell(f.target?.seconds ?? null), cell(f.target?.fraction ?? null), cell(f.targetRows), cell(f.withinTarget), cell(f.compliance === null ? null : Number(f.compliance.toFixed(4)))]);
  };
  add('overall', 'all', report.overall);
  for (const group of report.byAgency) add('agency', group.key, group.figures);
  for (const group of report.byPriority) add('priority', group.key, group.figures);
  for (const group of report.byRegion) add('region', group.key, group.figures);
  for (const group of report.byHour) add('hour', String(group.key), group.figures);
  for (const flagged of report.flagged.list) rows.push(['flagged', flagged.incidentId, flagged.unitId ?? '', flagged.flags.join(' '), new Date(flagged.receivedAt).toISOString(), '', '', '', '', '', '']);
  return csvTable(rows);
}

/** [RP6] Unit utilisation as CSV: one row per unit with responses in the range. */
function utilisationCsv(data: unknown): string {
  const report = UtilisationReportSchema.parse(data);
  const rows = [['unit', 'call_sign', 'kind', 'agency', 'responses', 'committed_seconds', 'utilisation']];
  for (const u of report.units) rows.push([u.unitId, u.callSign, u.kind, u.agency, cell(u.responses), cell(u.committedSeconds), cell(Number(u.utilisation.toFixed(4)))]);
  return csvTable(rows);
}

/** The CSV form of each contract entry that declares a `csvPath`. */
export const CSV_EXPORTS: Partial<Record<CommandName, (data: unknown) => string>> = {
  'hoax:registry': hoaxRegistryCsv,
  'audit:search': auditCsv,
  'report:intervals': intervalReportCsv,
  'report:utilisation': utilisationCsv,
};
