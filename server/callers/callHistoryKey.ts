import type { CallRecord } from '../../shared/callers/callerSchema.ts';
import type { CadContext } from '../app/cadContext.ts';

/** Stands in for the history key of a call with no number: declared to the script (same slot), never written. */
const NO_NUMBER = 'none';

/**
 * [IC9] The caller-history key a script is given for a call, and whether it may write it ('1') or not ('0'): a call
 * with no number (withheld or not given) joins no number's history, so it never feeds a hoax flag.
 */
export function callHistoryKey(ctx: CadContext, call: CallRecord): { key: string; hasNumber: '1' | '0' } {
  return call.number === null ? { key: ctx.keys.callerCalls(NO_NUMBER), hasNumber: '0' } : { key: ctx.keys.callerCalls(call.number), hasNumber: '1' };
}
