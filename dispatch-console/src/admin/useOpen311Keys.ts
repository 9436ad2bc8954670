import { useCallback } from 'react';
import { useListRead } from './useListRead.ts';
import type { Open311Key, Open311KeyIssued } from '../../../shared/open311/open311KeySchema.ts';
import type { Result } from '../../../shared/protocol/result.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import { withKey } from './open311KeyWords.ts';

export interface Open311Keys {
  keys: Open311Key[] | null;
  error: string | null;
  isLoading: boolean;
  reload: () => void;
  issue: (name: string) => Promise<Result<Open311KeyIssued>>;
  revoke: (name: string) => Promise<Result<Open311Key>>;
}

/**
 * [CS12] The Open311 apps' keys, read when the connection is live, and the administrator's changes to them. Like
 * the users' commands these are not journaled: each is sent once and its answer shown. The list never holds a key:
 * an issued key is kept by the screen that shows it once.
 */
export function useOpen311Keys(commands: CommandClient, isConnected: boolean): Open311Keys {
  const { items: keys, setItems: setKeys, error, isLoading, reload } = useListRead(() => commands.request('open311:key_list', {}), isConnected, formatCommandError);

  const issue = useCallback(
    async (name: string) => {
      const answer = await commands.request('open311:key_create', { name });
      if (answer.ok) {
        // Only the listed fields go in the list: the key itself stays with the one-time display.
        const { name: issued, createdAt, createdBy, revokedAt, revokedBy } = answer.data;
        setKeys((current) => withKey(current, { name: issued, createdAt, createdBy, revokedAt, revokedBy }));
      }
      return answer;
    },
    [commands],
  );

  const revoke = useCallback(
    async (name: string) => {
      const answer = await commands.request('open311:key_revoke', { name });
      if (answer.ok) setKeys((current) => withKey(current, answer.data));
      return answer;
    },
    [commands],
  );

  return { keys, error, isLoading, reload, issue, revoke };
}
