import type { Session } from '../../shared/auth/roles.ts';
import { AGENCIES, type Agency } from '../../shared/units/unitKinds.ts';

/** The one owner of Socket.IO room names. */
export const ROOMS = {
  /** Consoles that see the whole board: call-takers, supervisors and combined dispatch desks. */
  consoles: 'consoles',
  /** [DK1] One agency's dispatch desk(s). */
  desk: (agency: Agency): string => `desk:${agency}`,
  /** The crew screen(s) of one vehicle. */
  unit: (unitId: string): string => `unit:${unitId}`,
  /** Every crew screen, for version ticks. */
  crews: 'crews',
} as const;

/** Every agency desk room. */
export const DESK_ROOMS: readonly string[] = AGENCIES.map((agency) => ROOMS.desk(agency));

/** The rooms a session joins on connect. */
export function roomsFor(session: Session): string[] {
  if (session.role === 'crew') return session.unitId ? [ROOMS.unit(session.unitId), ROOMS.crews] : [];
  if (session.agency) return [ROOMS.desk(session.agency)];
  return [ROOMS.consoles];
}
