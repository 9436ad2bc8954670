import { AuditPageSchema } from '../../shared/audit/auditSchema.ts';
import { HoaxRegistrySchema } from '../../shared/callers/callerSchema.ts';
import type { CommandName } from '../../shared/protocol/contract.ts';
import { csvTable } from './csvTable.ts';

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

/** The CSV form of each contract entry that declares a `csvPath`. */
export const CSV_EXPORTS: Partial<Record<CommandName, (data: unknown) => string>> = {
  'hoax:registry': hoaxRegistryCsv,
  'audit:search': auditCsv,
};
