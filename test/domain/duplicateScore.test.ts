import { describe, expect, it } from 'vitest';
import {
  DUPLICATE_RADIUS_METERS,
  DUPLICATE_WINDOW_MINUTES,
  areFamiliesCompatible,
  scoreDuplicate,
} from '../../shared/incidents/duplicateScore.ts';
import { INCIDENT_FAMILIES } from '../../shared/incidents/catalogueTypes.ts';

describe('[DU1] duplicate scoring', () => {
  it('[DU1] the same type at the same place at the same moment scores about 1', () => {
    const result = scoreDuplicate({ distanceMeters: 0, ageMinutes: 0, typeId: 'structure_fire' }, { typeId: 'structure_fire' });
    expect(result.score).toBeCloseTo(1, 5);
    expect(result.isLikely).toBe(true);
    expect(result.reasons.join(' ')).toMatch(/same type/);
  });

  it('[DU1] beyond the radius scores 0', () => {
    const result = scoreDuplicate({ distanceMeters: DUPLICATE_RADIUS_METERS + 1, ageMinutes: 0, typeId: 'road_accident' }, { typeId: 'road_accident' });
    expect(result).toMatchObject({ score: 0, isLikely: false });
    expect(scoreDuplicate({ distanceMeters: DUPLICATE_RADIUS_METERS, ageMinutes: 0, typeId: 'road_accident' }, { typeId: 'road_accident' }).isLikely).toBe(false);
  });

  it('[DU1] beyond the window scores 0', () => {
    const result = scoreDuplicate({ distanceMeters: 0, ageMinutes: DUPLICATE_WINDOW_MINUTES + 1, typeId: 'road_accident' }, { typeId: 'road_accident' });
    expect(result).toMatchObject({ score: 0, isLikely: false });
  });

  it('[DU1] incompatible families score 0', () => {
    const result = scoreDuplicate({ distanceMeters: 0, ageMinutes: 0, typeId: 'theft' }, { typeId: 'childbirth' });
    expect(result).toMatchObject({ score: 0, isLikely: false });
    expect(result.reasons.join(' ')).toMatch(/unrelated/);
  });

  it('[DU1] a compatible family scores lower than the same type', () => {
    const same = scoreDuplicate({ distanceMeters: 100, ageMinutes: 5, typeId: 'road_accident' }, { typeId: 'road_accident' });
    const related = scoreDuplicate({ distanceMeters: 100, ageMinutes: 5, typeId: 'road_accident' }, { typeId: 'injured_person' });
    expect(related.score).toBeGreaterThan(0);
    expect(related.score).toBeLessThan(same.score);
    expect(related.isLikely).toBe(true);
    // same family, different type, counts as compatible
    const sameFamily = scoreDuplicate({ distanceMeters: 100, ageMinutes: 5, typeId: 'road_accident' }, { typeId: 'road_accident_entrapment' });
    expect(sameFamily.score).toBeCloseTo(related.score, 10);
  });

  it('[DU1] the score falls as distance and age grow', () => {
    let previous = Infinity;
    for (let d = 0; d <= DUPLICATE_RADIUS_METERS; d += 100) {
      const { score } = scoreDuplicate({ distanceMeters: d, ageMinutes: 10, typeId: 'assault' }, { typeId: 'assault' });
      expect(score).toBeLessThan(previous);
      previous = score;
    }
    previous = Infinity;
    for (let age = 0; age <= DUPLICATE_WINDOW_MINUTES; age += 10) {
      const { score } = scoreDuplicate({ distanceMeters: 200, ageMinutes: age, typeId: 'assault' }, { typeId: 'shooting_stabbing' });
      expect(score).toBeLessThan(previous);
      previous = score;
    }
  });

  it('[DU1] scores stay in [0, 1] and unknown measurements score 0', () => {
    expect(scoreDuplicate({ distanceMeters: -5, ageMinutes: -1, typeId: 'veld_fire' }, { typeId: 'veld_fire' }).score).toBeLessThanOrEqual(1);
    expect(scoreDuplicate({ distanceMeters: Number.NaN, ageMinutes: 0, typeId: 'veld_fire' }, { typeId: 'veld_fire' }).score).toBe(0);
  });

  it('[DU1] place weighs more than time', () => {
    expect(scoreDuplicate({ distanceMeters: 0, ageMinutes: 90, typeId: 'veld_fire' }, { typeId: 'veld_fire' }).isLikely).toBe(true);
    expect(scoreDuplicate({ distanceMeters: 900, ageMinutes: 1, typeId: 'veld_fire' }, { typeId: 'veld_fire' }).isLikely).toBe(false);
  });

  it('[DU1] family compatibility is symmetric and covers the usual pairs', () => {
    for (const a of INCIDENT_FAMILIES) {
      expect(areFamiliesCompatible(a, a)).toBe(true);
      for (const b of INCIDENT_FAMILIES) expect(areFamiliesCompatible(a, b)).toBe(areFamiliesCompatible(b, a));
    }
    expect(areFamiliesCompatible('traffic', 'injury')).toBe(true);
    expect(areFamiliesCompatible('traffic', 'fire')).toBe(true);
    expect(areFamiliesCompatible('fire', 'rescue')).toBe(true);
    expect(areFamiliesCompatible('fire', 'hazmat')).toBe(true);
    expect(areFamiliesCompatible('injury', 'violence')).toBe(true);
    expect(areFamiliesCompatible('crime', 'violence')).toBe(true);
    expect(areFamiliesCompatible('medical', 'injury')).toBe(true);
    expect(areFamiliesCompatible('disaster', 'rescue')).toBe(true);
    expect(areFamiliesCompatible('disaster', 'fire')).toBe(true);
    expect(areFamiliesCompatible('medical', 'crime')).toBe(false);
    expect(areFamiliesCompatible('traffic', 'crime')).toBe(false);
    expect(areFamiliesCompatible('disaster', 'crime')).toBe(false);
  });
});
