import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../../shared/auth/roles.ts';
import { Open311KeySchema, type Open311Key, type Open311KeyCreateInput, type Open311KeyIssued, type Open311KeyRevokeInput } from '../../shared/open311/open311KeySchema.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, type CommandOutcome } from '../commands/commandOutcome.ts';

/** What Redis keeps of a key: its record and the SHA-256 of the key, never the key. */
const StoredKeySchema = Open311KeySchema.extend({ hash: z.string() });
type StoredKey = z.infer<typeof StoredKeySchema>;

const hashOf = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

function listed(stored: StoredKey): Open311Key {
  return { name: stored.name, createdAt: stored.createdAt, createdBy: stored.createdBy, revokedAt: stored.revokedAt, revokedBy: stored.revokedBy };
}

async function readKey(ctx: CadContext, name: string): Promise<StoredKey | null> {
  const json = await ctx.redis.hget(ctx.keys.open311Keys, name);
  return json === null ? null : StoredKeySchema.parse(JSON.parse(json));
}

const noKey = <T>(name: string): CommandOutcome<T> => refusal('validation_failed', `name: no Open311 key named ${name}`, { issues: [{ path: 'name', message: `no Open311 key named ${name}` }] });

/**
 * [CC12] Issues a key: 32 random bytes (base64url), answered once; Redis keeps its SHA-256 only. The hash lookup is
 * written first and the name claimed after (HSETNX), so a name taken meanwhile leaves no key that works.
 */
export async function createOpen311Key(ctx: CadContext, input: Open311KeyCreateInput, actor: Actor): Promise<CommandOutcome<Open311KeyIssued>> {
  const key = randomBytes(32).toString('base64url');
  const stored: StoredKey = { name: input.name, hash: hashOf(key), createdAt: ctx.now(), createdBy: actor.operatorId, revokedAt: null, revokedBy: null };
  await ctx.redis.hset(ctx.keys.open311KeyHashes, stored.hash, stored.name);
  const isNew = await ctx.redis.hsetnx(ctx.keys.open311Keys, stored.name, JSON.stringify(stored));
  if (isNew !== 1) {
    await ctx.redis.hdel(ctx.keys.open311KeyHashes, stored.hash);
    return refusal('validation_failed', `name: an Open311 key named ${input.name} already exists (revoked keys keep their name)`, { issues: [{ path: 'name', message: 'a key with this name already exists' }] });
  }
  return { result: ok({ ...listed(stored), key }) };
}

/** [CC12] Every key by name, with when and by whom it was issued and revoked. */
export async function listOpen311Keys(ctx: CadContext): Promise<CommandOutcome<Open311Key[]>> {
  const all = await ctx.redis.hvals(ctx.keys.open311Keys);
  const keys = all.map((json) => listed(StoredKeySchema.parse(JSON.parse(json)))).sort((a, b) => a.name.localeCompare(b.name));
  return { result: ok(keys) };
}

/** [CC12] Revokes a key at once: its hash lookup goes, so the next request with it is refused. Revoking twice changes nothing. */
export async function revokeOpen311Key(ctx: CadContext, input: Open311KeyRevokeInput, actor: Actor): Promise<CommandOutcome<Open311Key>> {
  const stored = await readKey(ctx, input.name);
  if (!stored) return noKey(input.name);
  if (stored.revokedAt !== null) return { result: ok(listed(stored)) };
  const revoked: StoredKey = { ...stored, revokedAt: ctx.now(), revokedBy: actor.operatorId };
  await ctx.redis.multi().hset(ctx.keys.open311Keys, stored.name, JSON.stringify(revoked)).hdel(ctx.keys.open311KeyHashes, stored.hash).exec();
  return { result: ok(listed(revoked)) };
}

/** [CC11][CC12] The name of the live key `key` is, or null for an unknown or revoked key. */
export async function open311KeyName(ctx: CadContext, key: string): Promise<string | null> {
  const hash = hashOf(key);
  const name = await ctx.redis.hget(ctx.keys.open311KeyHashes, hash);
  if (name === null) return null;
  const stored = await readKey(ctx, name);
  return stored && stored.hash === hash && stored.revokedAt === null ? stored.name : null;
}
