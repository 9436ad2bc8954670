import { z } from 'zod';
import { CommandErrorSchema, type CommandError } from '../../shared/errors/errorCodes.ts';
import { IncidentSchema } from '../../shared/incidents/incidentSchema.ts';
import { CallRecordSchema } from '../../shared/callers/callerSchema.ts';
import { TicketSchema } from '../../shared/tickets/ticketSchema.ts';
import { FactSchema, type Delta } from '../../shared/protocol/stateSchema.ts';
import { ActorSchema } from '../../shared/auth/roles.ts';
import { unitFromRecord } from '../units/unitRecord.ts';

const CommittedSchema = z.object({
  ok: z.literal(true),
  version: z.number().int().positive(),
  fact: FactSchema,
  at: z.number().int(),
  actor: ActorSchema,
  incidents: z.array(IncidentSchema),
  units: z.array(z.record(z.string(), z.string())),
  calls: z.array(CallRecordSchema).default([]),
  tickets: z.array(TicketSchema).default([]),
});
const RefusedSchema = z.object({ ok: z.literal(false), error: CommandErrorSchema });
const RetrySchema = z.object({ retry: z.literal(true) });

/** What a command script answered: a committed change, a coded refusal, or "state moved, read again". */
export type ScriptAnswer = { kind: 'committed'; delta: Delta } | { kind: 'refused'; error: CommandError } | { kind: 'retry' };

/** Parses a command script's JSON reply. */
export function parseScriptAnswer(reply: unknown): ScriptAnswer {
  if (typeof reply !== 'string') throw new Error(`script answered ${typeof reply}, expected a JSON string`);
  const json: unknown = JSON.parse(reply);
  if (RetrySchema.safeParse(json).success) return { kind: 'retry' };
  const refused = RefusedSchema.safeParse(json);
  if (refused.success) return { kind: 'refused', error: refused.data.error };
  return { kind: 'committed', delta: deltaFromCommitted(json) };
}

/** Validates a committed change (from a script answer or a journal entry) into a `Delta`. */
export function deltaFromCommitted(json: unknown): Delta {
  const committed = CommittedSchema.parse(json);
  const { version, fact, at, actor, incidents, calls, tickets } = committed;
  return { version, fact, at, actor, incidents, units: committed.units.map(unitFromRecord), calls, tickets };
}
