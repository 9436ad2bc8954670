import { z } from 'zod';
import { IncidentSchema } from '../incidents/incidentSchema.ts';
import { CallRecordSchema } from '../callers/callerSchema.ts';
import { UnitSchema } from '../units/unitSchema.ts';
import { ActorSchema } from '../auth/roles.ts';
import { TicketSchema } from '../tickets/ticketSchema.ts';

/** The facts the server broadcasts; each is one journal entry. */
export const FACTS = ['incident:created', 'incident:closed', 'incident:caller_linked', 'dispatch:assigned', 'unit:acknowledged', 'unit:status_changed', 'call:disposed', 'unit:crew_changed', 'incident:reopened', 'incident:updated', 'dispatch:released', 'dispatch:diverted', 'incident:note_added', 'ticket:created', 'ticket:updated', 'ticket:caller_linked', 'ticket:callback_recorded', 'ticket:escalated', 'unit:registered'] as const;
export const FactSchema = z.enum(FACTS);
export type Fact = z.infer<typeof FactSchema>;

/**
 * [RT2] One change to the live state: the journal entry's version and the after-state of
 * every incident and unit it touched. Versions increase by exactly one per change.
 */
export const DeltaSchema = z.object({
  version: z.number().int().positive(),
  at: z.number().int(),
  fact: FactSchema,
  actor: ActorSchema,
  incidents: z.array(IncidentSchema),
  units: z.array(UnitSchema),
  /** Call records the change added to callers' histories. */
  calls: z.array(CallRecordSchema).default([]),
  /** [CC2] Care Connect tickets the change wrote. */
  tickets: z.array(TicketSchema).default([]),
});
export type Delta = z.infer<typeof DeltaSchema>;

/** Rules of the live system a console needs to know. */
export const LiveSettingsSchema = z.object({
  /** [AK2] A crew that has not acknowledged within this many seconds raises an alarm on the board. */
  ackDeadlineSeconds: z.number().int().positive(),
  stalePositionSeconds: z.number().int().positive(),
});
export type LiveSettings = z.infer<typeof LiveSettingsSchema>;

/** [RT1] Everything a console needs on connect, consistent at `version`. */
export const SnapshotSchema = z.object({
  version: z.number().int().nonnegative(),
  at: z.number().int(),
  settings: LiveSettingsSchema,
  units: z.array(UnitSchema),
  incidents: z.array(IncidentSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const SyncSinceInputSchema = z.object({ version: z.number().int().nonnegative() });
export type SyncSinceInput = z.infer<typeof SyncSinceInputSchema>;

/**
 * [RT3] The answer to a gap: the missed deltas, or a fresh snapshot when too far behind.
 * `version` is the version the console is at once it has applied `deltas`: an agency desk is sent
 * only the deltas that concern it, so the last one it gets may be older than the journal's head. [DK2]
 */
export const SyncAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deltas'), deltas: z.array(DeltaSchema), version: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('snapshot'), snapshot: SnapshotSchema }),
]);
export type SyncAnswer = z.infer<typeof SyncAnswerSchema>;

/**
 * [DK2] Tells a console that versions went by that did not concern it, so it sees no gap: of versions `from`..`version`,
 * every delta meant for it was sent before this tick. A console at `from - 1` or later moves to `version`.
 */
export const VersionTickSchema = z.object({ from: z.number().int().positive(), version: z.number().int().positive() }).refine((tick) => tick.from <= tick.version + 1, 'from is at most version + 1');
export type VersionTick = z.infer<typeof VersionTickSchema>;
