import { DESK_LABELS, ROLE_LABELS } from '../../../shared/auth/roles.ts';
import type { Session } from '../../../shared/auth/roles.ts';

/** "EMS dispatch", "Combined dispatch", "Call taker", "Supervisor", … for the header: a dispatcher's desk, else the role. */
export function roleLabel(session: Pick<Session, 'role' | 'desk' | 'agency'>): string {
  if (session.role === 'dispatcher') return DESK_LABELS[session.desk ?? session.agency ?? 'combined'];
  return ROLE_LABELS[session.role];
}
