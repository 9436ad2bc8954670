import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { CommandError } from '../../../shared/errors/errorCodes.ts';
import type { Result } from '../../../shared/protocol/result.ts';

export interface ListRead<T> {
  items: T[] | null;
  setItems: Dispatch<SetStateAction<T[] | null>>;
  error: string | null;
  isLoading: boolean;
  reload: () => void;
}

/**
 * An administrator's list (users, Open311 keys), read when the connection is live and again on `reload`; only the
 * latest read's answer is shown. `describe` puts a refusal into words.
 */
export function useListRead<T>(read: () => Promise<Result<T[]>>, isConnected: boolean, describe: (error: CommandError) => string): ListRead<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(false);
  const latest = useRef(0);
  const reader = useRef({ read, describe });
  reader.current = { read, describe };

  const reload = useCallback(() => {
    const id = ++latest.current;
    setLoading(true);
    void reader.current.read().then((answer) => {
      if (id !== latest.current) return;
      setLoading(false);
      if (answer.ok) {
        setItems(answer.data);
        setError(null);
      } else setError(reader.current.describe(answer.error));
    });
  }, []);

  useEffect(() => {
    if (isConnected) reload();
  }, [isConnected, reload]);

  return { items, setItems, error, isLoading, reload };
}
