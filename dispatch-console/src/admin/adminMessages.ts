import type { CommandError } from '../../../shared/errors/errorCodes.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';

/** One problem with a field of the user forms, in plain words. */
const FIELD_TEXT: Record<string, string> = {
  username: 'Username: 2 to 40 letters or digits (and . _ @ -), no spaces.',
  displayName: "Name: enter the person's name as colleagues know it.",
  role: 'Role: choose a role.',
  desks: 'Desks: tick at least one desk for a dispatcher (only dispatchers sit at a desk).',
  department: 'Department: choose the department a department officer works for (only officers have one).',
  password: 'Password: at least 10 characters.',
};

/** The fields with problems (from a zod issue path or the server's `issues`), each once, in form order. */
export function fieldProblems(paths: readonly string[]): string[] {
  return Object.keys(FIELD_TEXT)
    .filter((field) => paths.some((path) => path === field || path.startsWith(`${field}.`)))
    .map((field) => FIELD_TEXT[field] ?? field);
}

/** What went wrong with an administrator's command, in plain words. */
export function adminErrorText(error: CommandError, username?: string): string {
  if (error.code === 'user_exists') return `A user called ${username ?? 'that'} already exists: choose another username.`;
  if (error.code === 'user_not_found') return 'That user no longer exists. Refresh the list.';
  if (error.code === 'validation_failed' && error.issues) {
    const problems = fieldProblems(error.issues.map((issue) => issue.path));
    if (problems.length > 0) return problems.join(' ');
  }
  return formatCommandError(error);
}
