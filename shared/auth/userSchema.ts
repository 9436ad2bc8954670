import { z } from 'zod';
import { DeskSchema, PersonRoleSchema, UsernameSchema } from './roles.ts';
import { SessionSchema } from './roles.ts';
import { DepartmentCodeSchema } from '../tickets/careServiceSchema.ts';

/** Passwords: long enough to resist guessing, short enough to hash cheaply; no other rules (NIST 800-63B). */
export const PasswordSchema = z.string().min(10, 'password: at least 10 characters').max(200, 'password: at most 200 characters');

/** A user as the administrator sees it; the password hash never leaves the server. */
export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: PersonRoleSchema,
  /** The desks a dispatcher may sit at (empty for other roles). */
  desks: z.array(DeskSchema),
  isDisabled: z.boolean(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** The vehicle a crew member is signed on to now. */
  unitId: z.string().nullable(),
  /** [CC6] A department officer's department (null for other roles). */
  department: DepartmentCodeSchema.nullable().default(null),
});
export type User = z.infer<typeof UserSchema>;

const DisplayNameSchema = z.string().trim().min(1, 'displayName is required').max(80);

/** [AU5] An administrator adds a user. A dispatcher names the desks they may sit at. */
export const UserCreateInputSchema = z
  .object({
    username: UsernameSchema,
    displayName: DisplayNameSchema,
    role: PersonRoleSchema,
    desks: z.array(DeskSchema).max(4).default([]),
    /** [CC6] The department a department officer works for. */
    department: DepartmentCodeSchema.optional(),
    password: PasswordSchema,
  })
  .refine((u) => u.role !== 'department_officer' || u.department !== undefined, { message: 'department: a department officer works for one department', path: ['department'] })
  .refine((u) => u.role === 'department_officer' || u.department === undefined, { message: 'department: only a department officer has one', path: ['department'] })
  .refine((u) => u.role !== 'dispatcher' || u.desks.length > 0, { message: 'desks: a dispatcher sits at one desk at least', path: ['desks'] })
  .refine((u) => u.role === 'dispatcher' || u.desks.length === 0, { message: 'desks: only a dispatcher sits at a desk', path: ['desks'] });
export type UserCreateInput = z.infer<typeof UserCreateInputSchema>;

export const UserIdInputSchema = z.object({ userId: z.string().regex(/^u[0-9a-z]{4,40}$/, 'userId: a user id such as u1a2b3c') });

export const UserResetPasswordInputSchema = UserIdInputSchema.extend({ password: PasswordSchema });
export type UserResetPasswordInput = z.infer<typeof UserResetPasswordInputSchema>;

export const UserSetDisabledInputSchema = UserIdInputSchema.extend({ isDisabled: z.boolean() });
export type UserSetDisabledInput = z.infer<typeof UserSetDisabledInputSchema>;

export const UserListInputSchema = z.object({});

export const UserListSchema = z.object({ users: z.array(UserSchema) });

/** [AU4] Sign-in: a dispatcher with several desks names the one they sit at for this shift. */
export const SignInInputSchema = z.object({
  username: UsernameSchema,
  password: z.string().min(1, 'password is required').max(200),
  desk: DeskSchema.optional(),
});
export type SignInInput = z.infer<typeof SignInInputSchema>;

/** What a console learns of its own session. */
export const SessionInfoSchema = z.object({
  session: SessionSchema,
  /** The desks this user may sit at (a dispatcher may switch by signing in again). */
  desks: z.array(DeskSchema),
  protocolVersion: z.number().int(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const EmptyInputSchema = z.object({});

export const SignedOutSchema = z.object({ signedOut: z.literal(true) });
