import { SessionSchema } from '../../../shared/auth/roles.ts';
import type { Session } from '../../../shared/auth/roles.ts';

const STORAGE_KEY = 'ec.session';

/**
 * A session from the query string, or null when absent or invalid: a desk
 * (`?role=dispatcher&agency=fire&operator=f1`, agency optional) or a crew's device (`?role=crew&unit=als-f03&operator=c1`).
 */
export function sessionFromQuery(search: string): Session | null {
  const params = new URLSearchParams(search);
  const role = params.get('role');
  const operatorId = params.get('operator');
  const agency = params.get('agency');
  const unitId = params.get('unit');
  if (role === null || operatorId === null) return null;
  if (role === 'crew') return parseDeskSession({ role, operatorId, unitId: unitId?.trim().toLowerCase() ?? '' });
  return parseDeskSession(agency === null || agency === '' ? { role, operatorId } : { role, operatorId, agency });
}

/** Validates a session with the shared schema: a desk, or a crew naming its unit. */
export function parseDeskSession(value: unknown): Session | null {
  const parsed = SessionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The query parameters that name a session, removed on sign-out. */
export const SESSION_QUERY_PARAMS = ['role', 'operator', 'agency', 'unit'] as const;

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
