import type { AuditEntry } from '../../shared/audit/auditSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { SCRIPTS } from '../redis/scripts.ts';

/**
 * [AD1] Appends one entry to the audit record (a stream that is never trimmed) and its search indexes.
 * `alsoIncidentIds`: further incidents the entry is filed under (a divert is found from either incident).
 */
export async function appendAudit(ctx: CadContext, entry: Omit<AuditEntry, 'id'>, alsoIncidentIds: readonly string[] = []): Promise<void> {
  const keys = [ctx.keys.audit];
  if (entry.username) keys.push(ctx.keys.auditIndex('user', entry.username));
  for (const incidentId of new Set([...(entry.incidentId ? [entry.incidentId] : []), ...alsoIncidentIds])) keys.push(ctx.keys.auditIndex('incident', incidentId));
  for (const unitId of new Set([...entry.unitIds, ...(entry.unitId ? [entry.unitId] : [])])) keys.push(ctx.keys.auditIndex('unit', unitId));
  const fields = [
    'at', String(entry.at),
    'command', entry.command,
    'transport', entry.transport,
    'userId', entry.userId ?? '',
    'username', entry.username ?? '',
    'role', entry.role ?? '',
    'desk', entry.desk ?? '',
    'unitId', entry.unitId ?? '',
    'outcome', entry.outcome,
    'incidentId', entry.incidentId ?? '',
    'unitIds', JSON.stringify(entry.unitIds),
    'summary', entry.summary,
  ];
  await SCRIPTS.appendAudit.run(ctx.redis, keys, [String(entry.at), ...fields]);
}

const SECRET_FIELDS = new Set(['password']);
const MAX_SUMMARY = 600;

/** A payload in a few hundred characters for the audit record: secrets blanked, long texts cut. */
export function summarisePayload(payload: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(payload, (key, value: unknown) => {
      if (SECRET_FIELDS.has(key)) return '***';
      if (typeof value === 'string' && value.length > 120) return `${value.slice(0, 117)}...`;
      return value;
    });
  } catch {
    // Nested too deep to write out (a hostile payload): the line is still written, without it.
    return '(payload not summarised: nested too deep)';
  }
  if (text === undefined) return typeof payload;
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 3)}...` : text;
}
