import type { CommandError } from '../../../shared/errors/errorCodes.ts';
import { Open311KeyNameSchema, type Open311Key } from '../../../shared/open311/open311KeySchema.ts';
import { formatDate } from '../care/ticketWords.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';

/** [CS12] The words shown beside a new key: nobody can read it again, not even the administrator. */
export const SHOWN_ONCE = "Shown once: give it to the app's developer now; the server keeps only its hash";

/** [CS12] The key name's rule (Open311KeyNameSchema) in plain words. */
export const KEY_NAME_RULE = 'App name: 2 to 40 lowercase letters, digits, . _ or -, starting with a letter or digit (e.g. fixmyjoburg).';

/** The server's words for a name already taken (server/open311/open311Keys.ts), the one refusal the form cannot foresee. */
const NAME_TAKEN = 'a key with this name already exists';

export type CheckedKeyName = { ok: true; name: string } | { ok: false; problem: string };

/** [CS12] A typed app name as the server keeps it (trimmed, in lowercase), or what is wrong with it. Pure. */
export function checkedKeyName(text: string): CheckedKeyName {
  if (text.trim() === '') return { ok: false, problem: "App name: type the name of the app the key is for (e.g. fixmyjoburg)." };
  const parsed = Open311KeyNameSchema.safeParse(text);
  return parsed.success ? { ok: true, name: parsed.data } : { ok: false, problem: KEY_NAME_RULE };
}

/** [CS12] What went wrong issuing or revoking the key `name`, in plain words. */
export function open311KeyErrorText(error: CommandError, name: string, action: 'issue' | 'revoke'): string {
  const nameIssue = error.code === 'validation_failed' ? error.issues?.find((issue) => issue.path === 'name') : undefined;
  if (nameIssue && action === 'issue') {
    return nameIssue.message === NAME_TAKEN ? `An app key named ${name} already exists (a revoked key keeps its name): choose another name.` : KEY_NAME_RULE;
  }
  if (nameIssue) return `There is no app key named ${name}: refresh the list.`;
  return formatCommandError(error);
}

/** [CS12] Puts the answered key in the list, in place of the one of its name or added. Pure. */
export function withKey(keys: readonly Open311Key[] | null, key: Open311Key): Open311Key[] | null {
  if (!keys) return null;
  return keys.some((k) => k.name === key.name) ? keys.map((k) => (k.name === key.name ? key : k)) : [...keys, key];
}

/** [CS12] Keys in use first, then revoked ones; each by name. Pure. */
export function orderKeys(keys: readonly Open311Key[]): Open311Key[] {
  return [...keys].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || a.name.localeCompare(b.name));
}

/** "12 May 2026, 14:05 by admin", in the city's zone `timeZone`. */
export function byWhomWhen(at: number, by: string | null, timeZone: string): string {
  return by ? `${formatDate(at, timeZone)} by ${by}` : formatDate(at, timeZone);
}
