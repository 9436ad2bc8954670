import { INCIDENT_TYPES, INCIDENT_TYPE_IDS } from '../../../shared/incidents/incidentTypes.ts';
import type { IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/**
 * The catalogue types whose label matches what the call-taker typed, best first: every typed word must occur in the
 * label ("entrap" → Road accident with entrapment; "road acc" → both road accidents). Rank: label starts with the
 * query, then a label word starts with each typed word, then anywhere; ties in catalogue order. Empty → all. Pure.
 */
export function filterIncidentTypes(query: string): IncidentTypeId[] {
  const typed = words(query);
  if (typed.length === 0) return [...INCIDENT_TYPE_IDS];
  const joined = typed.join(' ');
  const hits: { id: IncidentTypeId; rank: number; order: number }[] = [];
  INCIDENT_TYPE_IDS.forEach((id, order) => {
    const label = INCIDENT_TYPES[id].label;
    const labelWords = words(label);
    const labelText = labelWords.join(' ');
    if (!typed.every((w) => labelText.includes(w))) return;
    const rank = labelText.startsWith(joined) ? 0 : typed.every((w) => labelWords.some((lw) => lw.startsWith(w))) ? 1 : 2;
    hits.push({ id, rank, order });
  });
  return hits.sort((a, b) => a.rank - b.rank || a.order - b.order).map((h) => h.id);
}
