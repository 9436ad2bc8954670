import { z } from 'zod';
import { CallbackEntrySchema, CallbackNumberSchema, CallbackStatusSchema } from './callerIdentity.ts';
import { CommandIdSchema } from '../protocol/command.ts';

/** What became of a call that did not create an incident. */
export const DISPOSITIONS = ['hoax', 'accidental', 'abandoned', 'test', 'non_emergency'] as const;
export const DispositionSchema = z.enum(DISPOSITIONS);
export type Disposition = z.infer<typeof DispositionSchema>;

export const DISPOSITION_LABELS: Record<Disposition, string> = {
  hoax: 'Hoax / prank',
  accidental: 'Accidental dial',
  abandoned: 'Abandoned / dropped',
  test: 'Test call',
  non_emergency: 'Non-emergency (referred to Care Connect)',
};

/** [CH2] A call closed without an incident. */
export const CallDisposeInputSchema = z.object({
  commandId: CommandIdSchema,
  /** [IC9] An abandoned call from a withheld number is still closed and journaled; it joins no number's history. */
  callbackNumber: CallbackEntrySchema,
  callerName: z.string().trim().max(80).default(''),
  disposition: DispositionSchema,
  notes: z.string().trim().max(1000).default(''),
  callStartedAt: z.number().int().positive().optional(),
});
export type CallDisposeInput = z.infer<typeof CallDisposeInputSchema>;

/** One earlier call from a number: an incident it reported, a call it was linked to, or a disposition. */
export const CallRecordSchema = z.object({
  id: z.string(),
  at: z.number().int(),
  /** The canonical number; [IC9] null when the call came with none (withheld or not given). */
  number: z.string().nullable(),
  /** Records kept before [IC9] always had a number. */
  callbackStatus: CallbackStatusSchema.default('given'),
  callerName: z.string(),
  operatorId: z.string(),
  outcome: z.enum(['incident', 'linked', 'disposition']),
  incidentId: z.string().nullable(),
  disposition: DispositionSchema.nullable(),
  notes: z.string(),
  /** When the call was answered, if the console reported it. */
  callStartedAt: z.number().int().nullable().default(null),
});
export type CallRecord = z.infer<typeof CallRecordSchema>;

export const CallerHistoryInputSchema = z.object({ callbackNumber: CallbackNumberSchema });
export type CallerHistoryInput = z.infer<typeof CallerHistoryInputSchema>;

/** A number's earlier calls, newest first, and whether it is flagged for repeated hoaxes. */
export const CallerHistorySchema = z.object({
  number: z.string(),
  calls: z.array(CallRecordSchema),
  hoaxCount: z.number().int().nonnegative(),
  isFlagged: z.boolean(),
  flagReason: z.string().nullable(),
});
export type CallerHistory = z.infer<typeof CallerHistorySchema>;

export const HoaxRegistryInputSchema = z.object({ sinceDays: z.number().int().min(1).max(3650).default(365) });
export type HoaxRegistryInput = z.infer<typeof HoaxRegistryInputSchema>;

/** [CH4] The hoax registry as evidence: every number with hoax calls, each call with its time and call-taker. */
export const HoaxRegistrySchema = z.object({
  generatedAt: z.number().int(),
  sinceDays: z.number().int(),
  numbers: z.array(z.object({ number: z.string(), hoaxCount: z.number().int(), isFlagged: z.boolean(), calls: z.array(CallRecordSchema) })),
});
export type HoaxRegistry = z.infer<typeof HoaxRegistrySchema>;
