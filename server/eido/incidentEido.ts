import type { Facility } from '../../shared/city/citySchema.ts';
import type { RankingMethod } from '../../shared/dispatch/dispatchSchema.ts';
import {
  EIDO_JSON_LD_VOCAB,
  type EidoCall,
  type EidoCallback,
  type EidoDispatch,
  type EidoDocument,
  type EidoEmergencyResource,
  type EidoLocation,
  type EidoNote,
  type EidoPerson,
  type EidoReference,
  type EidoAgency,
  type EidoDisposition,
} from '../../shared/eido/eidoSchema.ts';
import type { Assignment, Incident } from '../../shared/incidents/incidentSchema.ts';
import { incidentTimeline, type TimelineKind } from '../../shared/incidents/incidentTimeline.ts';
import { INCIDENT_TYPES } from '../../shared/incidents/incidentTypes.ts';
import { DISPOSITION_LABELS } from '../../shared/incidents/lifecycleSchema.ts';
import { PRIORITY_LABELS } from '../../shared/incidents/priority.ts';
import { AGENCY_LABELS, UNIT_KIND_AGENCY, UNIT_KIND_LABELS, type Agency } from '../../shared/units/unitKinds.ts';
import type { Unit } from '../../shared/units/unitSchema.ts';
import { isCommittedStatus, UNIT_STATUS_LABELS, type UnitStatus } from '../../shared/units/unitStatus.ts';
import { callbackUri } from './callbackUri.ts';
import { AGENT_ROLE_OF, EidoAgents } from './eidoAgents.ts';
import {
  EIDO_AGENCY_TYPE,
  EIDO_AGENT_ROLE,
  EIDO_CALL_PRIORITY,
  EIDO_CALL_STATE,
  EIDO_CALL_TYPE,
  EIDO_CALLER_ROLE,
  EIDO_CENTRE_AGENCY_TYPE,
  EIDO_CENTRE_ROLES,
  EIDO_DISPOSITION,
  EIDO_INCIDENT_STATUS,
  EIDO_INCIDENT_TYPE,
  EIDO_LOCATION_TYPE,
  EIDO_PRIORITY_NUMBER,
  EIDO_RESOURCE_ATTRIBUTES,
  EIDO_RESOURCE_TYPE,
  EIDO_RESPONDER_ROLES,
  EIDO_UNIT_STATUS,
  type EidoAgentRole,
} from './eidoCodes.ts';
import { eidoIds, type EidoIds } from './eidoIds.ts';
import { noteHtml } from './noteHtml.ts';
import { pidfLo, type CivicPlace } from './pidfLo.ts';

/** [EI2] Where a unit on its way is going and when it should get there, as the server estimates it now. */
export interface UnitEta {
  at: number;
  method: RankingMethod;
  /** The incident's scene, or the hospital a transporting unit is taking its patient to. */
  destination: 'scene' | Facility;
}

/** A unit committed to the incident as it stands in the live store. */
export interface UnitOnIncident {
  unit: Unit;
  eta?: UnitEta | undefined;
}

/** What the server knows beyond the incident document. */
export interface EidoSources {
  cityName: string;
  /** When the document is written (epoch ms). */
  now: number;
  /** The units still committed to the incident, by unit id. */
  units: ReadonlyMap<string, UnitOnIncident>;
}

const iso = (at: number): string => new Date(at).toISOString();

/** [EI2] The role of the agent behind each kind of narrative event. */
const EVENT_ROLE: Record<TimelineKind, EidoAgentRole> = {
  call: EIDO_AGENT_ROLE.callTaking,
  created: EIDO_AGENT_ROLE.callTaking,
  caller: EIDO_AGENT_ROLE.callTaking,
  assigned: EIDO_AGENT_ROLE.dispatching,
  acknowledged: EIDO_AGENT_ROLE.responding,
  status: EIDO_AGENT_ROLE.responding,
  cleared: EIDO_AGENT_ROLE.responding,
  released: EIDO_AGENT_ROLE.dispatching,
  diverted: EIDO_AGENT_ROLE.dispatching,
  reclassified: EIDO_AGENT_ROLE.dispatching,
  closed: EIDO_AGENT_ROLE.dispatching,
  cancelled: EIDO_AGENT_ROLE.dispatching,
  reopened: EIDO_AGENT_ROLE.dispatching,
  more_units: EIDO_AGENT_ROLE.dispatching,
  note: EIDO_AGENT_ROLE.dispatching,
};

/** One call about the incident: the first, or a caller linked later [DU2]. */
interface CallFacts {
  n: number;
  at: number;
  answeredAt: number | null;
  by: string;
  callerName: string | null;
  callbackNumber: string | null;
  isWithheld: boolean;
  notes: string;
}

function callsOf(incident: Incident): CallFacts[] {
  const first: CallFacts = {
    n: 1,
    at: incident.callStartedAt ?? incident.createdAt,
    answeredAt: incident.callStartedAt,
    by: incident.createdBy,
    callerName: incident.callerName,
    callbackNumber: incident.callbackNumber,
    isWithheld: incident.callbackStatus === 'withheld',
    notes: incident.notes,
  };
  const linked = incident.additionalCallers.map((caller, i): CallFacts => ({
    n: i + 2,
    at: caller.linkedAt,
    answeredAt: null,
    by: caller.linkedBy,
    callerName: caller.callerName,
    callbackNumber: caller.callbackNumber,
    isWithheld: caller.callbackStatus === 'withheld',
    notes: caller.notes,
  }));
  return [first, ...linked];
}

/** "Caller: Thandi Mokoena; callback 082 555 0147", in the words the screens use for what is missing. */
function callerWords(call: CallFacts): string {
  const name = call.callerName ?? 'unknown (no name given)';
  const number = call.callbackNumber ?? (call.isWithheld ? 'number withheld' : 'no number given');
  return `Caller: ${name}; callback: ${number}`;
}

/** The status a unit had on the incident: its live one while committed, else the status that cleared it. */
function statusOnIncident(assignment: Assignment, live: Unit | undefined): UnitStatus {
  if (assignment.clearedAt === null) return live?.status ?? assignment.steps?.at(-1)?.status ?? 'dispatched';
  const clearing = [...(assignment.steps ?? [])].reverse().find((step) => !isCommittedStatus(step.status));
  return clearing?.status ?? 'available';
}

function lastStampOf(assignment: Assignment): number {
  return Math.max(assignment.assignedAt, assignment.acknowledgedAt ?? 0, assignment.clearedAt ?? 0, ...(assignment.steps ?? []).map((step) => step.at));
}

/** [EI2] A unit's stamps on the incident, one per line: assigned, acknowledged, each status, cleared, and its ETA. */
function stampLines(assignment: Assignment, eta: UnitEta | undefined): string[] {
  const lines = [`${assignment.callSign} assigned ${iso(assignment.assignedAt)} by ${assignment.assignedBy}`];
  if (assignment.acknowledgedAt !== null) lines.push(`Acknowledged ${iso(assignment.acknowledgedAt)}${assignment.acknowledgedBy ? ` by ${assignment.acknowledgedBy}` : ''}`);
  for (const step of assignment.steps ?? []) lines.push(`${UNIT_STATUS_LABELS[step.status]} ${iso(step.at)} by ${step.by}${step.to ? ` to ${step.to}` : ''}`);
  if (assignment.clearedAt !== null) lines.push(`Cleared from the incident ${iso(assignment.clearedAt)}`);
  if (eta) {
    const where = eta.destination === 'scene' ? 'the scene' : eta.destination.name;
    lines.push(`ETA at ${where} ${iso(eta.at)} (${eta.method === 'road_network' ? 'drive time on the road network' : 'straight-line estimate'})`);
  }
  return lines;
}

/**
 * [EI1]–[EI3] One incident as a NENA EIDO document (NENA-STA-021, EIDO 1.0): the incident (its id, its reference as
 * the tracking number, type, status, priority, disposition), each call (the first and every caller linked later, with
 * the caller's name and callback number where given), the place (coordinates and what is known of its civic address),
 * the centre and the agencies, the agents who acted, the units dispatched (status, position, destination, ETA, stamps)
 * and every narrative entry as a note with its author and time. A pure function of the incident and what the server
 * knows (`sources`), so the same incident and moment give the same document.
 */
export function incidentEido(incident: Incident, sources: EidoSources): EidoDocument {
  const ids: EidoIds = eidoIds(incident.reference, sources.cityName);
  const centre: EidoReference = { $ref: ids.centre };
  const agents = new EidoAgents(ids, incident, iso);
  const notes: EidoNote[] = [];
  const addNote = (key: string, at: number, text: string, author: EidoReference | undefined, agency = agents.agencyOfRef(author)): EidoReference => {
    const $id = ids.component('note', key);
    notes.push({ $id, lastUpdateTimeStamp: iso(at), updatedByAgencyReference: agency, updatedByAgentReference: author, notesActionComments: noteHtml(text), agentReference: author });
    return { $ref: $id };
  };
  const creator = agents.ref(incident.createdBy, EIDO_AGENT_ROLE.callTaking, incident.createdAt);

  // Places: where it happened, where each unit on it is, and where a transporting unit is going.
  const locations: EidoLocation[] = [];
  const incidentPlace: CivicPlace = {
    city: sources.cityName,
    region: incident.region ? `Region ${incident.region}` : undefined,
    ward: incident.ward !== null ? `Ward ${incident.ward}` : undefined,
    notes: incident.locationNotes,
  };
  const sceneRef: EidoReference = { $ref: ids.component('location', 'incident') };
  locations.push({
    $id: sceneRef.$ref,
    lastUpdateTimeStamp: iso(incident.createdAt),
    updatedByAgencyReference: centre,
    updatedByAgentReference: creator,
    locationTypeDescriptionRegistryText: EIDO_LOCATION_TYPE.incident,
    locationByValue: pidfLo({ entity: `pres:${incident.reference}@${ids.centre}`, position: incident.location, at: iso(incident.createdAt), method: 'Manual', civic: incidentPlace }),
    locationDescriptionText: [incident.locationNotes, incidentPlace.ward, incidentPlace.region, sources.cityName, incident.isInsideMetro ? '' : 'outside the metro']
      .filter((part) => part !== undefined && part !== '')
      .join(', '),
  });
  const facilityRefs = new Map<string, EidoReference>();
  const destinationRef = (eta: UnitEta): EidoReference => {
    if (eta.destination === 'scene') return sceneRef;
    const facility = eta.destination;
    const known = facilityRefs.get(facility.id);
    if (known) return known;
    const ref = { $ref: ids.component('location', facility.id) };
    facilityRefs.set(facility.id, ref);
    const civic: CivicPlace = { city: sources.cityName, region: facility.region ? `Region ${facility.region}` : undefined, ward: facility.ward !== null ? `Ward ${facility.ward}` : undefined, notes: facility.address };
    locations.push({
      $id: ref.$ref,
      lastUpdateTimeStamp: iso(sources.now),
      updatedByAgencyReference: centre,
      locationTypeDescriptionRegistryText: EIDO_LOCATION_TYPE.destination,
      locationByValue: pidfLo({ entity: `pres:${facility.id}@${ids.centre}`, position: facility.position, at: iso(sources.now), method: 'Manual', civic }),
      locationDescriptionText: [facility.name, facility.address].filter((part) => part !== '').join(', '),
    });
    return ref;
  };

  // Calls, callers and how to call them back.
  const calls: EidoCall[] = [];
  const callbacks: EidoCallback[] = [];
  const persons: EidoPerson[] = [];
  for (const call of callsOf(incident)) {
    const taker = agents.ref(call.by, EIDO_AGENT_ROLE.callTaking, call.at);
    const callId = ids.call(call.n);
    let callBackReference: EidoReference | undefined;
    if (call.callbackNumber !== null) {
      callBackReference = { $ref: ids.component('callback', call.n) };
      callbacks.push({ $id: callBackReference.$ref, lastUpdateTimeStamp: iso(call.at), updatedByAgencyReference: centre, updatedByAgentReference: taker, callBackInformationUri: [callbackUri(call.callbackNumber, ids.centre)] });
    }
    const personRef: EidoReference = { $ref: ids.component('person', call.n) };
    persons.push({
      $id: personRef.$ref,
      lastUpdateTimeStamp: iso(call.at),
      updatedByAgencyReference: centre,
      updatedByAgentReference: taker,
      personIncidentRoleRegistryText: [EIDO_CALLER_ROLE],
      callIdentifier: [callId],
      callBackReference,
      notesReference: [addNote(`caller-${call.n}`, call.at, callerWords(call), taker)],
    });
    calls.push({
      $id: callId,
      lastUpdateTimeStamp: iso(call.at),
      updatedByAgencyReference: centre,
      updatedByAgentReference: taker,
      relatedCallIdentifier: call.n > 1 ? [ids.call(1)] : undefined,
      standardPrimaryCallType: EIDO_CALL_TYPE,
      direction: 'incoming',
      priorityIdentifier: EIDO_CALL_PRIORITY[incident.priority],
      callStartTimestamp: iso(call.at),
      answerDate: call.answeredAt === null ? undefined : iso(call.answeredAt),
      callStateRegistryText: EIDO_CALL_STATE,
      agentReference: taker ? [taker] : undefined,
      callBackReference,
      locationReference: [sceneRef],
      notesReference: call.notes.trim() === '' ? undefined : [addNote(`call-${call.n}`, call.at, call.notes, taker)],
      personReference: [personRef],
      agencyReference: [centre],
    });
  }

  // The units sent, what each is doing now, and who sent them.
  const resources: EidoEmergencyResource[] = [];
  const dispatchGroups = new Map<string, { assignment: Assignment; agency: Agency; refs: EidoReference[] }>();
  incident.assignments.forEach((assignment, i) => {
    const agency = UNIT_KIND_AGENCY[assignment.kind];
    const onIncident = assignment.clearedAt === null ? sources.units.get(assignment.unitId) : undefined;
    const live = onIncident?.unit.incidentId === incident.id ? onIncident : undefined;
    const status = statusOnIncident(assignment, live?.unit);
    const resourceRef: EidoReference = { $ref: ids.component('resource', i + 1) };
    let unitLocationReference: EidoReference | undefined;
    if (live) {
      unitLocationReference = { $ref: ids.component('location', `unit-${assignment.unitId}`) };
      locations.push({
        $id: unitLocationReference.$ref,
        lastUpdateTimeStamp: iso(live.unit.fixAt),
        updatedByAgencyReference: { $ref: ids.agency(agency) },
        locationTypeDescriptionRegistryText: EIDO_LOCATION_TYPE.unit,
        locationByValue: pidfLo({ entity: `pres:${assignment.unitId}@${ids.agency(agency)}`, position: live.unit.position, at: iso(live.unit.fixAt), method: 'GPS' }),
        locationDescriptionText: `${assignment.callSign}: last position fix ${iso(live.unit.fixAt)}`,
      });
    }
    const eta = live?.eta;
    const stampedAt = lastStampOf(assignment);
    const crew = agents.ref(assignment.acknowledgedBy, EIDO_AGENT_ROLE.responding, assignment.acknowledgedAt ?? stampedAt);
    resources.push({
      $id: resourceRef.$ref,
      lastUpdateTimeStamp: iso(stampedAt),
      updatedByAgencyReference: { $ref: ids.agency(agency) },
      emergencyResourceTypeCommonRegistryText: EIDO_RESOURCE_TYPE[assignment.kind],
      emergencyResourceTypeInternalText: UNIT_KIND_LABELS[assignment.kind],
      resourceAttributeRegistryText: [...EIDO_RESOURCE_ATTRIBUTES[assignment.kind]],
      emergencyResourceName: assignment.callSign,
      primaryUnitStatusRegistryText: EIDO_UNIT_STATUS[status],
      secondaryUnitStatusRegistryText: [],
      notesReference: [addNote(`resource-${i + 1}`, stampedAt, stampLines(assignment, eta).join('\n'), undefined, { $ref: ids.agency(agency) })],
      unitStatusInternal: [assignment.clearedAt === null ? status : 'cleared'],
      agentReference: crew ? [crew] : [],
      unitLocationReference,
      unitDestinationReference: eta ? destinationRef(eta) : undefined,
      eta: eta ? iso(eta.at) : undefined,
    });
    // One dispatch per assignment command and agency: the units one dispatcher sent together.
    const key = `${assignment.assignedAt}|${assignment.assignedBy}|${agency}`;
    const group = dispatchGroups.get(key);
    if (group) group.refs.push(resourceRef);
    else dispatchGroups.set(key, { assignment, agency, refs: [resourceRef] });
  });
  const dispatches: EidoDispatch[] = [...dispatchGroups.values()].map(({ assignment, agency, refs }, i) => {
    const dispatcher = agents.ref(assignment.assignedBy, EIDO_AGENT_ROLE.dispatching, assignment.assignedAt);
    return {
      $id: ids.component('dispatch', i + 1),
      lastUpdateTimeStamp: iso(assignment.assignedAt),
      updatedByAgencyReference: centre,
      updatedByAgentReference: dispatcher,
      agencyReference: { $ref: ids.agency(agency) },
      agentReference: dispatcher,
      emergencyResourceReference: refs,
    };
  });

  // The narrative: every event the incident keeps and every free-text note, each with its author and time.
  // The agent of the latest event or note is the document's last updater.
  const timeline = incidentTimeline(incident);
  const narrativeRefs: EidoReference[] = [];
  let latest: { at: number; agent: EidoReference | undefined } = { at: incident.createdAt, agent: creator };
  const narrate = (key: string, at: number, text: string, author: EidoReference | undefined): void => {
    narrativeRefs.push(addNote(key, at, text, author));
    if (author && at >= latest.at) latest = { at, agent: author };
  };
  timeline
    .filter((entry) => entry.kind !== 'note')
    .forEach((entry, i) => narrate(`event-${i + 1}`, entry.at, entry.what, agents.ref(entry.who, EVENT_ROLE[entry.kind], entry.at)));
  for (const note of incident.narrative) narrate(note.id, note.at, note.text, agents.ref(note.by.operatorId, AGENT_ROLE_OF[note.by.role], note.at));
  if (incident.priorityReasons.length > 0) {
    narrativeRefs.push(addNote('priority', incident.createdAt, `${PRIORITY_LABELS[incident.priority]}: ${incident.priorityReasons.join('; ')}`, creator));
  }
  const lastAt = Math.max(incident.createdAt, ...timeline.map((entry) => entry.at));

  const disposition = incident.disposition;
  let dispositions: EidoDisposition[] | undefined;
  if (disposition !== null) {
    const closedAt = incident.closedAt ?? lastAt;
    const closer = agents.ref(incident.closedBy, EIDO_AGENT_ROLE.dispatching, closedAt);
    dispositions = [
      {
        $id: ids.component('disposition', 1),
        lastUpdateTimeStamp: iso(closedAt),
        updatedByAgencyReference: centre,
        updatedByAgentReference: closer,
        dispositionCommonRegistryCode: EIDO_DISPOSITION[disposition],
        dispositionPrimaryIndicator: true,
        dispositionDescriptionText: DISPOSITION_LABELS[disposition],
        notesReference: incident.closeNote ? [addNote('close', closedAt, incident.closeNote, closer)] : undefined,
      },
    ];
  }
  const type = INCIDENT_TYPES[incident.type];
  const agencyList = [...new Set<Agency>([...incident.agencies, ...incident.assignments.map((a) => UNIT_KIND_AGENCY[a.kind])])];
  const agencies: EidoAgency[] = [
    {
      $id: ids.centre,
      lastUpdateTimeStamp: iso(lastAt),
      updatedByAgencyReference: centre,
      agencyJcard: jCard(`Emergency Connect, ${sources.cityName}`),
      agencyRoleDescriptionRegistryText: [...EIDO_CENTRE_ROLES],
      agencyType: [EIDO_CENTRE_AGENCY_TYPE],
      incidentOwningAgencyIndicator: true,
    },
    ...agencyList.map((agency) => ({
      $id: ids.agency(agency),
      lastUpdateTimeStamp: iso(lastAt),
      updatedByAgencyReference: centre,
      agencyJcard: jCard(`${AGENCY_LABELS[agency]}, ${sources.cityName}`),
      agencyRoleDescriptionRegistryText: [...EIDO_RESPONDER_ROLES],
      agencyType: [EIDO_AGENCY_TYPE[agency]],
      incidentOwningAgencyIndicator: false,
    })),
  ];

  return {
    $id: ids.incident,
    lastUpdateTimeStamp: iso(lastAt),
    updatedByAgencyReference: centre,
    updatedByAgentReference: latest.agent,
    eidoVersion: '1.0',
    issuingElementIdentification: ids.issuer,
    incidentComponent: {
      $id: ids.component('incident', 1),
      lastUpdateTimeStamp: iso(lastAt),
      updatedByAgencyReference: centre,
      updatedByAgentReference: latest.agent,
      incidentTypeInternalCode: incident.type,
      incidentTypeInternalText: type.label,
      incidentTypeCommonRegistryText: EIDO_INCIDENT_TYPE[type.family],
      incidentStatusInternalText: [incident.status],
      incidentStatusCommonRegistryText: [EIDO_INCIDENT_STATUS[incident.status]],
      internalIncidentId: incident.reference,
      agentReference: creator ? [creator] : undefined,
      locationReference: [sceneRef],
      personReference: persons.map((person) => ({ $ref: person.$id })),
      incidentPriorityInternalText: PRIORITY_LABELS[incident.priority],
      incidentCommonPriorityNumber: EIDO_PRIORITY_NUMBER[incident.priority],
      beatOrDispatchGroupText: incident.region ? `Region ${incident.region}` : undefined,
      dispositionComponent: dispositions,
      notesReference: narrativeRefs,
    },
    callComponent: calls,
    callbackComponent: callbacks,
    dispatchComponent: dispatches,
    notesComponent: notes.sort((a, b) => a.lastUpdateTimeStamp.localeCompare(b.lastUpdateTimeStamp)),
    emergencyResourceComponent: resources,
    agencyComponent: agencies,
    agentComponent: agents.components(),
    locationComponent: locations,
    personComponent: persons,
    '@context': { '@vocab': EIDO_JSON_LD_VOCAB },
  };
}

/** A vCard in JSON (RFC 7095) with only the formatted name, as the string `agencyJcard` holds. */
function jCard(name: string): string {
  return JSON.stringify(['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', name]]]);
}
