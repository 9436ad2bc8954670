import type { User, UserCreateInput, UserResetPasswordInput, UserSetDisabledInput } from '../../shared/auth/userSchema.ts';
import { fail, ok } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { CommandOutcome } from '../commands/commandOutcome.ts';
import { createUser, listUsers, publicUser, readUser, setDisabled, setPassword } from './userStore.ts';
import type { Actor } from '../../shared/auth/roles.ts';
import { signOffDisabled } from '../units/crewSignOn.ts';

/** [AU5] The administrator's user commands. */
export async function listUsersCommand(ctx: CadContext): Promise<CommandOutcome<{ users: User[] }>> {
  return { result: ok({ users: (await listUsers(ctx)).map(publicUser) }) };
}

export async function createUserCommand(ctx: CadContext, input: UserCreateInput): Promise<CommandOutcome<User>> {
  // [CC6] A department officer works for one of the city's Care Connect departments.
  if (input.department !== undefined && !ctx.city.care?.department(input.department)) {
    const message = `no Care Connect department ${input.department} in ${ctx.city.data.name}`;
    return { result: fail('validation_failed', `department: ${message}`, { issues: [{ path: 'department', message }] }) };
  }
  const user = await createUser(ctx, input);
  if (!user) return { result: fail('user_exists', `there is already a user ${input.username}`) };
  return { result: ok(publicUser(user)) };
}

async function changed(ctx: CadContext, userId: string): Promise<CommandOutcome<User>> {
  const user = await readUser(ctx, userId);
  if (!user) return { result: fail('user_not_found', `no user ${userId}`) };
  return { result: ok(publicUser(user)) };
}

/** A new password ends every session of the user at once. */
export async function resetPasswordCommand(ctx: CadContext, input: UserResetPasswordInput): Promise<CommandOutcome<User>> {
  if (!(await readUser(ctx, input.userId))) return { result: fail('user_not_found', `no user ${input.userId}`) };
  await setPassword(ctx, input.userId, input.password);
  return { ...(await changed(ctx, input.userId)), effects: { endSessions: { userId: input.userId, reason: 'password_reset' } } };
}

/** [AU6] Disabling a user drops their live consoles at once, on every instance. */
export async function setDisabledCommand(ctx: CadContext, input: UserSetDisabledInput, actor: Actor): Promise<CommandOutcome<User>> {
  const user = await readUser(ctx, input.userId);
  if (!user) return { result: fail('user_not_found', `no user ${input.userId}`) };
  if (input.isDisabled && input.userId === actor.userId) return { result: fail('forbidden', 'an administrator cannot disable their own account') };
  await setDisabled(ctx, input.userId, input.isDisabled);
  if (!input.isDisabled) return changed(ctx, input.userId);
  // A disabled crew member is taken off the vehicle, so the board does not show them crewing it.
  const signedOff = user.unitId ? await signOffDisabled(ctx, { userId: user.id, displayName: user.displayName, unitId: user.unitId }, actor) : null;
  const outcome = await changed(ctx, input.userId);
  return { ...outcome, ...(signedOff?.delta ? { delta: signedOff.delta } : {}), effects: { endSessions: { userId: input.userId, reason: 'disabled' } } };
}
