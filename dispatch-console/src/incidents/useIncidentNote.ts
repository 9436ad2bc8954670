import { useCallback, useRef, useState } from 'react';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { NoteTextSchema } from '../../../shared/incidents/noteSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';

/** The note being written on one incident, and sending it. */
export interface IncidentNoteBox {
  text: string;
  setText: (text: string) => void;
  isSending: boolean;
  /** Why the last note was not added, in plain words; null when it was (or none was sent). */
  error: string | null;
  /** [NR1] Adds the note; resolves with the incident as the server now keeps it, or null when it was not added. */
  send: () => Promise<Incident | null>;
}

/**
 * [NR1][NR5] A note box for `incidentId`. Each incident keeps its own draft, so a dispatcher who selects another
 * incident mid-sentence finds the words again on coming back. The shared schema is checked before sending (a note
 * too long or with a tab is said at once, in the same words the server's refusal would get); the command client
 * resends with the same commandId across a dropped connection, so a note is added once.
 */
export function useIncidentNote(commands: CommandClient, incidentId: string): IncidentNoteBox {
  const [drafts, setDrafts] = useState<Readonly<Record<string, string>>>({});
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [sendingId, setSendingId] = useState<string | null>(null);
  const busy = useRef(false);
  const text = drafts[incidentId] ?? '';

  const setText = useCallback((value: string) => setDrafts((current) => ({ ...current, [incidentId]: value })), [incidentId]);
  const setError = useCallback((id: string, error: string | null) => {
    setErrors((current) => {
      const next = { ...current };
      if (error === null) delete next[id];
      else next[id] = error;
      return next;
    });
  }, []);

  const send = useCallback(async (): Promise<Incident | null> => {
    if (busy.current || text.trim().length === 0) return null;
    const payload = { incidentId, text };
    const checked = NoteTextSchema.safeParse(text);
    if (!checked.success) {
      const issues = checked.error.issues.map((issue) => ({ path: 'text', message: issue.message }));
      setError(incidentId, formatCommandError({ code: 'validation_failed', message: '', issues }, undefined, payload));
      return null;
    }
    busy.current = true;
    setSendingId(incidentId);
    setError(incidentId, null);
    const answer = await commands.sendCommand('incident:add_note', payload);
    busy.current = false;
    setSendingId(null);
    if (!answer.ok) {
      setError(incidentId, formatCommandError(answer.error, undefined, payload));
      return null;
    }
    // Only the words sent are cleared: anything typed while it was on its way stays.
    setDrafts((current) => ({ ...current, [incidentId]: current[incidentId] === text ? '' : (current[incidentId] ?? '') }));
    return answer.data;
  }, [commands, incidentId, setError, text]);

  return { text, setText, isSending: sendingId === incidentId, error: errors[incidentId] ?? null, send };
}
