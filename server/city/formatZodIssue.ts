import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** Formats a path the way it reads in code: `geometry.coordinates[0][3]`. */
export function formatIssuePath(path: readonly PathKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** The most specific issue: inside a failed union, the branch with the fewest issues (the one the record almost matched). */
function mostSpecificIssue(issue: Issue, prefix: readonly PathKey[]): { issue: Issue; path: PathKey[] } {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { issue, path };
  const branches = [...issue.errors].sort((a, b) => a.length - b.length);
  const closest = branches[0]?.[0];
  return closest === undefined ? { issue, path } : mostSpecificIssue(closest, path);
}

/** One line for a zod error: `path: message` of its first issue, plus how many more there are. */
export function formatZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (first === undefined) return 'invalid';
  const { issue, path } = mostSpecificIssue(first, []);
  const where = formatIssuePath(path);
  const message = issue.message.replace(/^Invalid input: /, '');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more issues)` : '';
  return `${where === '' ? '' : `${where}: `}${message}${more}`;
}
