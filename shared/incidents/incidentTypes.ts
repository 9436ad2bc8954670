import { z } from 'zod';
import type { Agency, UnitKind } from '../units/unitKinds.ts';
import { UNIT_KIND_AGENCY } from '../units/unitKinds.ts';
import type { PriorityLevel } from './priority.ts';

/** One line of a response plan: how many units of a kind an incident type needs. */
export interface ResponsePlanLine {
  kind: UnitKind;
  count: number;
}

/** An entry of the incident-type catalogue. */
export interface IncidentTypeEntry {
  label: string;
  priority: PriorityLevel;
  plan: readonly ResponsePlanLine[];
}

/**
 * The incident types the call-capture form offers, with their priority and response plan.
 * The full Emergency Connect catalogue (key questions, pre-arrival instructions) extends this list.
 */
export const INCIDENT_TYPES = {
  cardiac_arrest: { label: 'Cardiac arrest / not breathing', priority: 'echo', plan: [{ kind: 'als', count: 1 }, { kind: 'bls', count: 1 }] },
  medical_emergency: { label: 'Serious medical emergency', priority: 'delta', plan: [{ kind: 'als', count: 1 }] },
  injured_person: { label: 'Injured person', priority: 'charlie', plan: [{ kind: 'bls', count: 1 }] },
  road_accident: { label: 'Road accident', priority: 'delta', plan: [{ kind: 'als', count: 1 }, { kind: 'metro_police', count: 1 }] },
  road_accident_entrapment: {
    label: 'Road accident with entrapment',
    priority: 'echo',
    plan: [{ kind: 'als', count: 1 }, { kind: 'bls', count: 1 }, { kind: 'rescue', count: 1 }, { kind: 'fire_engine', count: 1 }, { kind: 'metro_police', count: 1 }],
  },
  structure_fire: { label: 'Building fire', priority: 'echo', plan: [{ kind: 'fire_engine', count: 2 }, { kind: 'rescue', count: 1 }, { kind: 'bls', count: 1 }] },
  vehicle_fire: { label: 'Vehicle fire', priority: 'charlie', plan: [{ kind: 'fire_engine', count: 1 }] },
  veld_fire: { label: 'Veld or grass fire', priority: 'bravo', plan: [{ kind: 'fire_engine', count: 1 }] },
  crime_in_progress: { label: 'Hijacking / armed robbery in progress', priority: 'delta', plan: [{ kind: 'metro_police', count: 2 }, { kind: 'bls', count: 1 }] },
  assault: { label: 'Assault / abuse', priority: 'charlie', plan: [{ kind: 'metro_police', count: 1 }, { kind: 'bls', count: 1 }] },
} as const satisfies Record<string, IncidentTypeEntry>;

export type IncidentTypeId = keyof typeof INCIDENT_TYPES;
export const INCIDENT_TYPE_IDS = Object.keys(INCIDENT_TYPES) as [IncidentTypeId, ...IncidentTypeId[]];
export const IncidentTypeIdSchema = z.enum(INCIDENT_TYPE_IDS);

/** Looks up a catalogue entry; the id has already been validated by its schema. */
export function incidentType(id: IncidentTypeId): IncidentTypeEntry {
  return INCIDENT_TYPES[id];
}

/** [IC3] The agencies an incident goes to: every agency owning a unit kind in its plan. */
export function agenciesForPlan(plan: readonly ResponsePlanLine[]): Agency[] {
  const agencies = new Set<Agency>(plan.map((line) => UNIT_KIND_AGENCY[line.kind]));
  return [...agencies];
}
