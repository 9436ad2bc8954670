import type { z } from 'zod';
import type { LngLat } from '../../../shared/geo/position.ts';
import { CallbackEntrySchema, isWithheldWord } from '../../../shared/callers/callerIdentity.ts';
import { extraFieldProblem, type CareService, type ExtraField } from '../../../shared/tickets/careServiceSchema.ts';
import { TicketCreateInputSchema, TicketLinkCallerInputSchema, type TicketCreatePayload, type TicketLinkCallerInput } from '../../../shared/tickets/ticketSchema.ts';
import type { LocationSource } from '../calls/callDraft.ts';
import { missingLine } from '../calls/callDraft.ts';
import { formatCount, issueSentence } from '../realtime/issueSentences.ts';

/** How a request reaches the ticket desk (an Open311 app and an emergency referral come by other roads). */
export const DESK_CHANNELS = ['phone', 'email', 'fax', 'walk_in'] as const;
export type DeskChannel = (typeof DESK_CHANNELS)[number];

/** Everything the agent has captured so far about one request. */
export interface TicketDraft {
  /** When the agent started it, epoch ms. */
  startedAt: number;
  /** The phone-menu option the caller chose ("3": Joburg Water), or null: every service. */
  menuDigit: string | null;
  serviceCode: string | null;
  callbackNumber: string;
  callerName: string;
  email: string;
  /** The service's extra fields as typed, by key. */
  extra: Record<string, string>;
  locationText: string;
  position: LngLat | null;
  locationSource: LocationSource | null;
  address: string;
  description: string;
  channel: DeskChannel;
}

export function newTicketDraft(now: number, menuDigit: string | null = null): TicketDraft {
  return {
    startedAt: now,
    menuDigit,
    serviceCode: null,
    callbackNumber: '',
    callerName: '',
    email: '',
    extra: {},
    locationText: '',
    position: null,
    locationSource: null,
    address: '',
    description: '',
    channel: 'phone',
  };
}

/**
 * [CS3] An extra field's value as it is sent: trimmed, and without its spaces when only the spaces stop it from
 * passing (an account number read out in groups, "1234 5678 90", is the number 1234567890).
 */
export function extraValue(field: ExtraField, typed: string): string {
  const trimmed = typed.trim();
  const compact = trimmed.replace(/\s+/g, '');
  return compact !== trimmed && extraFieldProblem(field, trimmed) !== null && extraFieldProblem(field, compact) === null ? compact : trimmed;
}

/** [CS3] The inline check of one extra field as typed: a value not in form (an empty required one only once `isFinal`). */
export function extraProblem(field: ExtraField, typed: string | undefined, isFinal: boolean): string | null {
  const value = extraValue(field, typed ?? '');
  if (value === '' && !isFinal) return null;
  return extraFieldProblem(field, value);
}

/** A payload ready to send, or why not, in words for the agent. */
export type Checked<T> = { ok: true; payload: T } | { ok: false; message: string };

const CreateCheck = TicketCreateInputSchema.omit({ commandId: true });
const LinkCheck = TicketLinkCallerInputSchema.omit({ commandId: true });

/** [IC11] The schema's problems with a payload, in the sentences a refusal from the server would show. */
export function problemsOf(check: z.ZodType, payload: unknown): string | null {
  const parsed = check.safeParse(payload);
  if (parsed.success) return null;
  const sentences = parsed.error.issues.map((issue) => issueSentence({ path: issue.path.map(String).join('.'), message: issue.message }, payload));
  return [...new Set(sentences)].join(' ');
}

/** [IC9] What to warn about the caller's number, never a reason to stop. */
export function ticketCallbackWarning(draft: Pick<TicketDraft, 'callbackNumber' | 'callerName' | 'description' | 'serviceCode'>): string | null {
  const number = draft.callbackNumber.trim();
  if (isWithheldWord(number)) return 'Number withheld: the department cannot call back. Give the caller the reference to follow it.';
  if (number !== '' && !CallbackEntrySchema.safeParse(number).success) return 'Not a phone number: type its digits, or W for withheld.';
  const isUnderway = draft.callerName.trim() !== '' || draft.description.trim() !== '' || draft.serviceCode !== null;
  return number === '' && isUnderway ? 'No callback number: the department cannot call back.' : null;
}

/** The extra fields of `service` as they are sent (only the service's own keys, spaces dropped where they must be). */
export function extraPayload(service: CareService, extra: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(service.extraFields.flatMap((field) => {
    const value = extraValue(field, extra[field.key] ?? '');
    return value === '' ? [] : [[field.key, value]];
  }));
}

/**
 * [CS1][CS3] The `ticket:create` payload (without the commandId): the service, a description, a place when the
 * service is about one (a point or an address), and the service's extra fields in form. Everything else may be
 * missing: [IC9] an anonymous caller with no number still gets a ticket.
 */
export function ticketCreatePayload(draft: TicketDraft, service: CareService | undefined): Checked<Omit<TicketCreatePayload, 'commandId'>> {
  const missing = [
    ...(service ? [] : ['service']),
    ...(draft.description.trim() === '' ? ['description'] : []),
    ...(service?.needsLocation && !draft.position && draft.address.trim() === '' ? ['location or address'] : []),
  ];
  if (!service || missing.length > 0) return { ok: false, message: missingLine(missing) };
  const extraProblems = service.extraFields.flatMap((field) => {
    const problem = extraProblem(field, draft.extra[field.key], true);
    return problem ? [`${problem}.`] : [];
  });
  if (extraProblems.length > 0) return { ok: false, message: extraProblems.join(' ') };
  const payload = {
    serviceCode: service.code,
    channel: draft.channel,
    callerName: draft.callerName.trim(),
    callbackNumber: draft.callbackNumber.trim(),
    email: draft.email.trim(),
    description: draft.description.trim(),
    ...(draft.position ? { location: draft.position } : {}),
    address: draft.address.trim(),
    extra: extraPayload(service, draft.extra),
  };
  const problems = problemsOf(CreateCheck, payload);
  return problems ? { ok: false, message: problems } : { ok: true, payload };
}

/** [CC3] The `ticket:link_caller` payload: this caller joins `ticketId`; what they said is kept as the note. */
export function ticketLinkPayload(draft: TicketDraft, ticketId: string): Checked<Omit<TicketLinkCallerInput, 'commandId'>> {
  const payload = {
    ticketId,
    callerName: draft.callerName.trim(),
    callbackNumber: draft.callbackNumber.trim(),
    email: draft.email.trim(),
    channel: draft.channel,
    note: draft.description.trim(),
  };
  const limit = TicketLinkCallerInputSchema.shape.note.unwrap().maxLength ?? 1000;
  if (payload.note.length > limit) return { ok: false, message: `The description is too long to add to that ticket: ${formatCount(payload.note.length)} of ${formatCount(limit)} characters. Shorten it.` };
  const problems = problemsOf(LinkCheck, payload);
  return problems ? { ok: false, message: problems } : { ok: true, payload };
}
