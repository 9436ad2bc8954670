import { z } from 'zod';
import { LngLatSchema } from '../../../shared/geo/position.ts';
import type { DraftStorage } from '../calls/draftStore.ts';
import { DESK_CHANNELS, type TicketDraft } from './ticketDraft.ts';

/**
 * A ticket draft as kept in the browser, read back through a schema: storage may hold anything (an older console's
 * draft, a hand edit), and a bad draft must never stop the desk from opening.
 */
const StoredTicketDraftSchema = z.object({
  startedAt: z.number().int().positive(),
  menuDigit: z.string().regex(/^[0-9]$/).nullable(),
  serviceCode: z.string().nullable(),
  callbackNumber: z.string(),
  callerName: z.string(),
  email: z.string(),
  extra: z.record(z.string(), z.string()),
  locationText: z.string(),
  position: LngLatSchema.nullable(),
  locationSource: z.enum(['coordinates', 'place', 'map']).nullable(),
  address: z.string(),
  description: z.string(),
  channel: z.enum(DESK_CHANNELS),
});

/** One draft per signed-in agent, apart from call-taking's drafts. */
export function ticketDraftKey(userId: string): string {
  return `cad.ticketDraft.v1.${userId}`;
}

/** [CS2] Keeps the request being logged after every change; a storage failure is swallowed (the draft is on screen). */
export function saveTicketDraft(storage: DraftStorage, userId: string, draft: TicketDraft): void {
  try {
    storage.setItem(ticketDraftKey(userId), JSON.stringify(draft));
  } catch {
    // Full or disabled storage: nothing better to do.
  }
}

/** [CS2] The draft kept for this agent, or null; an unreadable one is dropped. */
export function loadTicketDraft(storage: DraftStorage, userId: string): TicketDraft | null {
  try {
    const text = storage.getItem(ticketDraftKey(userId));
    if (text === null) return null;
    const parsed = StoredTicketDraftSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    storage.removeItem(ticketDraftKey(userId));
  } catch {
    // Unreadable JSON or refused storage: start without a draft.
  }
  return null;
}

/** [CS2] Forgets the draft once the ticket is created, the caller linked, or the draft discarded. */
export function clearTicketDraft(storage: DraftStorage, userId: string): void {
  try {
    storage.removeItem(ticketDraftKey(userId));
  } catch {
    // Storage refused; the next save overwrites it anyway.
  }
}
