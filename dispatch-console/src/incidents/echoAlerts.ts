import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { isTopPriority } from '../../../shared/incidents/priority.ts';

/** [IQ2][IQ4] One desk's acknowledgement of an Echo alert: the incident, and the start of the wait it covers. */
export interface AlertAcknowledgement {
  incidentId: string;
  waitingSince: number;
}

/** [IQ2] An Echo incident waiting for a unit that this desk has not acknowledged. */
export interface EchoAlert {
  incident: Incident;
  /** When this wait began (server time): creation, reopening, sending back, change to Echo or its last unit leaving. */
  waitingSince: number;
  /** One wait of one incident: a later wait of the same incident is a new alert. */
  key: string;
}

/**
 * [IQ2] When the incident began waiting, at Echo, for a unit: its creation, its reopening or sending back for more
 * units (LC3, LC8), its change to Echo (LC6), or its last unit leaving while it still needed one (a crew that never
 * answered, a divert). Null while it is not waiting at Echo (a unit is committed, it awaits its close, or it is not
 * Echo). Read from the document alone, so every console, opened whenever, agrees.
 */
export function echoWaitingSince(incident: Incident): number | null {
  if (incident.status !== 'pending' || !isTopPriority(incident.priority)) return null;
  let since = incident.createdAt;
  for (const step of incident.lifecycle) {
    const isBackInQueue = step.action === 'reopened' || step.action === 'more_units';
    const isRaisedToEcho = step.action === 'reclassified' && step.change !== undefined && !isTopPriority(step.change.from.priority) && isTopPriority(step.change.to.priority);
    if (isBackInQueue || isRaisedToEcho) since = Math.max(since, step.at);
  }
  for (const assignment of incident.assignments) {
    if (assignment.clearedAt !== null) since = Math.max(since, assignment.clearedAt);
  }
  return since;
}

function alertKey(incidentId: string, waitingSince: number): string {
  return `${incidentId}@${waitingSince}`;
}

function isAcknowledged(acknowledged: readonly AlertAcknowledgement[], incidentId: string, waitingSince: number): boolean {
  return acknowledged.some((ack) => ack.incidentId === incidentId && ack.waitingSince >= waitingSince);
}

/**
 * [IQ2] The alerts a desk shows: its Echo incidents waiting for a unit, less the waits it has acknowledged, the
 * longest waiting first. Pure: derived from the live state, never from the changes seen since the page loaded.
 */
export function echoAlerts(incidents: Iterable<Incident>, acknowledged: readonly AlertAcknowledgement[]): EchoAlert[] {
  const alerts: EchoAlert[] = [];
  for (const incident of incidents) {
    const waitingSince = echoWaitingSince(incident);
    if (waitingSince === null || isAcknowledged(acknowledged, incident.id, waitingSince)) continue;
    alerts.push({ incident, waitingSince, key: alertKey(incident.id, waitingSince) });
  }
  return alerts.sort((a, b) => a.waitingSince - b.waitingSince || a.incident.reference.localeCompare(b.incident.reference));
}

/** [IQ2] The acknowledgements once the desk acknowledges `alerts`: one per incident, for its current wait. */
export function withAcknowledged(acknowledged: readonly AlertAcknowledgement[], alerts: readonly EchoAlert[]): AlertAcknowledgement[] {
  const ids = new Set(alerts.map((alert) => alert.incident.id));
  return [...acknowledged.filter((ack) => !ids.has(ack.incidentId)), ...alerts.map((alert) => ({ incidentId: alert.incident.id, waitingSince: alert.waitingSince }))];
}

/** [IQ4] Only the acknowledgements of incidents still open on this desk's board: a closed one is forgotten. */
export function prunedAcknowledgements(acknowledged: readonly AlertAcknowledgement[], openIncidents: Readonly<Record<string, unknown>>): AlertAcknowledgement[] {
  return acknowledged.filter((ack) => Object.hasOwn(openIncidents, ack.incidentId));
}
