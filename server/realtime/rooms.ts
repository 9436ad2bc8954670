import type { Session } from '../../shared/auth/roles.ts';

/** The one owner of Socket.IO room names. */
export const ROOMS = {
  /** Every call-taker, dispatcher and supervisor console. */
  consoles: 'consoles',
  /** The crew screen(s) of one vehicle. */
  unit: (unitId: string): string => `unit:${unitId}`,
} as const;

/** The rooms a session joins on connect. */
export function roomsFor(session: Session): string[] {
  if (session.role === 'crew') return session.unitId ? [ROOMS.unit(session.unitId)] : [];
  return [ROOMS.consoles];
}
