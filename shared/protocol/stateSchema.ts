import { z } from 'zod';
import { IncidentSchema } from '../incidents/incidentSchema.ts';
import { UnitSchema } from '../units/unitSchema.ts';

/** The facts the server broadcasts; each is one journal entry. */
export const FACTS = ['incident:created', 'incident:closed', 'dispatch:assigned', 'unit:status_changed'] as const;
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
  actor: z.object({ role: z.string(), operatorId: z.string(), unitId: z.string().optional() }),
  incidents: z.array(IncidentSchema),
  units: z.array(UnitSchema),
});
export type Delta = z.infer<typeof DeltaSchema>;

/** [RT1] Everything a console needs on connect, consistent at `version`. */
export const SnapshotSchema = z.object({
  version: z.number().int().nonnegative(),
  at: z.number().int(),
  units: z.array(UnitSchema),
  incidents: z.array(IncidentSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const SyncSinceInputSchema = z.object({ version: z.number().int().nonnegative() });
export type SyncSinceInput = z.infer<typeof SyncSinceInputSchema>;

/** [RT3] The answer to a gap: the missed deltas, or a fresh snapshot when too far behind. */
export type SyncAnswer = { kind: 'deltas'; deltas: Delta[] } | { kind: 'snapshot'; snapshot: Snapshot };
