import { useCallback, useEffect, useRef, useState } from 'react';
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
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(false);
  const latest = useRef(0);

  const reload = useCallback(() => {
    const id = ++latest.current;
    setLoading(true);
    void commands.request('users:list', {}).then((answer) => {
      if (id !== latest.current) return;
      setLoading(false);
      if (answer.ok) {
        setUsers(answer.data.users);
        setError(null);
      } else setError(adminErrorText(answer.error));
    });
  }, [commands]);

  useEffect(() => {
    if (isConnected) reload();
  }, [isConnected, reload]);

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
