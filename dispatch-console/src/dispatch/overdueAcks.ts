import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import type { Recommendation, Candidate } from '../../../shared/dispatch/dispatchSchema.ts';
import type { Unit, UnitId } from '../../../shared/units/unitSchema.ts';
import type { Agency, UnitKind } from '../../../shared/units/unitKinds.ts';
import { UNIT_KIND_AGENCY } from '../../../shared/units/unitKinds.ts';

/** [AK2] An active assignment whose crew has not acknowledged it within the deadline. */
export interface OverdueAck {
  incidentId: string;
  reference: string;
  unitId: UnitId;
  callSign: string;
  kind: UnitKind;
  assignedAt: number;
  /** How long the crew has been silent, in ms. */
  waitedMs: number;
}

export interface OverdueOptions {
  /** Units by id: a unit already past `dispatched` (en route, on scene…) has plainly received the job. */
  units?: Readonly<Record<string, Unit>>;
  /** An agency desk is alarmed only by its own agency's units. */
  agency?: Agency;
}

/**
 * [AK2] The active assignments (not cleared) still unacknowledged more than `deadlineSeconds` after they were made,
 * longest silent first. No deadline known yet (no snapshot): none. Pure.
 */
export function overdueAcknowledgements(incidents: Iterable<Incident>, deadlineSeconds: number | null, now: number, options: OverdueOptions = {}): OverdueAck[] {
  if (deadlineSeconds === null) return [];
  const deadlineMs = deadlineSeconds * 1000;
  const overdue: OverdueAck[] = [];
  for (const incident of incidents) {
    if (incident.status === 'closed') continue;
    for (const a of incident.assignments) {
      if (a.clearedAt !== null || a.acknowledgedAt !== null) continue;
      if (options.agency && UNIT_KIND_AGENCY[a.kind] !== options.agency) continue;
      const unit = options.units?.[a.unitId];
      if (unit && (unit.incidentId !== incident.id || unit.status !== 'dispatched')) continue;
      const waitedMs = now - a.assignedAt;
      if (waitedMs <= deadlineMs) continue;
      overdue.push({ incidentId: incident.id, reference: incident.reference, unitId: a.unitId, callSign: a.callSign, kind: a.kind, assignedAt: a.assignedAt, waitedMs });
    }
  }
  return overdue.sort((x, y) => x.assignedAt - y.assignedAt || x.callSign.localeCompare(y.callSign));
}

/** A stable key for one overdue assignment (a unit re-assigned later is a new one). */
export function overdueKey(o: Pick<OverdueAck, 'incidentId' | 'unitId' | 'assignedAt'>): string {
  return `${o.incidentId}|${o.unitId}|${o.assignedAt}`;
}

/** The best candidate of `kind` for the incident other than the silent unit, or null. Pure. */
export function replacementFor(recommendation: Recommendation | null, overdue: Pick<OverdueAck, 'incidentId' | 'kind' | 'unitId'>): Candidate | null {
  if (!recommendation || recommendation.incidentId !== overdue.incidentId) return null;
  const kind = recommendation.byKind.find((k) => k.kind === overdue.kind);
  return kind?.candidates.find((c) => c.unitId !== overdue.unitId) ?? null;
}

/** "1:12" (m:ss) for how long a crew has been silent. */
export function formatWait(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
