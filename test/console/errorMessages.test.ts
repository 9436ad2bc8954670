import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors/errorCodes.ts';
import { IncidentCreateInputSchema } from '../../shared/incidents/incidentSchema.ts';
import { formatCommandError } from '../../dispatch-console/src/realtime/commandErrors.ts';
import { ERROR_SENTENCES } from '../../dispatch-console/src/realtime/errorSentences.ts';
import { formatCount, issueSentence } from '../../dispatch-console/src/realtime/issueSentences.ts';

/** The issues the server would answer for `payload`, as runCommand builds them. */
function serverIssues(payload: unknown): { path: string; message: string }[] {
  const parsed = IncidentCreateInputSchema.safeParse(payload);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(payload)', message: issue.message }));
}

const VALID = { commandId: 'cmd-12345678', type: 'structure_fire', location: [28.04, -26.2] };

describe('[IC11] refusals in plain words', () => {
  it('[IC11] every error code has a sentence: a new code without one fails here', () => {
    for (const code of ERROR_CODES) {
      const sentence = ERROR_SENTENCES[code];
      expect(sentence, code).toMatch(/^[A-Z].*\.$/);
      expect(sentence, code).not.toMatch(/_/);
      // The server's message is for the log; the operator sees the sentence, without the code.
      expect(formatCommandError({ code, message: `${code}: internal words` })).toBe(sentence);
    }
  });

  it('[IC11] notes that are too long are counted: "Notes are too long: 2,134 of 2,000 characters"', () => {
    const payload = { ...VALID, notes: 'x'.repeat(2134) };
    const issues = serverIssues(payload);
    const line = formatCommandError({ code: 'validation_failed', message: `incident:create: notes: ${issues[0]?.message ?? ''}`, issues }, undefined, payload);
    expect(line).toBe('Notes are too long: 2,134 of 2,000 characters. Shorten them.');
    expect(formatCommandError({ code: 'validation_failed', message: '', issues }, undefined)).toBe('Notes are too long: at most 2,000 characters. Shorten them.');
  });

  it('[IC11] a latitude out of range is said in degrees, not in Web Mercator', () => {
    const issues = serverIssues({ ...VALID, location: [28.04, -91] });
    expect(formatCommandError({ code: 'validation_failed', message: 'x', issues })).toBe('Latitude must be between −85° and 85°.');
    expect(issueSentence({ path: 'location.0', message: 'Too big: expected number to be <=180' })).toBe('Longitude must be between −180° and 180°.');
  });

  it('[IC11] each problem is shown once, and several problems each in their words', () => {
    const issues = serverIssues({ ...VALID, type: 'alien_landing', callbackNumber: 'call me', locationNotes: 'y'.repeat(301) });
    const line = formatCommandError({ code: 'validation_failed', message: 'x', issues: [...issues, ...issues] }, undefined, { locationNotes: 'y'.repeat(301) });
    expect(line).toBe(
      [
        'Choose the incident type from the list.',
        'Landmark notes are too long: 301 of 300 characters. Shorten them.',
        'The callback number is not a phone number: type its digits (e.g. 082 555 0147), "withheld", or leave it empty.',
      ].join(' '),
    );
    expect(line).not.toMatch(/validation_failed|Too big|expected/);
  });

  it('[IC11][CM5][IC8] the clock and a misheard reference are explained with what to do', () => {
    expect(issueSentence({ path: 'callStartedAt', message: 'in the future' })).toMatch(/clock is ahead/);
    expect(formatCommandError({ code: 'validation_failed', message: 'x', issues: [{ path: 'reference', message: 'check digit' }] })).toMatch(/a digit may have been misheard/);
  });

  it('[IC11] a unit is named by its call sign', () => {
    expect(formatCommandError({ code: 'unit_not_available', message: 'x', unitId: 'als-b03' }, () => 'ALS-B03')).toBe('ALS-B03 is no longer available: choose another unit.');
    expect(formatCount(2134)).toBe('2,134');
    expect(formatCount(999)).toBe('999');
  });
});
