import { z } from 'zod';
import { LngLatSchema } from '../../../shared/geo/position.ts';
import { draftStore, type DraftStore } from '../calls/draftStore.ts';
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

/** [CS2] The request being logged, one per signed-in agent, apart from call-taking's drafts. */
export const TICKET_DRAFTS: DraftStore<TicketDraft> = draftStore('ticketDraft', StoredTicketDraftSchema);
