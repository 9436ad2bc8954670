import { describe, expect, it } from 'vitest';
import { callbackUri } from '../../server/eido/callbackUri.ts';
import {
  EIDO_DISPOSITION,
  EIDO_INCIDENT_STATUS,
  EIDO_INCIDENT_TYPE,
  EIDO_PRIORITY_NUMBER,
  EIDO_RESOURCE_TYPE,
  EIDO_UNIT_STATUS,
} from '../../server/eido/eidoCodes.ts';
import { centreDomain } from '../../server/eido/eidoIds.ts';
import { incidentEido } from '../../server/eido/incidentEido.ts';
import { noteHtml } from '../../server/eido/noteHtml.ts';
import { pidfLo } from '../../server/eido/pidfLo.ts';
import type { Assignment } from '../../shared/incidents/incidentSchema.ts';
import { INCIDENT_FAMILIES } from '../../shared/incidents/catalogueTypes.ts';
import { INCIDENT_STATUSES } from '../../shared/incidents/incidentSchema.ts';
import { IncidentDispositionSchema } from '../../shared/incidents/lifecycleSchema.ts';
import { PRIORITY_LEVELS } from '../../shared/incidents/priority.ts';
import { UNIT_KINDS } from '../../shared/units/unitKinds.ts';
import { UNIT_STATUSES } from '../../shared/units/unitStatus.ts';
import { makeIncident, makeUnit, T0, unitId } from '../console/fixtures.ts';
import { DOCUMENT_SCHEMA, eidoSchemaErrors, fieldsOutsideSchema, nenaSample } from './eidoSchema.ts';

const CITY = 'City of Johannesburg';
const assignment = (id: string, overrides: Partial<Assignment> = {}): Assignment => ({
  unitId: unitId(id),
  callSign: id.toUpperCase(),
  kind: 'als',
  assignedAt: T0 + 60_000,
  assignedBy: 'd1',
  acknowledgedAt: null,
  clearedAt: null,
  ...overrides,
});

describe('[EI2][EI3] the EIDO of an incident, built without a server', () => {
  it('[EI1] NENA’s own sample validates against NENA’s schema as the tests read it, and names no field outside it', () => {
    expect(eidoSchemaErrors(nenaSample())).toEqual([]);
    expect(fieldsOutsideSchema(nenaSample(), DOCUMENT_SCHEMA)).toEqual([]);
  });

  it('[EI3] every code of the project has its EIDO value', () => {
    expect(Object.keys(EIDO_INCIDENT_TYPE).sort()).toEqual([...INCIDENT_FAMILIES].sort());
    expect(Object.keys(EIDO_INCIDENT_STATUS).sort()).toEqual([...INCIDENT_STATUSES].sort());
    expect(Object.keys(EIDO_PRIORITY_NUMBER)).toEqual([...PRIORITY_LEVELS]);
    expect(Object.values(EIDO_PRIORITY_NUMBER)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Object.keys(EIDO_UNIT_STATUS).sort()).toEqual([...UNIT_STATUSES].sort());
    expect(Object.keys(EIDO_RESOURCE_TYPE).sort()).toEqual([...UNIT_KINDS].sort());
    expect(Object.keys(EIDO_DISPOSITION).sort()).toEqual([...IncidentDispositionSchema.options].sort());
  });

  it('[EI2] callback numbers as tel: URIs: international and South African national numbers global, others local', () => {
    const centre = centreDomain(CITY);
    expect(callbackUri('082 555 0147', centre)).toBe('tel:+27825550147');
    expect(callbackUri('+376 812 345', centre)).toBe('tel:+376812345');
    expect(callbackUri('0044 20 7946 0000', centre)).toBe('tel:+442079460000');
    expect(callbackUri('10177', centre)).toBe('tel:10177;phone-context=emergencyconnect.city-of-johannesburg');
  });

  it('[EI2] the centre’s domain is made from the city’s name', () => {
    expect(centreDomain('City of Johannesburg')).toBe('emergencyconnect.city-of-johannesburg');
    expect(centreDomain('Andorra la Vella / Escaldes')).toBe('emergencyconnect.andorra-la-vella-escaldes');
    expect(centreDomain('Zürich')).toBe('emergencyconnect.zurich');
  });

  it('[EI2] notes are HTML: markup escaped, line breaks kept', () => {
    expect(noteHtml('<script>alert("x")</script> & more\nline two')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more<br>line two');
  });

  it('[EI2] PIDF-LO: latitude first, civic elements escaped, characters XML cannot carry replaced, no civic part when nothing is known', () => {
    const xml = pidfLo({ entity: 'pres:EC-1@x', position: [28.0473, -26.2041], at: '2026-11-26T08:00:00.000Z', method: 'Manual', civic: { city: 'A & B', notes: 'gate <3>\u0007' } });
    expect(xml).toContain('<gml:pos>-26.204100 28.047300</gml:pos>');
    expect(xml).toContain('<ca:A3>A &amp; B</ca:A3>');
    expect(xml).toContain('<ca:LOC>gate &lt;3&gt;\uFFFD</ca:LOC>');
    expect(xml).not.toContain('<ca:A4>');
    const bare = pidfLo({ entity: 'pres:u@x', position: [1, 2], at: '2026-11-26T08:00:00.000Z', method: 'GPS' });
    expect(bare).not.toContain('civicAddress');
    expect(bare).toContain('<gp:method>GPS</gp:method>');
  });

  it('[EI1][EI2] an incident kept before [NR4] (no steps, no who), reopened and diverted, outside the metro, with an unknown caller, still validates', () => {
    const incident = makeIncident('EC-261126-0001-8', {
      status: 'dispatched',
      ward: null,
      region: null,
      isInsideMetro: false,
      callerName: null,
      callbackNumber: null,
      callbackStatus: 'none',
      priorityReasons: ['Is the patient breathing normally? no'],
      assignments: [
        assignment('als-a01', { clearedAt: T0 + 120_000 }),
        assignment('bls-a01', { kind: 'bls', acknowledgedAt: T0 + 90_000, steps: [{ status: 'en_route', at: T0 + 100_000, by: 'vehicle-simulator' }] }),
      ],
      lifecycle: [
        { at: T0 + 30_000, by: 'sup1', action: 'closed', reason: 'false_alarm' },
        { at: T0 + 40_000, by: 'sup1', action: 'reopened', reason: 'second call' },
        { at: T0 + 120_000, by: 'd1', action: 'diverted_away', reason: 'more urgent', unitId: 'als-a01', otherIncidentId: 'EC-261126-0002-6' },
      ],
    });
    const document = incidentEido(incident, {
      cityName: CITY,
      now: T0 + 130_000,
      units: new Map([['bls-a01', { unit: makeUnit('bls-a01', { kind: 'bls', status: 'en_route', incidentId: incident.id }), eta: { at: T0 + 400_000, method: 'road_network', destination: 'scene' } }]]),
    });
    expect(eidoSchemaErrors(document)).toEqual([]);
    expect(fieldsOutsideSchema(document, DOCUMENT_SCHEMA)).toEqual([]);
    expect(document.incidentComponent.beatOrDispatchGroupText).toBeUndefined();
    expect(document.locationComponent[0]?.locationDescriptionText).toBe('City of Johannesburg, outside the metro');
    const [diverted, driving] = document.emergencyResourceComponent;
    expect(diverted).toMatchObject({ primaryUnitStatusRegistryText: 'Available', unitStatusInternal: ['cleared'], agentReference: [] });
    expect(driving).toMatchObject({ primaryUnitStatusRegistryText: 'Enroute', eta: new Date(T0 + 400_000).toISOString() });
    const stamps = document.notesComponent.find((note) => note.$id === driving?.notesReference?.[0]?.$ref)?.notesActionComments;
    expect(stamps).toContain('ETA at the scene 2026-11-26T08:06:40.000Z (drive time on the road network)');
    // The acknowledgement of a document kept before [NR4] names nobody: no agent is made up for it.
    expect(document.agentComponent.map((agent) => agent.$id).sort()).toEqual(['ct1@emergencyconnect.city-of-johannesburg', 'd1@emergencyconnect.city-of-johannesburg', 'sup1@emergencyconnect.city-of-johannesburg', 'vehicle-simulator@ems.emergencyconnect.city-of-johannesburg']);
    expect(document.callbackComponent).toEqual([]);
  });

  it('[EI1] the same incident at the same moment gives the same document', () => {
    const incident = makeIncident('EC-261126-0001-8', { status: 'dispatched', assignments: [assignment('als-a01')] });
    const sources = { cityName: CITY, now: T0 + 10_000, units: new Map([['als-a01', { unit: makeUnit('als-a01', { status: 'dispatched', incidentId: incident.id }) }]]) };
    expect(JSON.stringify(incidentEido(incident, sources))).toBe(JSON.stringify(incidentEido(incident, sources)));
  });
});
