import { z } from 'zod';
import { DeskSchema, RoleSchema } from '../auth/roles.ts';
import { CommandIdSchema } from '../protocol/command.ts';

/** [NR1] The longest note, after trimming; the consoles count against it as the note is typed. */
export const NOTE_MAX_LENGTH = 1000;

/** [NR2] The most notes one incident keeps: the narrative stays readable and the document bounded. */
export const MAX_NOTES_PER_INCIDENT = 200;

/** [NR2] How long after its close an incident still takes notes: a late report (the hospital's word, a callback) is normal. */
export const NOTE_WINDOW_HOURS = 24;
export const NOTE_WINDOW_MS = NOTE_WINDOW_HOURS * 3_600_000;

/** Any control character but the line break (tabs, carriage returns, escapes, NUL…). */
const CONTROL_CHARACTER = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

/** [NR1] A note as typed: trimmed, 1 to `NOTE_MAX_LENGTH` characters, line breaks allowed, no other control characters. */
export const NoteTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(NOTE_MAX_LENGTH)
  .refine((text) => !CONTROL_CHARACTER.test(text), { message: 'letters, digits, punctuation and line breaks only (no tabs or control characters)' });

/** [NR1] Who wrote a note: the username and role, and the desk (a dispatcher) or the vehicle (a crew) they wrote from. */
export const NoteAuthorSchema = z.object({
  operatorId: z.string(),
  role: RoleSchema,
  desk: DeskSchema.optional(),
  unitId: z.string().optional(),
  callSign: z.string().optional(),
});
export type NoteAuthor = z.infer<typeof NoteAuthorSchema>;

/** [NR1] One free-text note kept on the incident, oldest first. */
export const IncidentNoteSchema = z.object({
  id: z.string(),
  at: z.number().int(),
  by: NoteAuthorSchema,
  text: z.string(),
});
export type IncidentNote = z.infer<typeof IncidentNoteSchema>;

/** [NR1] `incident:add_note`. */
export const IncidentAddNoteInputSchema = z.object({
  commandId: CommandIdSchema,
  incidentId: z.string().min(1).max(40),
  text: NoteTextSchema,
});
export type IncidentAddNoteInput = z.infer<typeof IncidentAddNoteInputSchema>;
