import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DeskSchema, PersonRoleSchema, type Desk, type PersonRole } from '../../shared/auth/roles.ts';
import type { User } from '../../shared/auth/userSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { hashPassword } from './passwordHash.ts';

/** A user as stored: the public record plus what only the server reads. */
export interface StoredUser extends User {
  passwordHash: string;
  /** [AU6] Only sessions issued at this generation are honoured; a password reset or disable moves it on. */
  sessionGeneration: number;
}

const StoredUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: PersonRoleSchema,
  desks: z.string().transform((text) => DeskSchema.array().parse(JSON.parse(text))),
  isDisabled: z.enum(['0', '1']).transform((flag) => flag === '1'),
  createdAt: z.coerce.number().int(),
  updatedAt: z.coerce.number().int(),
  unitId: z.string().default('').transform((id) => (id === '' ? null : id)),
  department: z.string().default('').transform((code) => (code === '' ? null : code)),
  passwordHash: z.string().min(1),
  sessionGeneration: z.coerce.number().int().default(0),
});

/** The public view of a stored user. */
export function publicUser(user: StoredUser): User {
  return {
    id: user.id, username: user.username, displayName: user.displayName, role: user.role, desks: user.desks, isDisabled: user.isDisabled,
    createdAt: user.createdAt, updatedAt: user.updatedAt, unitId: user.unitId, department: user.department,
  };
}

/**
 * Parsed users by their stored record, field for field: a session is checked against its user on every command,
 * and the record changes only when an administrator or the user changes it, so its parse is kept until then.
 * Pure (the same record always parses the same), so it may be shared by every server in the process.
 */
const parsedUsers = new Map<string, { record: string; user: Readonly<StoredUser> }>();
const MAX_PARSED_USERS = 10_000;

/** A user hash as Redis holds it, parsed (and kept, see above). */
export function parseUser(record: Record<string, string>): Readonly<StoredUser> {
  const id = record.id ?? '';
  const text = JSON.stringify(record);
  const known = parsedUsers.get(id);
  if (known?.record === text) return known.user;
  const user = Object.freeze(StoredUserSchema.parse(record));
  if (parsedUsers.size >= MAX_PARSED_USERS) parsedUsers.clear();
  parsedUsers.set(id, { record: text, user });
  return user;
}

export async function readUser(ctx: CadContext, userId: string): Promise<Readonly<StoredUser> | null> {
  const record = await ctx.redis.hgetall(ctx.keys.user(userId));
  if (Object.keys(record).length === 0) return null;
  return parseUser(record);
}

export async function findUserByName(ctx: CadContext, username: string): Promise<Readonly<StoredUser> | null> {
  const userId = await ctx.redis.hget(ctx.keys.usernames, username);
  return userId === null ? null : readUser(ctx, userId);
}

export async function listUsers(ctx: CadContext): Promise<StoredUser[]> {
  const ids = await ctx.redis.smembers(ctx.keys.userIds);
  const users = await Promise.all(ids.map((id) => readUser(ctx, id)));
  return users.filter((user): user is StoredUser => user !== null).sort((a, b) => a.username.localeCompare(b.username));
}

export interface NewUser {
  username: string;
  displayName: string;
  role: PersonRole;
  desks: readonly Desk[];
  /** [CC6] A department officer's department. */
  department?: string | undefined;
  password: string;
}

/**
 * [AU5] Adds a user; null when the username is taken. `passwordHash`, when given, is the hash of `input.password` made
 * already (the demo users share one password, hashed once per start).
 */
export async function createUser(ctx: CadContext, input: NewUser, passwordHash?: string): Promise<StoredUser | null> {
  const now = ctx.now();
  const user: StoredUser = {
    id: `u${randomBytes(6).toString('hex')}`,
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    desks: [...input.desks],
    isDisabled: false,
    createdAt: now,
    updatedAt: now,
    unitId: null,
    department: input.department ?? null,
    passwordHash: passwordHash ?? (await hashPassword(input.password, ctx.settings.passwordCost)),
    sessionGeneration: 0,
  };
  const fields = [
    'id', user.id, 'username', user.username, 'displayName', user.displayName, 'role', user.role, 'desks', JSON.stringify(user.desks),
    'isDisabled', '0', 'createdAt', String(now), 'updatedAt', String(now), 'unitId', '', 'department', user.department ?? '', 'passwordHash', user.passwordHash, 'sessionGeneration', '0',
  ];
  const created = await SCRIPTS.createUser.run(ctx.redis, [ctx.keys.user(user.id), ctx.keys.usernames, ctx.keys.userIds], [user.id, user.username, ...fields]);
  return created === 1 ? user : null;
}

/** Sets a new password; every session issued before now ends. */
export async function setPassword(ctx: CadContext, userId: string, password: string): Promise<void> {
  const now = ctx.now();
  const passwordHash = await hashPassword(password, ctx.settings.passwordCost);
  await ctx.redis.multi().hset(ctx.keys.user(userId), 'passwordHash', passwordHash, 'updatedAt', String(now)).hincrby(ctx.keys.user(userId), 'sessionGeneration', 1).exec();
}

/** Disables (every session ends at once) or enables a user. */
export async function setDisabled(ctx: CadContext, userId: string, isDisabled: boolean): Promise<void> {
  const now = ctx.now();
  const transaction = ctx.redis.multi().hset(ctx.keys.user(userId), 'isDisabled', isDisabled ? '1' : '0', 'updatedAt', String(now));
  if (isDisabled) transaction.hincrby(ctx.keys.user(userId), 'sessionGeneration', 1);
  await transaction.exec();
}
