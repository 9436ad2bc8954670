import { describe, expect, it } from 'vitest';
import { filterIncidentTypes } from '../../dispatch-console/src/calls/filterIncidentTypes.ts';
import { INCIDENT_TYPE_IDS } from '../../shared/incidents/incidentTypes.ts';
import { INCIDENT_TYPE_WORDS } from '../../shared/incidents/incidentTypeWords.ts';

describe('[IC12] incident types are found by the words callers and call-takers use', () => {
  it.each([
    ['car crash', 'road_accident'],
    ['crash', 'road_accident'],
    ['MVA', 'road_accident'],
    ['rta', 'road_accident'],
    ['trapped', 'road_accident_entrapment'],
    ['not breathing', 'cardiac_arrest'],
    ['shot', 'shooting_stabbing'],
    ['stabbed', 'shooting_stabbing'],
    ['knocked down', 'pedestrian_struck'],
    ['shack fire', 'structure_fire'],
    ['hijacked', 'hijacking'],
    ['waters broke', 'childbirth'],
  ])('[IC12] "%s" finds %s first', (query, type) => {
    expect(filterIncidentTypes(query)[0]).toBe(type);
  });

  it('[IC12] a label match still comes before a caller’s phrase; prefixes work as the call-taker types', () => {
    expect(filterIncidentTypes('road')[0]).toBe('road_accident');
    expect(filterIncidentTypes('stab')).toContain('shooting_stabbing');
    expect(filterIncidentTypes('car cr')).toEqual(expect.arrayContaining(['road_accident', 'road_accident_entrapment']));
  });

  it('[IC12] every type has words, none empty', () => {
    for (const id of INCIDENT_TYPE_IDS) {
      expect(INCIDENT_TYPE_WORDS[id].length, id).toBeGreaterThan(0);
      for (const phrase of INCIDENT_TYPE_WORDS[id]) expect(phrase.trim(), id).not.toBe('');
    }
  });
});
