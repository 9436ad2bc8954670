import type { z } from 'zod';
import type { LngLat } from '../../../shared/geo/position.ts';
import type { IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';
import { incidentType } from '../../../shared/incidents/incidentTypes.ts';
import type { KeyAnswers } from '../../../shared/incidents/classifyIncident.ts';
import { IncidentCreateInputSchema, LinkCallerInputSchema } from '../../../shared/incidents/incidentSchema.ts';
import type { IncidentCreatePayload, LinkCallerInput } from '../../../shared/incidents/incidentSchema.ts';
import { CallDisposeInputSchema } from '../../../shared/callers/callerSchema.ts';
import type { CallDisposeInput, Disposition } from '../../../shared/callers/callerSchema.ts';
import { CallbackEntrySchema, isWithheldWord } from '../../../shared/callers/callerIdentity.ts';
import { issueSentence } from '../realtime/issueSentences.ts';

/** How the location was given. */
export type LocationSource = 'coordinates' | 'place' | 'map';

/** Everything the call-taker has captured so far on one call. */
export interface CallDraft {
  /** When the call was answered (N pressed), epoch ms. */
  startedAt: number;
  callbackNumber: string;
  callerName: string;
  /** What is in the one location box: coordinates, a search, or the chosen place's name. */
  locationText: string;
  position: LngLat | null;
  locationSource: LocationSource | null;
  locationNotes: string;
  type: IncidentTypeId | null;
  answers: KeyAnswers;
  notes: string;
}

export function newCallDraft(now: number): CallDraft {
  return {
    startedAt: now,
    callbackNumber: '',
    callerName: '',
    locationText: '',
    position: null,
    locationSource: null,
    locationNotes: '',
    type: null,
    answers: {},
    notes: '',
  };
}

/** Digits in a callback number as typed ("082 555 0147" → 10). */
export function digitCount(text: string): number {
  return text.replace(/\D/g, '').length;
}

/** The answers that belong to `type` (answers to another type's questions are dropped when the type changes). */
export function answersForType(type: IncidentTypeId, answers: KeyAnswers): KeyAnswers {
  const kept: KeyAnswers = {};
  for (const question of incidentType(type).questions) {
    const answer = answers[question.id];
    if (answer !== undefined) kept[question.id] = answer;
  }
  return kept;
}

/** The first key question of the type not answered yet, or null when all are. */
export function nextQuestionIndex(type: IncidentTypeId, answers: KeyAnswers): number | null {
  const index = incidentType(type).questions.findIndex((q) => answers[q.id] === undefined);
  return index < 0 ? null : index;
}

/** A payload ready to send, or why not, in words for the call-taker. */
type Checked<T> = { ok: true; payload: T } | { ok: false; message: string };

/** The create payload's checks, as the server makes them (one schema), less the command id added on sending. */
const CreateCheck = IncidentCreateInputSchema.omit({ commandId: true });
const LinkCheck = LinkCallerInputSchema.omit({ commandId: true });
const DisposeCheck = CallDisposeInputSchema.omit({ commandId: true });

/** [IC11] The schema's problems with a payload, in the sentences a refusal from the server would show. */
function problemsOf(check: z.ZodType, payload: unknown): string | null {
  const parsed = check.safeParse(payload);
  if (parsed.success) return null;
  const sentences = parsed.error.issues.map((issue) => issueSentence({ path: issue.path.map(String).join('.'), message: issue.message }, payload));
  return [...new Set(sentences)].join(' ');
}

/**
 * [IC9] What to warn about the caller, never a reason to stop: a withheld or missing number cannot be called back.
 * An empty number is only warned about once the call has gone on past it, so a new call does not open with a warning.
 */
export function callbackWarning(draft: CallDraft): string | null {
  const number = draft.callbackNumber.trim();
  if (isWithheldWord(number)) return 'Number withheld: you cannot call back.';
  if (number !== '' && !CallbackEntrySchema.safeParse(number).success) return 'Not a phone number: type its digits, or W for withheld.';
  const isUnderway = draft.callerName.trim() !== '' || draft.position !== null || draft.type !== null || draft.notes.trim() !== '';
  return number === '' && isUnderway ? 'No callback number: you cannot call back.' : null;
}

/** [IC9] The `incident:create` payload (without the commandId): only the location and the type are required. */
export function createPayload(draft: CallDraft): Checked<Omit<IncidentCreatePayload, 'commandId'>> {
  const missing = [...(draft.position ? [] : ['location']), ...(draft.type ? [] : ['incident type'])];
  if (!draft.position || !draft.type) return { ok: false, message: missingLine(missing) };
  const payload = {
    type: draft.type,
    location: draft.position,
    locationNotes: draft.locationNotes.trim(),
    callerName: draft.callerName.trim(),
    callbackNumber: draft.callbackNumber.trim(),
    notes: draft.notes.trim(),
    answers: answersForType(draft.type, draft.answers),
    callStartedAt: draft.startedAt,
  };
  const problems = problemsOf(CreateCheck, payload);
  return problems ? { ok: false, message: problems } : { ok: true, payload };
}

/** The `incident:link_caller` payload for linking this caller to `incidentId`; [IC9] an anonymous caller is linked too. */
export function linkPayload(draft: CallDraft, incidentId: string): Checked<Omit<LinkCallerInput, 'commandId'>> {
  const notes = [draft.locationNotes.trim() && `At: ${draft.locationNotes.trim()}`, draft.notes.trim()].filter((s) => s !== '').join(' — ');
  const payload = { incidentId, callerName: draft.callerName.trim(), callbackNumber: draft.callbackNumber.trim(), notes };
  const problems = problemsOf(LinkCheck, payload);
  return problems ? { ok: false, message: problems } : { ok: true, payload };
}

/** The `call:dispose` payload: [IC9] even a call with no number (an abandoned withheld call) is closed. */
export function disposePayload(draft: CallDraft, disposition: Disposition, notes: string): Checked<Omit<CallDisposeInput, 'commandId'>> {
  const payload = {
    callbackNumber: draft.callbackNumber.trim(),
    callerName: draft.callerName.trim(),
    disposition,
    notes: notes.trim(),
    callStartedAt: draft.startedAt,
  };
  const problems = problemsOf(DisposeCheck, payload);
  return problems ? { ok: false, message: problems } : { ok: true, payload };
}

/** "Still needed: location, incident type." */
export function missingLine(problems: readonly string[]): string {
  return `Still needed: ${problems.join(', ')}.`;
}
