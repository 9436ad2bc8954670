import { z } from 'zod';
import { LngLatSchema } from '../../../shared/geo/position.ts';
import { IncidentTypeIdSchema } from '../../../shared/incidents/incidentTypes.ts';
import { KeyAnswersSchema } from '../../../shared/incidents/classifyIncident.ts';
import type { CallDraft } from './callDraft.ts';

/** The part of the Web Storage API the store uses (`localStorage` in the browser, a map in tests). */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * A draft as kept in the browser. Read back through a schema: the storage may hold a draft written by an older
 * console, or anything at all, and a bad draft must never stop the console from starting.
 */
const StoredDraftSchema = z.object({
  startedAt: z.number().int().positive(),
  callbackNumber: z.string(),
  callerName: z.string(),
  locationText: z.string(),
  position: LngLatSchema.nullable(),
  locationSource: z.enum(['coordinates', 'place', 'map']).nullable(),
  locationNotes: z.string(),
  type: IncidentTypeIdSchema.nullable(),
  answers: KeyAnswersSchema,
  notes: z.string(),
});

/** One draft per signed-in user, so a colleague signing in at the same desk never sees another's call. */
export function draftKey(userId: string): string {
  return `cad.callDraft.v1.${userId}`;
}

/**
 * [IC10] Keeps the call being taken, after every change, until the call ends. Storage can fail (full, or
 * disabled by policy); the call goes on regardless, so a failure is swallowed.
 */
export function saveDraft(storage: DraftStorage, userId: string, draft: CallDraft): void {
  try {
    storage.setItem(draftKey(userId), JSON.stringify(draft));
  } catch {
    // Nothing better to do: the draft is still on screen.
  }
}

/** [IC10] The draft kept for this user, or null; an unreadable one is dropped. */
export function loadDraft(storage: DraftStorage, userId: string): CallDraft | null {
  try {
    const text = storage.getItem(draftKey(userId));
    if (text === null) return null;
    const parsed = StoredDraftSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    storage.removeItem(draftKey(userId));
  } catch {
    // Unreadable JSON, or storage refused: start without a draft.
  }
  return null;
}

/** [IC10] Forgets the draft once the call is created, linked, closed or discarded. */
export function clearDraft(storage: DraftStorage, userId: string): void {
  try {
    storage.removeItem(draftKey(userId));
  } catch {
    // Storage refused; the next save overwrites it anyway.
  }
}

/** The browser's storage, or null where there is none (private modes, tests without a DOM). */
export function browserStorage(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
