import { z } from 'zod';

/**
 * [CC12] An Open311 API key is issued by an administrator to one third-party app, under a name that says whose it
 * is ("fixmystreet", "ward-12-app"); requests it creates are made by `open311:<name>` in the journal and the audit.
 */
export const Open311KeyNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'name: 2-40 lowercase letters, digits, . _ or -, starting with a letter or digit');
export type Open311KeyName = z.infer<typeof Open311KeyNameSchema>;

/** [CC12] A key as listed: never the key itself, nor its hash. */
export const Open311KeySchema = z.object({
  name: z.string(),
  createdAt: z.number().int(),
  createdBy: z.string(),
  revokedAt: z.number().int().nullable(),
  revokedBy: z.string().nullable(),
});
export type Open311Key = z.infer<typeof Open311KeySchema>;

/** [CC12] A new key: the only answer that ever carries the key. */
export const Open311KeyIssuedSchema = Open311KeySchema.extend({
  /** 32 random bytes, base64url; the server keeps only its SHA-256. */
  key: z.string(),
});
export type Open311KeyIssued = z.infer<typeof Open311KeyIssuedSchema>;

export const Open311KeyCreateInputSchema = z.object({ name: Open311KeyNameSchema });
export type Open311KeyCreateInput = z.infer<typeof Open311KeyCreateInputSchema>;

export const Open311KeyRevokeInputSchema = z.object({ name: Open311KeyNameSchema });
export type Open311KeyRevokeInput = z.infer<typeof Open311KeyRevokeInputSchema>;
