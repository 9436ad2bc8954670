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

/** A kind of draft kept in the browser: one per signed-in user, read back through its schema. */
export interface DraftStore<T> {
  key(userId: string): string;
  /** Keeps the draft after every change; a storage failure is swallowed (the draft is still on screen). */
  save(storage: DraftStorage, userId: string, draft: T): void;
  /** The draft kept for this user, or null; an unreadable one is dropped. */
  load(storage: DraftStorage, userId: string): T | null;
  /** Forgets the draft once its work is done or discarded. */
  clear(storage: DraftStorage, userId: string): void;
}

/**
 * [IC10][CS2] A draft store under `cad.<name>.v1.<userId>`: one draft per signed-in user, so a colleague signing in
 * at the same desk never sees another's work. Storage can fail (full, or disabled by policy); the work goes on
 * regardless, so failures are swallowed, and a stored draft that does not read as `schema` is dropped.
 */
export function draftStore<T>(name: string, schema: z.ZodType<T>): DraftStore<T> {
  const key = (userId: string): string => `cad.${name}.v1.${userId}`;
  return {
    key,
    save(storage, userId, draft) {
      try {
        storage.setItem(key(userId), JSON.stringify(draft));
      } catch {
        // Nothing better to do: the draft is still on screen.
      }
    },
    load(storage, userId) {
      try {
        const text = storage.getItem(key(userId));
        if (text === null) return null;
        const parsed = schema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        storage.removeItem(key(userId));
      } catch {
        // Unreadable JSON, or storage refused: start without a draft.
      }
      return null;
    },
    clear(storage, userId) {
      try {
        storage.removeItem(key(userId));
      } catch {
        // Storage refused; the next save overwrites it anyway.
      }
    },
  };
}

/** [IC10] The call being taken, kept until the call is created, linked, closed or discarded. */
export const CALL_DRAFTS: DraftStore<CallDraft> = draftStore('callDraft', StoredDraftSchema);

/** The browser's storage, or null where there is none (private modes, tests without a DOM). */
export function browserStorage(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
