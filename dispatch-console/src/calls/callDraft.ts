import type { LngLat } from '../../../shared/geo/position.ts';
import type { IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';
import { incidentType } from '../../../shared/incidents/incidentTypes.ts';
import type { KeyAnswers } from '../../../shared/incidents/classifyIncident.ts';
import type { IncidentCreatePayload, LinkCallerInput } from '../../../shared/incidents/incidentSchema.ts';
import type { CallDisposeInput, Disposition } from '../../../shared/callers/callerSchema.ts';

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

type Checked<T> = { ok: true; payload: T } | { ok: false; problems: string[] };

function callerProblems(draft: CallDraft): string[] {
  const problems: string[] = [];
  if (digitCount(draft.callbackNumber) < 3) problems.push('callback number');
  if (draft.callerName.trim() === '') problems.push('caller name');
  return problems;
}

/** The `incident:create` payload (without the commandId), or what is still missing, in call order. */
export function createPayload(draft: CallDraft): Checked<Omit<IncidentCreatePayload, 'commandId'>> {
  const problems = callerProblems(draft);
  if (!draft.position) problems.push('location');
  if (!draft.type) problems.push('incident type');
  if (!draft.position || !draft.type || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    payload: {
      type: draft.type,
      location: draft.position,
      locationNotes: draft.locationNotes.trim(),
      callerName: draft.callerName.trim(),
      callbackNumber: draft.callbackNumber.trim(),
      notes: draft.notes.trim(),
      answers: answersForType(draft.type, draft.answers),
      callStartedAt: draft.startedAt,
    },
  };
}

/** The `incident:link_caller` payload for linking this caller to `incidentId`, or what is missing. */
export function linkPayload(draft: CallDraft, incidentId: string): Checked<Omit<LinkCallerInput, 'commandId'>> {
  const problems = callerProblems(draft);
  if (problems.length > 0) return { ok: false, problems };
  const notes = [draft.locationNotes.trim() && `At: ${draft.locationNotes.trim()}`, draft.notes.trim()].filter((s) => s !== '').join(' — ');
  return { ok: true, payload: { incidentId, callerName: draft.callerName.trim(), callbackNumber: draft.callbackNumber.trim(), notes } };
}

/** The `call:dispose` payload: a callback number is all a disposition needs. */
export function disposePayload(draft: CallDraft, disposition: Disposition, notes: string): Checked<Omit<CallDisposeInput, 'commandId'>> {
  if (digitCount(draft.callbackNumber) < 3) return { ok: false, problems: ['callback number'] };
  return {
    ok: true,
    payload: {
      callbackNumber: draft.callbackNumber.trim(),
      callerName: draft.callerName.trim(),
      disposition,
      notes: notes.trim(),
      callStartedAt: draft.startedAt,
    },
  };
}

/** "Still needed: caller name, location." */
export function missingLine(problems: readonly string[]): string {
  return `Still needed: ${problems.join(', ')}.`;
}
