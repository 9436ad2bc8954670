import type { IncidentStatus } from '../../../shared/incidents/incidentSchema.ts';

/** How the board names an incident's status. [LC7] `awaiting_close` reads as what the desk must do. */
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  pending: 'pending',
  dispatched: 'dispatched',
  awaiting_close: 'Awaiting close',
  closed: 'closed',
};
