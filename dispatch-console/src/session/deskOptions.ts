import type { Session } from '../../../shared/auth/roles.ts';
import type { Agency } from '../../../shared/units/unitKinds.ts';

/** A desk a person can sit at: a role and, for an agency dispatch desk, the agency. */
export interface DeskOption {
  id: string;
  label: string;
  role: 'call_taker' | 'dispatcher' | 'supervisor' | 'crew';
  agency?: Agency;
}

/** The desks of the opening screen, in the order a control room thinks of them. */
export const DESK_OPTIONS: readonly DeskOption[] = [
  { id: 'call_taker', label: 'Call taker', role: 'call_taker' },
  { id: 'ems', label: 'EMS dispatch', role: 'dispatcher', agency: 'ems' },
  { id: 'fire', label: 'Fire & Rescue dispatch', role: 'dispatcher', agency: 'fire' },
  { id: 'metro_police', label: 'Metro Police dispatch', role: 'dispatcher', agency: 'metro_police' },
  { id: 'combined', label: 'Combined dispatch', role: 'dispatcher' },
  { id: 'supervisor', label: 'Supervisor', role: 'supervisor' },
  { id: 'crew', label: 'Crew (one vehicle)', role: 'crew' },
];

/** The desk a session sits at (a dispatcher without an agency is at the combined desk). */
export function deskOf(session: Pick<Session, 'role' | 'agency'>): DeskOption | null {
  return DESK_OPTIONS.find((desk) => desk.role === session.role && desk.agency === session.agency) ?? null;
}

/** "Fire & Rescue dispatch", "Call taker", … for the header. */
export function deskLabel(session: Pick<Session, 'role' | 'agency'>): string {
  return deskOf(session)?.label ?? session.role;
}
