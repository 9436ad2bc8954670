import type { CallRecord } from './callerSchema.ts';

/** Hoax calls from one number within this window count towards its flag. */
export const HOAX_WINDOW_DAYS = 90;
/** [CH3] This many hoax dispositions within the window flag the number. */
export const HOAX_FLAG_THRESHOLD = 2;

/**
 * [CH3] Whether a number is flagged for repeated hoaxes. A flag is a warning to the call-taker,
 * never a reason not to answer: a flagged caller can have a real emergency.
 */
export function hoaxStatus(calls: readonly CallRecord[], now: number): { hoaxCount: number; isFlagged: boolean; flagReason: string | null } {
  const since = now - HOAX_WINDOW_DAYS * 86_400_000;
  const hoaxCount = calls.filter((call) => call.disposition === 'hoax' && call.at >= since).length;
  const isFlagged = hoaxCount >= HOAX_FLAG_THRESHOLD;
  return {
    hoaxCount,
    isFlagged,
    flagReason: isFlagged ? `${hoaxCount} hoax calls in the last ${HOAX_WINDOW_DAYS} days — answer as usual, verify the details` : null,
  };
}
