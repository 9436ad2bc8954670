import { describe, expect, it } from 'vitest';
import { placeOfType, preArrivalSets } from '../../dispatch-console/src/calls/preArrivalSets.ts';
import { PRE_ARRIVAL_INSTRUCTIONS } from '../../shared/incidents/preArrivalInstructions.ts';
import { PATIENT_PLACES } from '../../shared/incidents/catalogueTypes.ts';

const allSteps = (...args: Parameters<typeof preArrivalSets>): string => preArrivalSets(...args).flatMap((set) => set.steps).join(' ').toLowerCase();

describe('[PA1] pre-arrival instructions fit where the patient is', () => {
  it('[PA1] a motorway crash hears about hazard lights and staying off the road, never porch lights or pets', () => {
    expect(placeOfType('road_accident')).toBe('road');
    const text = allSteps('road_accident');
    expect(text).toContain('hazard lights');
    expect(text).toContain('stay off the road');
    expect(text).not.toMatch(/outside lights|pets/);
  });

  it('[PA1] at home: outside lights, the gate and pets; in a building: the entrance and a lift; outdoors: a landmark and a light', () => {
    expect(placeOfType('cardiac_arrest')).toBe('home');
    expect(allSteps('cardiac_arrest')).toContain('lock pets away');
    expect(allSteps('cardiac_arrest', 'building')).toMatch(/main entrance.*lift/);
    expect(placeOfType('veld_fire')).toBe('outdoors');
    expect(allSteps('fall', 'outdoors')).toMatch(/landmark.*torch/);
  });

  it('[PA1] a set with place steps has steps for every place; the place steps never repeat a general step', () => {
    for (const [id, set] of Object.entries(PRE_ARRIVAL_INSTRUCTIONS)) {
      const byPlace: Partial<Record<string, readonly string[]>> | undefined = 'byPlace' in set ? set.byPlace : undefined;
      if (!byPlace) continue;
      for (const place of PATIENT_PLACES) {
        expect(byPlace[place]?.length, `${id} ${place}`).toBeGreaterThan(0);
        for (const step of byPlace[place] ?? []) expect(set.steps, id).not.toContain(step);
      }
    }
  });
});
