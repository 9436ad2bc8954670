import type { Assignment, Incident } from '../incidents/incidentSchema.ts';
import { UNIT_KIND_AGENCY, type Agency, type UnitKind } from '../units/unitKinds.ts';
import type { UnitStatus } from '../units/unitStatus.ts';
import type { IntervalFlag } from './intervalReportSchema.ts';

/** [RP2] One unit's response to one incident: the stamps the turnout and travel intervals are read from. */
export interface UnitResponseRecord {
  incidentId: string;
  /** Its place among the incident's assignments (a unit sent twice has two records). */
  seq: number;
  unitId: string;
  callSign: string;
  kind: UnitKind;
  agency: Agency;
  dispatchedAt: number | null;
  acknowledgedAt: number | null;
  enRouteAt: number | null;
  onSceneAt: number | null;
  transportingAt: number | null;
  atHospitalAt: number | null;
  clearedAt: number | null;
  /** The first unit of its kind on scene at the incident (what travel targets are measured on). */
  isFirstOfKind: boolean;
  flags: IntervalFlag[];
}

/** [RP2] One incident's stamps for the incident-level intervals. */
export interface IncidentRecord {
  id: string;
  /** The call start where the console recorded it, else the incident's entry. */
  receivedAt: number;
  callStartedAt: number | null;
  createdAt: number;
  firstDispatchAt: number | null;
  firstOnSceneAt: number | null;
  flags: IntervalFlag[];
}

/** The statuses of a response in the order they happen; each stamp is the first time the unit reported it. */
const SEQUENCE = ['dispatched', 'en_route', 'on_scene', 'transporting', 'at_hospital'] as const;

function firstStep(assignment: Assignment, status: UnitStatus): number | null {
  return assignment.steps?.find((step) => step.status === status)?.at ?? null;
}

/** [RP4] The flags of one response's stamps (dispatch first, then en route, on scene, transporting, at hospital). */
export function responseFlags(stamps: Readonly<Record<(typeof SEQUENCE)[number], number | null>>): IntervalFlag[] {
  const flags = new Set<IntervalFlag>();
  const laterThanDispatch = SEQUENCE.slice(2).some((status) => stamps[status] !== null);
  if (stamps.dispatched === null && laterThanDispatch) flags.add('not_dispatched');
  let previous: number | null = null;
  let isGap = false;
  for (const status of SEQUENCE) {
    const at = stamps[status];
    if (at === null) {
      // A unit may stop anywhere (stood down, cancelled): only a later stamp makes an absent one missing.
      isGap = status !== 'dispatched';
      continue;
    }
    if (isGap) flags.add('missing_stamp');
    if (previous !== null && at < previous) flags.add('out_of_order');
    previous = at;
  }
  return [...flags];
}

function unitRecord(incident: Incident, assignment: Assignment, seq: number): UnitResponseRecord {
  const stamps = {
    dispatched: assignment.assignedAt > 0 ? assignment.assignedAt : null,
    en_route: firstStep(assignment, 'en_route'),
    on_scene: firstStep(assignment, 'on_scene'),
    transporting: firstStep(assignment, 'transporting'),
    at_hospital: firstStep(assignment, 'at_hospital'),
  };
  return {
    incidentId: incident.id,
    seq,
    unitId: assignment.unitId,
    callSign: assignment.callSign,
    kind: assignment.kind,
    agency: UNIT_KIND_AGENCY[assignment.kind],
    dispatchedAt: stamps.dispatched,
    acknowledgedAt: assignment.acknowledgedAt,
    enRouteAt: stamps.en_route,
    onSceneAt: stamps.on_scene,
    transportingAt: stamps.transporting,
    atHospitalAt: stamps.at_hospital,
    clearedAt: assignment.clearedAt,
    isFirstOfKind: false,
    flags: responseFlags(stamps),
  };
}

/**
 * [RP2][RP4] The record of an incident as the reports read it: its own stamps and one record per unit response,
 * each with its data-quality flags. Flagged responses do not count towards the first dispatch or first arrival.
 */
export function responseRecord(incident: Incident): { incident: IncidentRecord; responses: UnitResponseRecord[] } {
  const responses = incident.assignments.map((assignment, seq) => unitRecord(incident, assignment, seq));
  const clean = responses.filter((response) => response.flags.length === 0);
  const firstOnScene = new Map<UnitKind, UnitResponseRecord>();
  for (const response of clean) {
    if (response.onSceneAt === null) continue;
    const best = firstOnScene.get(response.kind);
    if (!best || (best.onSceneAt ?? Infinity) > response.onSceneAt) firstOnScene.set(response.kind, response);
  }
  for (const response of firstOnScene.values()) response.isFirstOfKind = true;

  const receivedAt = incident.callStartedAt ?? incident.createdAt;
  const earliest = (values: (number | null)[]): number | null => values.reduce<number | null>((min, at) => (at !== null && (min === null || at < min) ? at : min), null);
  const firstDispatchAt = earliest([incident.firstDispatchAt, ...clean.map((response) => response.dispatchedAt)]);
  const firstOnSceneAt = earliest(clean.map((response) => response.onSceneAt));
  const flags: IntervalFlag[] = [];
  const isNegative = (incident.callStartedAt !== null && incident.callStartedAt > incident.createdAt) || (firstDispatchAt !== null && firstDispatchAt < receivedAt) || (firstOnSceneAt !== null && firstOnSceneAt < receivedAt);
  if (isNegative) flags.push('negative_interval');
  return {
    incident: { id: incident.id, receivedAt, callStartedAt: incident.callStartedAt, createdAt: incident.createdAt, firstDispatchAt, firstOnSceneAt, flags },
    responses,
  };
}
