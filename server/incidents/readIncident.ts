import { IncidentSchema, type Incident } from '../../shared/incidents/incidentSchema.ts';
import type { CadContext } from '../app/cadContext.ts';

/** An incident with the revision its optimistic commit must still find. */
export interface IncidentAtRevision {
  incident: Incident;
  rev: string;
}

/** Reads an incident and its revision, or null when there is no such incident. */
export async function readIncident(ctx: CadContext, incidentId: string): Promise<IncidentAtRevision | null> {
  const [doc, rev] = await ctx.redis.hmget(ctx.keys.incident(incidentId), 'doc', 'rev');
  if (doc == null || rev == null) return null;
  return { incident: IncidentSchema.parse(JSON.parse(doc)), rev };
}
