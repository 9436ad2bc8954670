import { describe, expect, it } from 'vitest';
import { KeyAnswersSchema, classifyIncident } from '../../shared/incidents/classifyIncident.ts';
import { INCIDENT_TYPE_IDS, incidentType } from '../../shared/incidents/incidentTypes.ts';

describe('[IC6] classification from key questions', () => {
  it('[IC6] with no answers the type default stands', () => {
    for (const id of INCIDENT_TYPE_IDS) {
      expect(classifyIncident(id, {})).toEqual({ priority: incidentType(id).priority, reasons: [] });
    }
  });

  it('[IC6] an answer can raise or lower the level', () => {
    expect(classifyIncident('chest_pain', { conscious: 'no' }).priority).toBe('echo');
    expect(classifyIncident('cardiac_arrest', { breathing_normally: 'yes' }).priority).toBe('delta');
    expect(classifyIncident('theft', { happening_now: 'no' }).priority).toBe('alpha');
    expect(classifyIncident('theft', { happening_now: 'yes' }).priority).toBe('charlie');
    expect(classifyIncident('road_accident', { trapped: 'yes' }).priority).toBe('echo');
    expect(classifyIncident('armed_robbery', { suspect_on_scene: 'yes' }).priority).toBe('echo');
  });

  it('[IC6] an answer with no level for that reply changes nothing', () => {
    expect(classifyIncident('chest_pain', { conscious: 'yes' })).toEqual({ priority: 'delta', reasons: [] });
  });

  it('[IC6] a raise wins over a lower', () => {
    // pain_gone=yes lowers to charlie, conscious=no raises to echo
    const result = classifyIncident('chest_pain', { pain_gone: 'yes', conscious: 'no' });
    expect(result.priority).toBe('echo');
    expect(classifyIncident('theft', { happening_now: 'no', anyone_injured: 'yes' }).priority).toBe('delta');
  });

  it('[IC6] among raises the most urgent wins', () => {
    // childbirth default charlie: birth_imminent → delta, heavy_bleeding → echo
    expect(classifyIncident('childbirth', { birth_imminent: 'yes', heavy_bleeding: 'yes' }).priority).toBe('echo');
    expect(classifyIncident('childbirth', { heavy_bleeding: 'yes', birth_imminent: 'yes' }).priority).toBe('echo');
    expect(classifyIncident('childbirth', { birth_imminent: 'yes', heavy_bleeding: 'no' }).priority).toBe('delta');
  });

  it('[IC6] with only lowers the most urgent lowered level wins (the conservative choice)', () => {
    // structure_fire default echo: small_contained → charlie, fire_out → bravo
    expect(classifyIncident('structure_fire', { small_contained: 'yes', fire_out: 'yes' }).priority).toBe('charlie');
    expect(classifyIncident('structure_fire', { fire_out: 'yes' }).priority).toBe('bravo');
    // storm_damage default charlie: property_only → alpha
    expect(classifyIncident('storm_damage', { property_only: 'yes' }).priority).toBe('alpha');
  });

  it('[IC6] an answer that confirms the default stops it being lowered', () => {
    const result = classifyIncident('structure_fire', { people_inside: 'yes', fire_out: 'yes' });
    expect(result.priority).toBe('echo');
    expect(result.reasons).toEqual(['Is anyone trapped or still inside? Yes → Echo']);
  });

  it('[IC6] answers to unknown question ids are ignored', () => {
    expect(classifyIncident('chest_pain', { no_such_question: 'yes' })).toEqual({ priority: 'delta', reasons: [] });
    expect(classifyIncident('chest_pain', { no_such_question: 'no', conscious: 'no' }).priority).toBe('echo');
    // an id that belongs to another type only
    expect(classifyIncident('theft', { conscious: 'no' }).priority).toBe('bravo');
    // inherited object keys are not questions
    expect(classifyIncident('theft', JSON.parse('{"__proto__": "yes"}') as Record<string, 'yes' | 'no'>).priority).toBe('bravo');
  });

  it('[IC6] reasons say in words which answers set the level', () => {
    const one = classifyIncident('cardiac_arrest', { breathing_normally: 'yes' });
    expect(one.reasons).toEqual(['Is the patient breathing normally? Yes → Delta']);
    const two = classifyIncident('chest_pain', { conscious: 'no', breathing_normally: 'no', pain_gone: 'yes' });
    expect(two.priority).toBe('echo');
    expect(two.reasons).toEqual(['Is the patient conscious? No → Echo', 'Is the patient breathing normally? No → Echo']);
    // the call-taker hint in brackets is left out
    expect(classifyIncident('road_accident', { trapped: 'yes' }).reasons).toEqual(['Is anyone trapped in a vehicle? Yes → Echo']);
  });

  it('[IC6] the answers schema accepts yes/no by question id and refuses anything else', () => {
    expect(KeyAnswersSchema.safeParse({ conscious: 'no', breathing_normally: 'yes' }).success).toBe(true);
    expect(KeyAnswersSchema.safeParse({}).success).toBe(true);
    expect(KeyAnswersSchema.safeParse({ conscious: 'maybe' }).success).toBe(false);
    expect(KeyAnswersSchema.safeParse({ conscious: true }).success).toBe(false);
    expect(KeyAnswersSchema.safeParse({ 'Bad-Id': 'yes' }).success).toBe(false);
    expect(KeyAnswersSchema.safeParse({ ['a'.repeat(41)]: 'yes' }).success).toBe(false);
    expect(KeyAnswersSchema.safeParse({ ['a'.repeat(40)]: 'yes' }).success).toBe(true);
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`q${i}`, 'yes']));
    expect(KeyAnswersSchema.safeParse(many).success).toBe(false);
    const twenty = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`q${i}`, 'no']));
    expect(KeyAnswersSchema.safeParse(twenty).success).toBe(true);
  });
});
