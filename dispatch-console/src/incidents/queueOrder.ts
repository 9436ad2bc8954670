import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { priorityRank } from '../../../shared/incidents/priority.ts';
import { INCIDENT_TYPES } from '../../../shared/incidents/incidentTypes.ts';

/** Open incidents, most urgent first (echo first), then oldest first; closed ones are left out. */
export function orderQueue(incidents: Iterable<Incident>): Incident[] {
  return [...incidents]
    .filter((incident) => incident.status !== 'closed')
    .sort(
      (a, b) =>
        priorityRank(a.priority) - priorityRank(b.priority) || a.createdAt - b.createdAt || a.reference.localeCompare(b.reference),
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
