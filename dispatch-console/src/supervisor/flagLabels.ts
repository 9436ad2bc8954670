import type { IntervalFlag } from '../../../shared/reports/intervalReportSchema.ts';

/** [RP4] The data-quality flags in a supervisor's words, and what each means for the record. */
export const FLAG_LABELS: Record<IntervalFlag, { label: string; explanation: string }> = {
  missing_stamp: { label: 'Missing stamp', explanation: 'A later status is recorded while an earlier one is absent (on scene with no en route).' },
  out_of_order: { label: 'Out of order', explanation: 'A status is stamped before the one that should come first (en route before dispatched).' },
  not_dispatched: { label: 'Never dispatched', explanation: 'A unit reported on scene, or later, without ever being dispatched to the incident.' },
  negative_interval: { label: 'Negative interval', explanation: 'The call start is after the incident was entered or first dispatched.' },
};
