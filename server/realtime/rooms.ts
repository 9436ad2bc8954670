import type { Session } from '../../shared/auth/roles.ts';
import { isCommandAllowed } from '../../shared/protocol/contract.ts';
import { AGENCIES, type Agency } from '../../shared/units/unitKinds.ts';

/** The one owner of Socket.IO room names. The server alone decides which rooms a socket is in. */
export const ROOMS = {
  /** Consoles that see the whole board: call-takers, supervisors and combined dispatch desks. */
  consoles: 'consoles',
  /** [DK1] One agency's dispatch desk(s). */
  desk: (agency: Agency): string => `desk:${agency}`,
  /** The crew screen(s) of one vehicle. */
  unit: (unitId: string): string => `unit:${unitId}`,
  /** Every crew screen, for version ticks. */
  crews: 'crews',
  /** [CC6] Care Connect agents (and supervisors): every ticket's changes. */
  care: 'care',
  /** [CC6] One department's officers: its tickets' changes. */
  department: (code: string): string => `department:${code}`,
  /** Every department officer, for version ticks. */
  departments: 'departments',
  /** [AU6] Every socket of one user, to end or refresh their sessions. */
  user: (userId: string): string => `user:${userId}`,
  /** [AU6] Every socket of one sign-in. */
  session: (sessionId: string): string => `session:${sessionId}`,
  /** [CV5] The sessions that may read coverage, which hear it live. */
  coverage: 'coverage',
} as const;

/** Every agency desk room. */
export const DESK_ROOMS: readonly string[] = AGENCIES.map((agency) => ROOMS.desk(agency));

/** The board rooms a session joins on connect (an administrator, the AVL gateway and a crew not signed on see no board). */
export function boardRoomsFor(session: Session): string[] {
  if (session.role === 'administrator' || session.role === 'avl_gateway') return [];
  if (session.role === 'crew') return session.unitId ? [ROOMS.unit(session.unitId), ROOMS.crews] : [ROOMS.crews];
  if (session.role === 'dispatcher' && session.agency) return [ROOMS.desk(session.agency)];
  if (session.role === 'care_agent') return [ROOMS.care];
  if (session.role === 'department_officer') return session.department ? [ROOMS.department(session.department), ROOMS.departments] : [ROOMS.departments];
  if (session.role === 'supervisor') return [ROOMS.consoles, ROOMS.care];
  return [ROOMS.consoles];
}

/** Every room a session's socket joins. */
export function roomsFor(session: Session): string[] {
  const coverage = isCommandAllowed('coverage:read', session.role) ? [ROOMS.coverage] : [];
  return [...boardRoomsFor(session), ...coverage, ROOMS.user(session.userId), ROOMS.session(session.sessionId)];
}
