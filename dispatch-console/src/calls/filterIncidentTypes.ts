import { INCIDENT_TYPES, INCIDENT_TYPE_IDS } from '../../../shared/incidents/incidentTypes.ts';
import type { IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';
import { INCIDENT_TYPE_WORDS } from '../../../shared/incidents/incidentTypeWords.ts';

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** Whether every typed word starts a word of the phrase. */
const everyWordStarts = (typed: readonly string[], phraseWords: readonly string[]): boolean => typed.every((w) => phraseWords.some((pw) => pw.startsWith(w)));

/**
 * The catalogue types that match what the call-taker typed, best first. A type matches when every typed word occurs
 * in its label ("entrap" → Road accident with entrapment; "road acc" → both road accidents), or starts a word of one
 * of the phrases callers use for it ([IC12]: "car crash", "mva", "trapped", "stabbed"). Rank: label starts with the
 * query, then a label word starts with each typed word, then a caller's phrase does, then the label has them anywhere;
 * ties in catalogue order. Empty → all. Pure.
 */
export function filterIncidentTypes(query: string): IncidentTypeId[] {
  const typed = words(query);
  if (typed.length === 0) return [...INCIDENT_TYPE_IDS];
  const joined = typed.join(' ');
  const hits: { id: IncidentTypeId; rank: number; order: number }[] = [];
  INCIDENT_TYPE_IDS.forEach((id, order) => {
    const labelWords = words(INCIDENT_TYPES[id].label);
    const labelText = labelWords.join(' ');
    const isPhraseHit = INCIDENT_TYPE_WORDS[id].some((phrase) => everyWordStarts(typed, words(phrase)));
    const isLabelHit = typed.every((w) => labelText.includes(w));
    if (!isLabelHit && !isPhraseHit) return;
    const rank = isLabelHit && labelText.startsWith(joined) ? 0 : isLabelHit && everyWordStarts(typed, labelWords) ? 1 : isPhraseHit ? 2 : 3;
    hits.push({ id, rank, order });
  });
  return hits.sort((a, b) => a.rank - b.rank || a.order - b.order).map((h) => h.id);
}
