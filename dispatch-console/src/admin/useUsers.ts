import { useCallback } from 'react';
import { useListRead } from './useListRead.ts';
import type { User, UserCreateInput } from '../../../shared/auth/userSchema.ts';
import type { Result } from '../../../shared/protocol/result.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { adminErrorText } from './adminMessages.ts';

export interface Users {
  users: User[] | null;
  error: string | null;
  isLoading: boolean;
  reload: () => void;
  create: (input: UserCreateInput) => Promise<Result<User>>;
  resetPassword: (userId: string, password: string) => Promise<Result<User>>;
  setDisabled: (userId: string, isDisabled: boolean) => Promise<Result<User>>;
}

/** Puts the answered user in the list (new users at the end): the table shows what the server holds. */
function withUser(users: User[] | null, user: User): User[] | null {
  if (!users) return users;
  return users.some((u) => u.id === user.id) ? users.map((u) => (u.id === user.id ? user : u)) : [...users, user];
}

/**
 * [AU5] The users, read when the connection is live, and the administrator's changes to them. These commands
 * are not journaled (no command id): each is sent once and its answer shown.
 */
export function useUsers(commands: CommandClient, isConnected: boolean): Users {
  const read = async (): Promise<Result<User[]>> => {
    const answer = await commands.request('users:list', {});
    return answer.ok ? { ok: true, data: answer.data.users } : answer;
  };
  const { items: users, setItems: setUsers, error, isLoading, reload } = useListRead(read, isConnected, adminErrorText);

  const applied = useCallback(async (sent: Promise<Result<User>>) => {
    const answer = await sent;
    if (answer.ok) setUsers((current) => withUser(current, answer.data));
    return answer;
  }, []);

  return {
    users,
    error,
    isLoading,
    reload,
    create: (input) => applied(commands.request('users:create', input)),
    resetPassword: (userId, password) => applied(commands.request('users:reset_password', { userId, password })),
    setDisabled: (userId, isDisabled) => applied(commands.request('users:set_disabled', { userId, isDisabled })),
  };
}
