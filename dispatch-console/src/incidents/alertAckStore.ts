import { z } from 'zod';
import type { DraftStorage } from '../calls/draftStore.ts';
import type { AlertAcknowledgement } from './echoAlerts.ts';

/**
 * Acknowledgements as kept in the browser, read back through a schema: storage may hold anything, and a bad entry
 * must never stop the board (it only means an alert shows again). Bounded: a desk never holds more open incidents.
 */
const StoredAcknowledgementsSchema = z
  .array(z.object({ incidentId: z.string().min(1).max(40), waitingSince: z.number().int().nonnegative() }))
  .max(1000);

/** [IQ4] One list per signed-in user and desk: a colleague, or the same person at another desk, hears every alert. */
export function alertAckKey(userId: string, desk: string | undefined): string {
  return `cad.echoAcks.v1.${userId}.${desk ?? 'board'}`;
}

/** [IQ4] The acknowledgements kept under `key`; an unreadable list is dropped (its alerts show again). */
export function loadAcknowledgements(storage: DraftStorage, key: string): AlertAcknowledgement[] {
  try {
    const text = storage.getItem(key);
    if (text === null) return [];
    const parsed = StoredAcknowledgementsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    storage.removeItem(key);
  } catch {
    // Unreadable JSON, or storage refused: no acknowledgement, so every alert shows.
  }
  return [];
}

/** [IQ4] Keeps the acknowledgements under `key` (none: the key is removed). A refusing storage is ignored. */
export function saveAcknowledgements(storage: DraftStorage, key: string, acknowledged: readonly AlertAcknowledgement[]): void {
  try {
    if (acknowledged.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(acknowledged));
  } catch {
    // Full or disabled storage: the acknowledgement still holds until the page reloads.
  }
}
