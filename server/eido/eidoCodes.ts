import type { EidoCallPriority } from '../../shared/eido/eidoSchema.ts';
import type { IncidentFamily } from '../../shared/incidents/catalogueTypes.ts';
import type { IncidentStatus } from '../../shared/incidents/incidentSchema.ts';
import type { IncidentDisposition } from '../../shared/incidents/lifecycleSchema.ts';
import type { PriorityLevel } from '../../shared/incidents/priority.ts';
import type { Agency, UnitKind } from '../../shared/units/unitKinds.ts';
import type { UnitStatus } from '../../shared/units/unitStatus.ts';

/**
 * [EI3] How this project's codes read in the EIDO's code lists. NENA's schema types these fields as free strings
 * whose values come from registries it does not include (NENA's registry system, the IANA emergency-service URNs);
 * the values below follow those registries' naming as far as the schema and NENA's sample show it, and each field
 * also carries the project's own code (`…InternalText`/`…InternalCode`), so nothing is lost where a registry value is
 * coarser. The registry values are to be confirmed against NENA's current registries before a real interconnection.
 * docs/SPEC.md (EI3) lists the same tables.
 */

/** Incident Type registry, by the catalogue's family; the type itself travels as the internal code and text. */
export const EIDO_INCIDENT_TYPE: Record<IncidentFamily, string> = {
  medical: 'Medical',
  injury: 'Medical',
  traffic: 'Traffic',
  fire: 'Fire',
  rescue: 'Rescue',
  hazmat: 'Hazmat',
  crime: 'Law',
  violence: 'Law',
  disaster: 'Disaster',
};

/** Incident Status registry. `awaiting_close` (every unit has cleared, no disposition yet) reads as cleared. */
export const EIDO_INCIDENT_STATUS: Record<IncidentStatus, string> = {
  pending: 'Pending',
  dispatched: 'Dispatched',
  awaiting_close: 'Cleared',
  closed: 'Closed',
};

/** `incidentCommonPriorityNumber`: 1 the most urgent, in the order of the project's six levels. */
export const EIDO_PRIORITY_NUMBER: Record<PriorityLevel, number> = { echo: 1, delta: 2, charlie: 3, bravo: 4, alpha: 5, omega: 6 };

/** The call's `priorityIdentifier` (STA-023's five levels): charlie and bravo, both urgent but not life-threatening, share `normal`. */
export const EIDO_CALL_PRIORITY: Record<PriorityLevel, EidoCallPriority> = {
  echo: 'highest',
  delta: 'high',
  charlie: 'normal',
  bravo: 'normal',
  alpha: 'low',
  omega: 'lowest',
};

/** Primary Unit Status registry. At hospital is the transport's destination reached. */
export const EIDO_UNIT_STATUS: Record<UnitStatus, string> = {
  available: 'Available',
  dispatched: 'Dispatched',
  en_route: 'Enroute',
  on_scene: 'OnScene',
  transporting: 'Transporting',
  at_hospital: 'AtDestination',
  out_of_service: 'OutOfService',
};

/** Emergency Resource Type registry. */
export const EIDO_RESOURCE_TYPE: Record<UnitKind, string> = {
  als: 'Ambulance',
  bls: 'Ambulance',
  fire_engine: 'Engine',
  rescue: 'Rescue',
  aerial_ladder: 'Ladder',
  hazmat: 'Hazmat',
  command: 'Command',
  metro_police: 'Patrol',
};

/** Resource Attribute registry: an ambulance's level of care; other kinds say nothing more. */
export const EIDO_RESOURCE_ATTRIBUTES: Record<UnitKind, readonly string[]> = {
  als: ['ALS'],
  bls: ['BLS'],
  fire_engine: [],
  rescue: [],
  aerial_ladder: [],
  hazmat: [],
  command: [],
  metro_police: [],
};

/** IANA `urn:emergency:service:responder` (RFC 7163), without the prefix: Metro Police is a police service. */
export const EIDO_AGENCY_TYPE: Record<Agency, string> = { ems: 'ems', fire: 'fire', metro_police: 'police' };

/** The centre that took the call and dispatches: a PSAP, in the IANA registry's word, as NENA's sample has it. */
export const EIDO_CENTRE_AGENCY_TYPE = 'psap';

/** Agency Role registry: the centre receives the calls and dispatches; the agencies respond. */
export const EIDO_CENTRE_ROLES = ['CallReceiving', 'Dispatching'] as const;
export const EIDO_RESPONDER_ROLES = ['Responding'] as const;

/** Agent Role registry, by what the agent did on the incident ("Call Taking" is the word of NENA's sample). */
export const EIDO_AGENT_ROLE = {
  callTaking: 'Call Taking',
  dispatching: 'Dispatching',
  supervising: 'Supervising',
  responding: 'Responding',
  automation: 'Automation',
} as const;
export type EidoAgentRole = (typeof EIDO_AGENT_ROLE)[keyof typeof EIDO_AGENT_ROLE];

/** Location Type registry: where it happened, where a unit is, where a unit is taking its patient. */
export const EIDO_LOCATION_TYPE = { incident: 'Incident', unit: 'Unit', destination: 'Destination' } as const;

/** Person Role registry ("Caller" is the word of NENA's sample). */
export const EIDO_CALLER_ROLE = 'Caller';

/** The IANA call state once the call-taker has captured the incident, and the primary call type (NENA's sample's words). */
export const EIDO_CALL_STATE = 'callEnd';
export const EIDO_CALL_TYPE = 'emergency';

/** Common Disposition Code registry. */
export const EIDO_DISPOSITION: Record<IncidentDisposition, string> = {
  treated_on_scene: 'TreatedNoTransport',
  transported: 'Transported',
  no_patient_found: 'NoPatientFound',
  false_alarm: 'FalseAlarm',
  cancelled_by_caller: 'CancelledByCaller',
  handed_to_other_agency: 'ReferredToOtherAgency',
  cancelled: 'Cancelled',
};
