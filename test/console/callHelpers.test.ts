import { describe, expect, it } from 'vitest';
import { buildGazetteerIndex } from '../../shared/city/gazetteer.ts';
import { interpretLocation, looksLikeCoordinates } from '../../dispatch-console/src/calls/locationQuery.ts';
import { areaLine } from '../../dispatch-console/src/calls/areaLine.ts';
import { filterIncidentTypes } from '../../dispatch-console/src/calls/filterIncidentTypes.ts';
import { preArrivalSets } from '../../dispatch-console/src/calls/preArrivalSets.ts';
import { formatDuration, incidentIntervals } from '../../dispatch-console/src/incidents/incidentIntervals.ts';
import { INCIDENT_TYPES, INCIDENT_TYPE_IDS } from '../../shared/incidents/incidentTypes.ts';
import { T0 } from './fixtures.ts';

const gazetteer = buildGazetteerIndex([
  { id: 'hf-hj', name: 'Helen Joseph Hospital', kind: 'hospital', detail: 'Perth Rd, Westdene', position: [27.9903, -26.1839] },
  { id: 'ward-60', name: 'Ward 60', kind: 'ward', detail: 'Region F (approximate)', position: [28.05, -26.22] },
]);

describe('location box', () => {
  it('[LO1] reads coordinates in any form people say them', () => {
    expect(interpretLocation('-26.2055, 28.0415', gazetteer)).toMatchObject({ kind: 'coordinates', position: [28.0415, -26.2055] });
    expect(interpretLocation('26°12\'19.8"S 28°2\'29.4"E', gazetteer)).toMatchObject({ kind: 'coordinates', format: 'dms' });
  });

  it('explains coordinates that do not parse instead of searching', () => {
    const q = interpretLocation('-26.2055', gazetteer);
    expect(q.kind).toBe('bad_coordinates');
    expect(looksLikeCoordinates('12 Perth Road')).toBe(false);
    expect(looksLikeCoordinates('26 12 S, 28 2 E')).toBe(true);
    expect(looksLikeCoordinates('w60')).toBe(false);
  });

  it('[LO2] otherwise searches the gazetteer', () => {
    const q = interpretLocation('helen jos', gazetteer);
    expect(q.kind === 'search' && q.matches.map((m) => m.id)).toEqual(['hf-hj']);
    const w = interpretLocation('w60', gazetteer);
    expect(w.kind === 'search' && w.matches.map((m) => m.id)).toEqual(['ward-60']);
    expect(interpretLocation('  ', gazetteer)).toEqual({ kind: 'empty' });
  });

  it('[IC5] describes the area, with a warning outside the metro', () => {
    expect(areaLine({ ward: 60, region: 'F', isInsideMetro: true })).toEqual({ text: 'Ward 60 · Region F (approximate)', tone: 'ok' });
    expect(areaLine({ ward: null, region: null, isInsideMetro: false })).toEqual({ text: 'Outside the City of Johannesburg — confirm the location with the caller (it will be flagged)', tone: 'warn' });
    expect(areaLine({ ward: null, region: null, isInsideMetro: true }).tone).toBe('warn');
  });

  it('[IC5] names the city it is in, and a city without wards reads plainly inside it', () => {
    const andorra = { name: 'Andorra', hasWards: false };
    expect(areaLine({ ward: null, region: null, isInsideMetro: true }, andorra)).toEqual({ text: 'Inside Andorra', tone: 'ok' });
    expect(areaLine({ ward: null, region: null, isInsideMetro: false }, andorra)).toEqual({ text: 'Outside Andorra — confirm the location with the caller (it will be flagged)', tone: 'warn' });
  });
});

describe('incident type picker', () => {
  it('filters the catalogue labels by what is typed, best first', () => {
    expect(filterIncidentTypes('entrap')[0]).toBe('road_accident_entrapment');
    expect(filterIncidentTypes('cardiac')[0]).toBe('cardiac_arrest');
    expect(filterIncidentTypes('road acc')).toEqual(['road_accident', 'road_accident_entrapment']);
    expect(filterIncidentTypes('')).toHaveLength(INCIDENT_TYPE_IDS.length);
    expect(filterIncidentTypes('zzz')).toEqual([]);
  });

  it('shows every instruction set a type lists, while_you_wait included', () => {
    for (const id of INCIDENT_TYPE_IDS) {
      const sets = preArrivalSets(id).map((s) => s.id);
      expect(sets).toEqual([...INCIDENT_TYPES[id].instructions]);
    }
    expect(preArrivalSets('cardiac_arrest').map((s) => s.id)).toEqual(['cpr', 'while_you_wait']);
  });
});

describe('incident intervals', () => {
  it('answered → created and created → first dispatch', () => {
    expect(incidentIntervals({ callStartedAt: T0, createdAt: T0 + 95_000, firstDispatchAt: T0 + 155_000 })).toEqual({ processingMs: 95_000, toFirstDispatchMs: 60_000 });
    expect(incidentIntervals({ callStartedAt: null, createdAt: T0, firstDispatchAt: null })).toEqual({ processingMs: null, toFirstDispatchMs: null });
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
    expect(formatDuration(null)).toBe('—');
  });
});
