import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { priorityRank } from '../../../shared/incidents/priority.ts';
import { INCIDENT_TYPES } from '../../../shared/incidents/incidentTypes.ts';

/**
 * [IQ1] The queue's groups, in order: what needs action first. Waiting for a unit (new, reopened, sent back, or its
 * silent unit stood down), then a crew overdue acknowledging (AK2), then awaiting a close (LC7: units have cleared,
 * the desk still has to close it), then in hand (units committed and answering).
 */
export const QUEUE_GROUPS = ['needs_units', 'ack_overdue', 'awaiting_close', 'in_hand'] as const;
export type QueueGroup = (typeof QUEUE_GROUPS)[number];

export const QUEUE_GROUP_LABELS: Record<QueueGroup, string> = {
  needs_units: 'Needs units',
  ack_overdue: 'Not acknowledged',
  awaiting_close: 'Awaiting close',
  in_hand: 'In hand',
};

/** [IQ1] The group of an open incident; `overdueIds` are the incidents with a crew overdue acknowledging. */
export function queueGroupOf(incident: Incident, overdueIds?: ReadonlySet<string>): QueueGroup {
  if (incident.status === 'pending') return 'needs_units';
  if (overdueIds?.has(incident.id)) return 'ack_overdue';
  if (incident.status === 'awaiting_close') return 'awaiting_close';
  return 'in_hand';
}

/**
 * [IQ1] Open incidents by group (what needs action first), within a group most urgent first (Echo first), then
 * oldest first; closed ones are left out.
 */
export function orderQueue(incidents: Iterable<Incident>, overdueIds?: ReadonlySet<string>): Incident[] {
  const groupRank = (incident: Incident) => QUEUE_GROUPS.indexOf(queueGroupOf(incident, overdueIds));
  return [...incidents]
    .filter((incident) => incident.status !== 'closed')
    .sort(
      (a, b) =>
        groupRank(a) - groupRank(b) ||
        priorityRank(a.priority) - priorityRank(b.priority) ||
        a.createdAt - b.createdAt ||
        a.reference.localeCompare(b.reference),
    );
}

/** "mm:ss" since `since`, growing to "h:mm:ss" after an hour; never negative. */
export function formatElapsed(since: number, now: number): string {
  const total = Math.max(0, Math.floor((now - since) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

export function typeLabel(incident: Incident): string {
  return INCIDENT_TYPES[incident.type].label;
}

/** "Region C · Ward 74", or "Outside the metro" when the point fell outside every ward. */
export function placeLabel(incident: Incident): string {
  if (incident.region === null && incident.ward === null) return incident.isInsideMetro ? 'Metro' : 'Outside the metro';
  const parts: string[] = [];
  if (incident.region !== null) parts.push(`Region ${incident.region}`);
  if (incident.ward !== null) parts.push(`Ward ${incident.ward}`);
  return parts.join(' · ');
}

/** Call signs of the units still committed (not cleared). */
export function activeCallSigns(incident: Incident): string[] {
  return incident.assignments.filter((a) => a.clearedAt === null).map((a) => a.callSign);
}

/** The next index when moving through the queue by `step`, clamped to its ends. */
export function moveSelection(ids: readonly string[], currentId: string | null, step: number): string | null {
  if (ids.length === 0) return null;
  const index = currentId === null ? -1 : ids.indexOf(currentId);
  if (index < 0) return step >= 0 ? (ids[0] ?? null) : (ids[ids.length - 1] ?? null);
  const next = Math.min(ids.length - 1, Math.max(0, index + step));
  return ids[next] ?? null;
}
