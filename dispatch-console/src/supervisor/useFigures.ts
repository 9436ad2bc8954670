import { useCallback, useEffect, useRef, useState } from 'react';
import type { IntervalReport, UtilisationReport } from '../../../shared/reports/intervalReportSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import type { ReportRange } from './reportRange.ts';

/** The archive is read over a range that may hold months of incidents: give the server time. */
const REPORT_TIMEOUT_MS = 30_000;

export interface Figures {
  intervals: IntervalReport | null;
  utilisation: UtilisationReport | null;
  /** The range the reports shown answer (kept while a new range is read, so the screen does not go blank). */
  range: ReportRange | null;
  error: string | null;
  isLoading: boolean;
  reload: () => void;
}

/**
 * [SF1] Reads both archive reports for `range` (every read is audited, so only when the range changes or the
 * supervisor asks again); only the latest read's answers are kept.
 */
export function useFigures(commands: CommandClient, range: ReportRange | null): Figures {
  const [intervals, setIntervals] = useState<IntervalReport | null>(null);
  const [utilisation, setUtilisation] = useState<UtilisationReport | null>(null);
  const [shown, setShown] = useState<ReportRange | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (!range) return;
    const id = ++latest.current;
    setLoading(true);
    setError(null);
    const input = { from: range.from, to: range.to };
    void Promise.all([commands.request('report:intervals', input, REPORT_TIMEOUT_MS), commands.request('report:utilisation', input, REPORT_TIMEOUT_MS)]).then(([i, u]) => {
      if (id !== latest.current) return;
      setLoading(false);
      if (i.ok && u.ok) {
        setIntervals(i.data);
        setUtilisation(u.data);
        setShown(range);
      } else if (!i.ok) setError(formatCommandError(i.error));
      else if (!u.ok) setError(formatCommandError(u.error));
    });
  }, [commands, range, attempt]);

  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  return { intervals, utilisation, range: shown, error, isLoading, reload };
}
