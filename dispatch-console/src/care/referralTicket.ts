import type { CareService } from '../../../shared/tickets/careServiceSchema.ts';
import { TicketCreateInputSchema, type Ticket, type TicketCreatePayload } from '../../../shared/tickets/ticketSchema.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import { missingLine } from '../calls/callDraft.ts';
import { extraPayload, extraProblem, problemsOf, type Checked } from './ticketDraft.ts';

/** [CS11] What the call-taker chose for a non-emergency call referred to Care Connect. */
export interface Referral {
  service: CareService;
  extra: Readonly<Record<string, string>>;
  description: string;
}

/** The part of the emergency call the ticket carries over: who called, how to call back, where. */
export interface ReferredCall {
  callerName: string;
  callbackNumber: string;
  position: LngLat | null;
  locationText: string;
  locationNotes: string;
  notes: string;
}

const CreateCheck = TicketCreateInputSchema.omit({ commandId: true });
const ADDRESS_MAX = TicketCreateInputSchema.shape.address.unwrap().maxLength ?? 200;

/**
 * [CS11][CC4] The `ticket:create` payload for an emergency call that is not an emergency: channel
 * `emergency_referral`, the caller's name and number and the call's place carried over (the landmark notes, else
 * what was typed for the place, as the address), the call-taker's description (else the call's notes). Pure.
 */
export function referralTicketPayload(call: ReferredCall, referral: Referral): Checked<Omit<TicketCreatePayload, 'commandId'>> {
  const description = referral.description.trim() || call.notes.trim();
  const address = call.locationNotes.trim() || call.locationText.trim();
  const missing = [...(description === '' ? ['what the caller reports'] : []), ...(referral.service.needsLocation && !call.position && address === '' ? ['location'] : [])];
  if (missing.length > 0) return { ok: false, message: missingLine(missing) };
  const extraProblems = referral.service.extraFields.flatMap((field) => {
    const problem = extraProblem(field, referral.extra[field.key], true);
    return problem ? [`${problem}.`] : [];
  });
  if (extraProblems.length > 0) return { ok: false, message: extraProblems.join(' ') };
  const payload = {
    serviceCode: referral.service.code,
    channel: 'emergency_referral' as const,
    fromIncidentCall: true,
    callerName: call.callerName.trim(),
    callbackNumber: call.callbackNumber.trim(),
    email: '',
    description,
    ...(call.position ? { location: call.position } : {}),
    // A ticket's address holds fewer characters than a call's landmark notes; their start is the useful part.
    address: address.slice(0, ADDRESS_MAX),
    extra: extraPayload(referral.service, referral.extra),
  };
  const problems = problemsOf(CreateCheck, payload);
  return problems ? { ok: false, message: problems } : { ok: true, payload };
}

/** [CS11] The disposition's notes, naming the ticket the call was referred to. */
export function referralNotes(ticket: Pick<Ticket, 'reference'>, notes: string): string {
  const trimmed = notes.trim();
  return `Referred to Care Connect ${ticket.reference}${trimmed ? `: ${trimmed}` : ''}`;
}
