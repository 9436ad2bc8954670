import { SessionSchema } from '../../../shared/auth/roles.ts';
import type { Session } from '../../../shared/auth/roles.ts';

const STORAGE_KEY = 'ec.session';

/** A desk session from `?role=dispatcher&agency=fire&operator=f1` (agency optional), or null when absent or invalid. */
export function sessionFromQuery(search: string): Session | null {
  const params = new URLSearchParams(search);
  const role = params.get('role');
  const operatorId = params.get('operator');
  const agency = params.get('agency');
  if (role === null || operatorId === null) return null;
  return parseDeskSession(agency === null || agency === '' ? { role, operatorId } : { role, operatorId, agency });
}

/** Validates a desk session with the shared schema; crew sessions are not served here. */
export function parseDeskSession(value: unknown): Session | null {
  const parsed = SessionSchema.safeParse(value);
  if (!parsed.success || parsed.data.role === 'crew') return null;
  return parsed.data;
}

export function loadSession(storage: Storage, search: string): Session | null {
  const fromQuery = sessionFromQuery(search);
  if (fromQuery) {
    saveSession(storage, fromQuery);
    return fromQuery;
  }
  const raw = storage.getItem(STORAGE_KEY);
  if (raw === null) return null;
  try {
    return parseDeskSession(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function saveSession(storage: Storage, session: Session): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage): void {
  storage.removeItem(STORAGE_KEY);
}
