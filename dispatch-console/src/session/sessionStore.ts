import { SessionSchema } from '../../../shared/auth/roles.ts';
import type { Session } from '../../../shared/auth/roles.ts';

/** The roles this console serves; the crew screen comes later. */
export const DESK_ROLES = ['call_taker', 'dispatcher', 'supervisor'] as const;
export type DeskRole = (typeof DESK_ROLES)[number];

export const ROLE_LABELS: Record<DeskRole, string> = {
  call_taker: 'Call taker',
  dispatcher: 'Dispatcher',
  supervisor: 'Supervisor',
};

const STORAGE_KEY = 'ec.session';

/** A desk session from `?role=dispatcher&operator=d1`, or null when absent or invalid. */
export function sessionFromQuery(search: string): Session | null {
  const params = new URLSearchParams(search);
  const role = params.get('role');
  const operatorId = params.get('operator');
  if (role === null || operatorId === null) return null;
  return parseDeskSession({ role, operatorId });
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

export function isDeskRole(role: string): role is DeskRole {
  return (DESK_ROLES as readonly string[]).includes(role);
}
