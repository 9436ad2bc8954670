import type { RunSummary } from './loadProtocol.ts';

/** A run's summary without the (possibly long) list of what its ok answers committed. */
export function withoutOkKeys(run: RunSummary): Omit<RunSummary, 'okKeys'> {
  const copy: Partial<RunSummary> = { ...run };
  delete copy.okKeys;
  return copy as Omit<RunSummary, 'okKeys'>;
}
