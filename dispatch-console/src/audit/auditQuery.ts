import { CONTRACT } from '../../../shared/protocol/contract.ts';
import type { InputOf } from '../../../shared/protocol/contract.ts';

/** The audit search form as typed; times are `YYYY-MM-DDTHH:mm` from datetime-local fields, in Johannesburg time. */
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

/** Johannesburg keeps UTC+2 all year (no daylight saving), so a fixed offset is exact. */
const JOHANNESBURG_OFFSET = '+02:00';
const MINUTE_MS = 60_000;

/** A datetime-local value read as Johannesburg time, whatever the browser's own time zone; null when not a time. */
export function johannesburgTimeToEpoch(value: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(value);
  if (!match) return null;
  const ms = Date.parse(`${match[1]}${match[2] ?? ':00'}${JOHANNESBURG_OFFSET}`);
  return Number.isNaN(ms) ? null : ms;
}

export type AuditQueryResult = { ok: true; query: AuditQuery } | { ok: false; message: string };

/** The search to send for the form, or what is wrong with it in plain words. */
export function auditQuery(filters: AuditFilters, limit?: number): AuditQueryResult {
  const query: AuditQuery = {};
  const incidentId = filters.incidentId.trim().toUpperCase();
  const unitId = filters.unitId.trim().toLowerCase();
  const username = filters.username.trim().toLowerCase();
  if (incidentId) query.incidentId = incidentId;
  // People type the call sign (ALS-F03); unit ids are the same in lower case.
  if (unitId) query.unitId = unitId;
  if (username) query.username = username;
  if (filters.from) {
    const from = johannesburgTimeToEpoch(filters.from);
    if (from === null) return { ok: false, message: 'From: enter a date and time.' };
    query.from = from;
  }
  if (filters.to) {
    const to = johannesburgTimeToEpoch(filters.to);
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
