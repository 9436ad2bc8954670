import { z } from 'zod';

/**
 * [AD1] One line of the audit record: a command (accepted or refused) or a read of personal data,
 * with who, from which desk, when, a summary of the payload (never a password) and the outcome.
 */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.number().int(),
  command: z.string(),
  transport: z.enum(['socket', 'http']),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  desk: z.string().nullable(),
  unitId: z.string().nullable(),
  /** `ok`, or the error code the command was refused with. */
  outcome: z.string(),
  /** The incident and units the command named, for searching. */
  incidentId: z.string().nullable(),
  unitIds: z.array(z.string()),
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** [AD2] Search the audit record by incident, unit, user and time range (epoch ms), newest first. */
export const AuditSearchInputSchema = z.object({
  incidentId: z.string().trim().min(1).max(40).optional(),
  unitId: z.string().trim().min(1).max(40).optional(),
  username: z.string().trim().toLowerCase().min(1).max(40).optional(),
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
  /** Only refusals (any outcome but `ok`). */
  refusalsOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(5000).default(500),
});
export type AuditSearchInput = z.infer<typeof AuditSearchInputSchema>;

export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  /** True when more entries matched than `limit`. */
  isTruncated: z.boolean(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
