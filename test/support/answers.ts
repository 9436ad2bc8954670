import type { Result } from '../../shared/protocol/result.ts';

/** The code of an answer: `ok`, or the refusal's code. */
export const codeOf = (answer: Result<unknown>): string => (answer.ok ? 'ok' : answer.error.code);

/** The data of an answer that must have succeeded; a refusal fails the test with its code and message. */
export function dataOf<T>(answer: Result<T>): T {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.data;
}
