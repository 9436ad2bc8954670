import type { Actor } from '../auth/roles.ts';
import type { CallRecord, Disposition } from './callerSchema.ts';
import { normalizePhoneNumber } from './phoneNumber.ts';

/** What a call came to, for the caller's history. */
export type CallOutcome =
  | { outcome: 'incident'; incidentId: string }
  | { outcome: 'linked'; incidentId: string }
  | { outcome: 'disposition'; disposition: Disposition };

/**
 * A call record for a caller's history. `id` and `incidentId` come first in the object, so that the
 * store can fill a reference it issues into them before any caller text. The id is the command id:
 * one call, one record.
 */
export function buildCallRecord(
  call: { commandId: string; callbackNumber: string; callerName: string; notes: string; callStartedAt?: number | undefined },
  outcome: CallOutcome,
  actor: Actor,
  now: number,
): CallRecord {
  return {
    id: call.commandId,
    incidentId: outcome.outcome === 'disposition' ? null : outcome.incidentId,
    at: now,
    number: normalizePhoneNumber(call.callbackNumber),
    callerName: call.callerName,
    operatorId: actor.operatorId,
    outcome: outcome.outcome,
    disposition: outcome.outcome === 'disposition' ? outcome.disposition : null,
    notes: call.notes,
    callStartedAt: call.callStartedAt ?? null,
  };
}
