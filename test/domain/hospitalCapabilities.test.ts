import { describe, expect, it } from 'vitest';
import { facilityCapabilities, patientNeeds } from '../../shared/hospitals/capabilities.ts';

describe('[HO1][HO2] what a facility can take and what a patient needs', () => {
  const facility = (classification: string, hasEmergencyUnit24h = true, kind: 'hospital' | 'community_health_centre' = 'hospital') => ({ classification, hasEmergencyUnit24h, kind });

  it('[HO1] capabilities follow the level of care when the data says nothing better', () => {
    expect(facilityCapabilities(facility('CENTRAL HOSPITAL'))).toEqual(['emergency_24h', 'trauma', 'burns', 'paediatrics', 'maternity', 'psychiatric']);
    expect(facilityCapabilities(facility('REGIONAL HOSPITAL'))).toEqual(['emergency_24h', 'trauma', 'paediatrics', 'maternity']);
    expect(facilityCapabilities(facility('DISTRICT HOSPITAL'))).toEqual(['emergency_24h', 'maternity']);
    expect(facilityCapabilities(facility('CHC', true, 'community_health_centre'))).toEqual(['emergency_24h', 'maternity']);
    expect(facilityCapabilities(facility('SPECIALISED PSYCHIATRIC HOSPITAL', false))).toEqual(['psychiatric']);
    expect(facilityCapabilities(facility('HOSPITAL (emergency=yes)'))).toEqual(['emergency_24h', 'trauma', 'paediatrics', 'maternity']);
    expect(facilityCapabilities(facility('CLINIC', false, 'community_health_centre'))).toEqual([]);
  });

  it('[HO2] a crash, a shooting or a fall needs trauma care; burns a burns unit; a birth maternity; a cardiac arrest the emergency unit', () => {
    expect(patientNeeds('road_accident_entrapment')).toEqual(['emergency_24h', 'trauma']);
    expect(patientNeeds('shooting_stabbing')).toEqual(['emergency_24h', 'trauma']);
    expect(patientNeeds('burns')).toEqual(['emergency_24h', 'burns']);
    expect(patientNeeds('childbirth')).toEqual(['emergency_24h', 'maternity']);
    expect(patientNeeds('cardiac_arrest')).toEqual(['emergency_24h']);
    expect(patientNeeds(null)).toEqual(['emergency_24h']);
  });
});
