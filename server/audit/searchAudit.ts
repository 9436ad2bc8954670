import { AuditEntrySchema, type AuditEntry, type AuditPage, type AuditSearchInput } from '../../shared/audit/auditSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { recordOfFields, type StreamEntry } from '../redis/streamEntry.ts';


/** The most entries one search reads before it stops and says the answer is truncated. */
const MAX_SCANNED = 200_000;
const BATCH = 1_000;

/** An audit entry as stored; null for one that does not read back (it is skipped, never fatal to a search). */
export function auditEntryOf([id, fields]: StreamEntry): AuditEntry | null {
  const record = recordOfFields(fields);
  const orNull = (value: string | undefined): string | null => (value ? value : null);
  const parsed = AuditEntrySchema.safeParse({
    id,
    at: Number(record.at),
    command: record.command,
    transport: record.transport,
    userId: orNull(record.userId),
    username: orNull(record.username),
    role: orNull(record.role),
    desk: orNull(record.desk),
    unitId: orNull(record.unitId),
    outcome: record.outcome,
    incidentId: orNull(record.incidentId),
    unitIds: readJson(record.unitIds ?? '[]'),
    summary: record.summary ?? '',
  });
  return parsed.success ? parsed.data : null;
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function matches(entry: AuditEntry, input: AuditSearchInput): boolean {
  if (input.incidentId && entry.incidentId !== input.incidentId) return false;
  if (input.unitId && entry.unitId !== input.unitId && !entry.unitIds.includes(input.unitId)) return false;
  if (input.username && entry.username !== input.username) return false;
  if (input.refusalsOnly && entry.outcome === 'ok') return false;
  return true;
}

/**
 * [AD2] Searches the audit record, newest first. With an incident, unit or user the search walks that
 * one index; otherwise it walks the stream back from `to`. Either way it reads at most 200,000 entries.
 */
export async function searchAudit(ctx: CadContext, input: AuditSearchInput): Promise<AuditPage> {
  const to = input.to ?? ctx.now();
  const from = input.from ?? 0;
  const index = input.incidentId
    ? ctx.keys.auditIndex('incident', input.incidentId)
    : input.unitId
      ? ctx.keys.auditIndex('unit', input.unitId)
      : input.username
        ? ctx.keys.auditIndex('user', input.username)
        : null;
  const found: AuditEntry[] = [];
  let scanned = 0;
  let end = `${to}-18446744073709551615`;
  while (found.length <= input.limit && scanned < MAX_SCANNED) {
    let batch: StreamEntry[];
    if (index) {
      const ids = await ctx.redis.zrevrangebyscore(index, to, from, 'LIMIT', scanned, BATCH);
      if (ids.length === 0) break;
      const pipeline = ctx.redis.pipeline();
      for (const id of ids) pipeline.xrange(ctx.keys.audit, id, id);
      const replies = (await pipeline.exec()) ?? [];
      batch = replies.flatMap(([, reply]) => (Array.isArray(reply) ? (reply as StreamEntry[]) : []));
      scanned += ids.length;
    } else {
      batch = (await ctx.redis.xrevrange(ctx.keys.audit, end, `${from}-0`, 'COUNT', BATCH));
      if (batch.length === 0) break;
      scanned += batch.length;
      const last = batch.at(-1)?.[0] ?? '0-0';
      end = `(${last}`;
    }
    for (const raw of batch) {
      const entry = auditEntryOf(raw);
      if (entry && matches(entry, input)) found.push(entry);
    }
    if (batch.length < BATCH) break;
  }
  return { entries: found.slice(0, input.limit), isTruncated: found.length > input.limit || scanned >= MAX_SCANNED };
}
