import { describe, expect, it } from 'vitest';
import { apportion } from '../../server/city/apportion.ts';

describe('apportion', () => {
  it('[FLEET6] gives every positive share at least one, the rest by largest remainder, summing to the total', () => {
    const counts = apportion(40, [15, 12, 12, 42, 17, 20, 17]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(counts[3]).toBe(Math.max(...counts));
  });

  it('[FLEET6] gives nothing to zero-weight shares and is deterministic on ties', () => {
    expect(apportion(5, [1, 0, 1])).toEqual([3, 0, 2]);
    expect(apportion(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(apportion(3, [0, 0])).toEqual([0, 0]);
  });
});
