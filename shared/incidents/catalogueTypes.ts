import type { UnitKind } from '../units/unitKinds.ts';
import type { PriorityLevel } from './priority.ts';

/** One line of a response plan: how many units of a kind an incident type needs. */
export interface ResponsePlanLine {
  kind: UnitKind;
  count: number;
}

/** Broad families of incident: two incidents of compatible families at one place may be one event. */
export const INCIDENT_FAMILIES = ['medical', 'injury', 'traffic', 'fire', 'rescue', 'hazmat', 'crime', 'violence', 'disaster'] as const;
export type IncidentFamily = (typeof INCIDENT_FAMILIES)[number];

/**
 * A question the call-taker asks whose answer raises or lowers the priority, e.g.
 * "Is the patient breathing normally?" — no → echo.
 */
export interface KeyQuestion {
  /** Stable id, unique within its type, e.g. `breathing`. */
  id: string;
  text: string;
  /** The level this answer moves the incident to; absent = no change. */
  ifYes?: PriorityLevel;
  ifNo?: PriorityLevel;
}

/** An entry of the incident-type catalogue. */
export interface IncidentTypeEntry {
  label: string;
  family: IncidentFamily;
  /** The level before any key question is answered. */
  priority: PriorityLevel;
  questions: readonly KeyQuestion[];
  plan: readonly ResponsePlanLine[];
  /** Pre-arrival instruction sets the call-taker reads out, most important first. */
  instructions: readonly string[];
  /** Which of the situations the city lists as reasons to call this type covers. */
  seedSituations: readonly string[];
}

/** A set of numbered steps read to the caller. Reviewed by the city's medical director before use. */
/** [PA1] Where the patient is, for instructions that only fit some places (porch lights at home, hazard lights on a road). */
export const PATIENT_PLACES = ['home', 'building', 'road', 'outdoors'] as const;
export type PatientPlace = (typeof PATIENT_PLACES)[number];

export const PATIENT_PLACE_LABELS: Record<PatientPlace, string> = {
  home: 'Home',
  building: 'Building',
  road: 'Road',
  outdoors: 'Outdoors',
};

export interface PreArrivalInstruction {
  title: string;
  /** Steps that fit wherever the patient is. */
  steps: readonly string[];
  /** [PA1] Steps for one kind of place, read after the others. */
  byPlace?: Readonly<Record<PatientPlace, readonly string[]>>;
}
