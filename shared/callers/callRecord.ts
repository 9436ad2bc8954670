import type { Actor } from '../auth/roles.ts';
import type { CallRecord, Disposition } from './callerSchema.ts';
import { normalizePhoneNumber } from './phoneNumber.ts';
import { callerIdentity } from './callerIdentity.ts';

/** What a call came to, for the caller's history. */
export type CallOutcome =
  | { outcome: 'incident'; incidentId: string }
  | { outcome: 'linked'; incidentId: string }
  | { outcome: 'disposition'; disposition: Disposition };

/**
 * A call record for a caller's history. `id` and `incidentId` come first in the object, so that the
 * store can fill a reference it issues into them before any caller text. The id is the command id:
 * one call, one record. [IC9] A call with no number has `number: null` and joins no number's history.
 */
export function buildCallRecord(
  call: { commandId: string; callbackNumber: string; callerName: string; notes: string; callStartedAt?: number | undefined },
  outcome: CallOutcome,
  actor: Actor,
  now: number,
): CallRecord {
  const caller = callerIdentity(call);
  return {
    id: call.commandId,
    incidentId: outcome.outcome === 'disposition' ? null : outcome.incidentId,
    at: now,
    number: caller.callbackNumber === null ? null : normalizePhoneNumber(caller.callbackNumber),
    callbackStatus: caller.callbackStatus,
    callerName: caller.callerName ?? '',
    operatorId: actor.operatorId,
    outcome: outcome.outcome,
    disposition: outcome.outcome === 'disposition' ? outcome.disposition : null,
    notes: call.notes,
    callStartedAt: call.callStartedAt ?? null,
  };
}
