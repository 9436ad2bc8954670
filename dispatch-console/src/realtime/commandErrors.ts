import type { CommandError } from '../../../shared/errors/errorCodes.ts';
import { ERROR_SENTENCES, UNIT_PHRASES } from './errorSentences.ts';
import { issueSentence } from './issueSentences.ts';

/**
 * [IC11] What went wrong, in plain words, each problem once: a unit named by its call sign ("ALS-B03 is no longer
 * available: choose another unit."), each field issue as a sentence naming the field and what to do, otherwise the
 * code's sentence. The server's message is not repeated: it is written for the log and repeats the issues.
 * `payload` is what was sent, so that a too-long text can be counted ("2,134 of 2,000 characters").
 */
export function formatCommandError(error: CommandError, callSignOf: (unitId: string) => string | undefined = () => undefined, payload?: unknown): string {
  const phrase = UNIT_PHRASES[error.code];
  if (phrase && error.unitId) return `${callSignOf(error.unitId) ?? error.unitId.toUpperCase()} ${phrase}`;
  const issues = error.code === 'validation_failed' ? (error.issues ?? []) : [];
  const sentences = [...new Set(issues.map((issue) => issueSentence(issue, payload)))];
  return sentences.length > 0 ? sentences.join(' ') : ERROR_SENTENCES[error.code];
}
