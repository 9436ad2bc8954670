import type { CommandError } from '../../../shared/errors/errorCodes.ts';

/** Plain words for the codes a dispatcher meets; the server's message adds the detail. */
const UNIT_PHRASES: Partial<Record<CommandError['code'], string>> = {
  unit_not_available: 'is no longer available',
  unit_not_found: 'is not in the fleet',
  status_transition_not_allowed: 'cannot change to that status now',
};

/**
 * One line for the operator, always ending with the code in brackets, e.g.
 * "ALS-B03 is no longer available (unit_not_available)".
 */
export function formatCommandError(error: CommandError, callSignOf: (unitId: string) => string | undefined = () => undefined): string {
  const phrase = UNIT_PHRASES[error.code];
  if (phrase && error.unitId) {
    const name = callSignOf(error.unitId) ?? error.unitId;
    return `${name} ${phrase} (${error.code})`;
  }
  const issues = error.issues?.map((issue) => (issue.path && !issue.message.startsWith(issue.path) ? `${issue.path}: ${issue.message}` : issue.message)) ?? [];
  const detail = issues.length > 0 ? ` ${issues.join('; ')}` : '';
  const message = error.message.trim() || error.code.replace(/_/g, ' ');
  return `${message}${detail} (${error.code})`;
}
