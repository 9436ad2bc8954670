import type { Assignment, Incident } from '../../../shared/incidents/incidentSchema.ts';
import type { Unit } from '../../../shared/units/unitSchema.ts';
import type { UnitStatus } from '../../../shared/units/unitStatus.ts';
import { UNIT_STATUS_TRANSITIONS } from '../../../shared/units/unitStatus.ts';
import type { LngLat } from '../../../shared/geo/position.ts';

/** One status button of the crew screen. */
export interface CrewAction {
  status: UnitStatus;
  label: string;
  /** The one big next step; the others sit under "Other status". */
  isPrimary: boolean;
  /** Transporting asks first which hospital. */
  needsHospital: boolean;
}

/** The job's usual next step from each status. */
const FORWARD: Partial<Record<UnitStatus, UnitStatus>> = {
  dispatched: 'en_route',
  en_route: 'on_scene',
  on_scene: 'transporting',
  transporting: 'at_hospital',
  at_hospital: 'available',
  out_of_service: 'available',
};

function actionLabel(from: UnitStatus, to: UnitStatus): string {
  switch (to) {
    case 'en_route':
      return 'En route';
    case 'on_scene':
      return 'On scene';
    case 'transporting':
      return 'Transporting';
    case 'at_hospital':
      return 'At hospital';
    case 'out_of_service':
      return 'Out of service';
    case 'available':
      if (from === 'at_hospital') return 'Available';
      if (from === 'out_of_service') return 'Back in service';
      if (from === 'on_scene') return 'Clear · no transport';
      return 'Stand down · available';
    case 'dispatched':
      return 'Dispatched';
  }
}

/** [US1] The status buttons for a unit in `status`, in the order of `UNIT_STATUS_TRANSITIONS`, the usual next step first. Pure. */
export function crewActions(status: UnitStatus): CrewAction[] {
  const forward = FORWARD[status];
  const actions = UNIT_STATUS_TRANSITIONS[status].map((to) => ({
    status: to,
    label: actionLabel(status, to),
    isPrimary: to === forward,
    needsHospital: to === 'transporting',
  }));
  return [...actions.filter((a) => a.isPrimary), ...actions.filter((a) => !a.isPrimary)];
}

/** The unit's active (not cleared) assignment on `incident`, or null. Pure. */
export function activeAssignmentOf(incident: Incident | null, unitId: string): Assignment | null {
  if (!incident) return null;
  return incident.assignments.find((a) => a.unitId === unitId && a.clearedAt === null) ?? null;
}

/** [AK1] True while the crew still has to acknowledge its assignment. Pure. */
export function needsAcknowledgement(incident: Incident | null, unitId: string): boolean {
  const assignment = activeAssignmentOf(incident, unitId);
  return assignment !== null && assignment.acknowledgedAt === null;
}

/** The later of two views of the same unit (a command's answer may arrive before its broadcast). Pure. */
export function newerUnit(a: Unit | null, b: Unit | null): Unit | null {
  if (!a || !b || a.id !== b.id) return a ?? b;
  return b.statusAt > a.statusAt ? { ...b, position: a.fixAt >= b.fixAt ? a.position : b.position, fixAt: Math.max(a.fixAt, b.fixAt) } : a;
}

/** The incident with the crew's acknowledgement kept when one view already has it. Pure. */
export function withKnownAcknowledgement(incident: Incident | null, answered: Incident | null, unitId: string): Incident | null {
  if (!incident || !answered || answered.id !== incident.id) return incident;
  const ack = activeAssignmentOf(answered, unitId)?.acknowledgedAt ?? null;
  if (ack === null || !needsAcknowledgement(incident, unitId)) return incident;
  return { ...incident, assignments: incident.assignments.map((a) => (a.unitId === unitId && a.clearedAt === null ? { ...a, acknowledgedAt: ack } : a)) };
}

/** What a route was last asked for: the unit's status, job and destination, and where and when. */
export interface RouteAsk {
  key: string;
  position: LngLat;
  at: number;
}

/** The job part of a route request: a change here asks again at once. */
export function routeKey(unit: Pick<Unit, 'status' | 'incidentId' | 'destinationId'>): string {
  return `${unit.status}|${unit.incidentId ?? ''}|${unit.destinationId ?? ''}`;
}

/**
 * Whether to ask for the route again: always when the status, job or destination changed; when only the position
 * moved (more than `minMoveMeters`), at most every `throttleMs`. Pure.
 */
export function shouldAskRoute(last: RouteAsk | null, next: RouteAsk, throttleMs = 15_000, minMoveMeters = 30): boolean {
  if (!last || last.key !== next.key) return true;
  if (next.at - last.at < throttleMs) return false;
  return approxMeters(last.position, next.position) >= minMoveMeters;
}

/** Whether a device fix may be sent: at most one every `minIntervalMs`. Pure. */
export function shouldSendFix(lastSentAt: number | null, now: number, minIntervalMs = 5000): boolean {
  return lastSentAt === null || now - lastSentAt >= minIntervalMs;
}

/** Equirectangular distance: plenty for "did the vehicle move". */
export function approxMeters(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = (b[1] - a[1]) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

/** "12 min" / "45 s" for a drive; "1 h 05 min" past the hour. */
export function formatDriveTime(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A number a phone can dial: digits and a leading +. */
export function telHref(callbackNumber: string): string {
  const trimmed = callbackNumber.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}
