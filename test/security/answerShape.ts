import { resolve } from 'node:path';
import { ERROR_CODES } from '../../shared/errors/errorCodes.ts';

const REPOSITORY = resolve(import.meta.dirname, '../..');
const ERROR_CODE_SET: ReadonlySet<string> = new Set(ERROR_CODES);

/**
 * What an answer's text shows of the server's insides, if anything: a stack frame, a dependency's
 * folder, a source file with its line, or the repository's path on disk.
 */
export function leakIn(text: string): string | null {
  if (text.includes('node_modules')) return 'a node_modules path';
  if (text.includes('    at ')) return 'a stack frame';
  if (/\.(ts|js|mjs|cjs):\d+/.test(text)) return 'a source file and line';
  if (text.includes(REPOSITORY)) return 'the repository path';
  return null;
}

/**
 * [CM2] Why an answer is not the one result shape, or null when it is: `{ ok: true, data }`, or
 * `{ ok: false, error: { code, message } }` with a code of ERROR_CODES and a string message.
 */
export function resultShapeProblem(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return 'not an object';
  const record = answer as Record<string, unknown>;
  if (record.ok === true) return 'data' in record ? null : 'ok without data';
  if (record.ok !== false) return 'ok is neither true nor false';
  const error = record.error;
  if (typeof error !== 'object' || error === null) return 'a refusal without an error object';
  const { code, message } = error as Record<string, unknown>;
  if (typeof code !== 'string' || !ERROR_CODE_SET.has(code)) return `error code ${JSON.stringify(code)} is not one of ERROR_CODES`;
  if (typeof message !== 'string') return 'an error without a message';
  return null;
}
