import type { Incident } from '../../../shared/incidents/incidentSchema.ts';

/** The intervals a supervisor reads off an incident, in ms; null when a time is not known yet. */
export interface IncidentIntervals {
  /** Call answered → incident created: how long call-taking took. */
  processingMs: number | null;
  /** Incident created → first unit dispatched. */
  toFirstDispatchMs: number | null;
}

export function incidentIntervals(incident: Pick<Incident, 'callStartedAt' | 'createdAt' | 'firstDispatchAt'>): IncidentIntervals {
  return {
    processingMs: incident.callStartedAt === null ? null : Math.max(0, incident.createdAt - incident.callStartedAt),
    toFirstDispatchMs: incident.firstDispatchAt === null ? null : Math.max(0, incident.firstDispatchAt - incident.createdAt),
  };
}

/** "45 s", "2 min 05 s", "1 h 03 min"; "—" when unknown. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const total = Math.round(ms / 1000);
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes} min ${String(total % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "14:02:11" in the city's zone `timeZone` [OP2]. */
export function formatClock(at: number, timeZone: string): string {
  return new Date(at).toLocaleTimeString('en-ZA', { timeZone, hour12: false });
}

/** "26 Nov 14:02" in the city's zone `timeZone` [OP2]. */
export function formatDayTime(at: number, timeZone: string): string {
  const day = new Date(at).toLocaleDateString('en-ZA', { timeZone, day: 'numeric', month: 'short' });
  const time = new Date(at).toLocaleTimeString('en-ZA', { timeZone, hour12: false, hour: '2-digit', minute: '2-digit' });
  return `${day} ${time}`;
}
