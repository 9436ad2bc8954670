import { useCallback, useRef, useState } from 'react';
import type { AuditPage } from '../../../shared/audit/auditSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import type { AuditQuery } from './auditQuery.ts';

export interface AuditSearch {
  page: AuditPage | null;
  /** The search the page answers (the export links use it, so that they export what the table shows). */
  query: AuditQuery | null;
  error: string | null;
  isLoading: boolean;
  search: (query: AuditQuery) => void;
}

/** [AD2] Searches the audit record; only the latest search's answer is kept. */
export function useAuditSearch(commands: CommandClient): AuditSearch {
  const [page, setPage] = useState<AuditPage | null>(null);
  const [query, setQuery] = useState<AuditQuery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(false);
  const latest = useRef(0);

  const search = useCallback(
    (next: AuditQuery) => {
      const id = ++latest.current;
      setLoading(true);
      setError(null);
      void commands.request('audit:search', next, 20_000).then((answer) => {
        if (id !== latest.current) return;
        setLoading(false);
        if (answer.ok) {
          setPage(answer.data);
          setQuery(next);
        } else setError(formatCommandError(answer.error));
      });
    },
    [commands],
  );

  return { page, query, error, isLoading, search };
}
