import { CONTRACT } from '../../../shared/protocol/contract.ts';
import type { InputOf } from '../../../shared/protocol/contract.ts';
import { instantOfWallTime } from '../../../shared/time/zonedTime.ts';

/** The audit search form as typed; times are `YYYY-MM-DDTHH:mm` from datetime-local fields, in the city's zone. */
export interface AuditFilters {
  incidentId: string;
  unitId: string;
  username: string;
  from: string;
  to: string;
  refusalsOnly: boolean;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { incidentId: '', unitId: '', username: '', from: '', to: '', refusalsOnly: false };

export type AuditQuery = InputOf<'audit:search'>;

/** The most an export asks for (the schema's maximum): evidence should not stop at the table's page. */
export const EXPORT_LIMIT = 5000;

const MINUTE_MS = 60_000;

/**
 * [OP2] A datetime-local value read as the city's wall clock (`timeZone`, at the offset it has on that day), whatever
 * the browser's own zone; null when not a time.
 */
export function cityTimeToEpoch(value: string, timeZone: string): number | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? instantOfWallTime(value, timeZone) : null;
}

export type AuditQueryResult = { ok: true; query: AuditQuery } | { ok: false; message: string };

/** The search to send for the form (its times in the city's zone `timeZone`), or what is wrong with it in plain words. */
export function auditQuery(filters: AuditFilters, timeZone: string, limit?: number): AuditQueryResult {
  const query: AuditQuery = {};
  const incidentId = filters.incidentId.trim().toUpperCase();
  const unitId = filters.unitId.trim().toLowerCase();
  const username = filters.username.trim().toLowerCase();
  if (incidentId) query.incidentId = incidentId;
  // People type the call sign (ALS-F03); unit ids are the same in lower case.
  if (unitId) query.unitId = unitId;
  if (username) query.username = username;
  if (filters.from) {
    const from = cityTimeToEpoch(filters.from, timeZone);
    if (from === null) return { ok: false, message: 'From: enter a date and time.' };
    query.from = from;
  }
  if (filters.to) {
    const to = cityTimeToEpoch(filters.to, timeZone);
    if (to === null) return { ok: false, message: 'To: enter a date and time.' };
    // The field shows minutes: "to 14:05" means up to the end of that minute.
    query.to = to + MINUTE_MS - 1;
  }
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) return { ok: false, message: 'The "from" time is after the "to" time.' };
  if (filters.refusalsOnly) query.refusalsOnly = true;
  if (limit !== undefined) query.limit = limit;
  return { ok: true, query };
}

/** The export link for a search: CSV or JSON, with the contract's query parameter names. The cookie authenticates it. */
export function auditExportUrl(query: AuditQuery, format: 'csv' | 'json'): string {
  const { http } = CONTRACT['audit:search'];
  const path = format === 'csv' && http.csvPath ? http.csvPath : http.path;
  const values: Partial<Record<string, string | number | boolean>> = { ...query, limit: EXPORT_LIMIT };
  const params = new URLSearchParams();
  for (const [name, parameter] of Object.entries(http.query ?? {})) {
    const value = values[parameter.field];
    if (value !== undefined && value !== false) params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
