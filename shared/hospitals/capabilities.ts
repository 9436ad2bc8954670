import { z } from 'zod';
import type { Facility } from '../city/citySchema.ts';
import type { IncidentTypeId } from '../incidents/incidentTypes.ts';

/** [HO1] What a receiving facility can take. */
export const CAPABILITIES = ['emergency_24h', 'trauma', 'burns', 'paediatrics', 'maternity', 'psychiatric'] as const;
export const CapabilitySchema = z.enum(CAPABILITIES);
export type Capability = z.infer<typeof CapabilitySchema>;

export const CAPABILITY_LABELS: Record<Capability, string> = {
  emergency_24h: '24h emergency',
  trauma: 'Trauma',
  burns: 'Burns',
  paediatrics: 'Paediatrics',
  maternity: 'Maternity',
  psychiatric: 'Psychiatric',
};

/**
 * [HO1] What a facility can take, from its classification, because the city's data says nothing better: the
 * Department of Health's levels of care (a central hospital takes everything; a regional hospital trauma,
 * children and births; a district hospital and a community health centre with a 24-hour unit emergencies and
 * births; a psychiatric hospital psychiatric patients). An OpenStreetMap hospital with an emergency department is
 * taken as a general hospital. To be confirmed with the provincial EMS's own receiving-facility list.
 */
export function facilityCapabilities(facility: Pick<Facility, 'kind' | 'classification' | 'hasEmergencyUnit24h'>): Capability[] {
  const level = facility.classification.toUpperCase();
  const emergency: Capability[] = facility.hasEmergencyUnit24h ? ['emergency_24h'] : [];
  if (level.includes('PSYCHIATRIC')) return [...emergency, 'psychiatric'];
  if (level.includes('CENTRAL')) return [...emergency, 'trauma', 'burns', 'paediatrics', 'maternity', 'psychiatric'];
  if (level.includes('REGIONAL')) return [...emergency, 'trauma', 'paediatrics', 'maternity'];
  if (level.includes('DISTRICT') || level === 'CHC') return [...emergency, 'maternity'];
  if (facility.kind === 'hospital' && facility.hasEmergencyUnit24h) return [...emergency, 'trauma', 'paediatrics', 'maternity'];
  return emergency;
}

/**
 * [HO2] What a patient of an incident type needs beyond a 24-hour emergency unit. A type not listed needs only the
 * emergency unit. Injuries from violence, crashes, falls and explosions need trauma care; burns a burns unit; a
 * birth maternity; an abused child paediatrics.
 */
export const PATIENT_NEEDS: Partial<Record<IncidentTypeId, readonly Capability[]>> = {
  injured_person: ['trauma'],
  fall: ['trauma'],
  road_accident: ['trauma'],
  road_accident_entrapment: ['trauma'],
  pedestrian_struck: ['trauma'],
  explosion: ['trauma', 'burns'],
  shooting_stabbing: ['trauma'],
  assault: ['trauma'],
  murder: ['trauma'],
  burns: ['burns'],
  structure_fire: ['burns'],
  high_rise_fire: ['burns'],
  childbirth: ['maternity'],
  child_abuse: ['paediatrics'],
};

/** The capabilities a patient of this incident type needs (always a 24-hour emergency unit). */
export function patientNeeds(type: IncidentTypeId | null): Capability[] {
  return ['emergency_24h', ...(type ? (PATIENT_NEEDS[type] ?? []) : [])];
}
