import { describe, expect, it } from 'vitest';
import { formatReference, isValidReference, johannesburgDay, luhnCheckDigit, spokenReference } from '../../shared/incidents/referenceNumber.ts';

describe('[IC2] reference numbers', () => {
  it('[IC2] carry a Luhn check digit that catches a single misheard digit', () => {
    const reference = formatReference('261126', 42);
    expect(reference).toBe(`EC-261126-0042-${luhnCheckDigit('2611260042')}`);
    expect(isValidReference(reference)).toBe(true);
    for (let position = 3; position < reference.length - 2; position += 1) {
      const char = reference[position] ?? '';
      if (!/\d/.test(char)) continue;
      const misheard = reference.slice(0, position) + String((Number(char) + 1) % 10) + reference.slice(position + 1);
      expect(isValidReference(misheard), misheard).toBe(false);
    }
  });

  it('[IC2] are dated in Johannesburg time (UTC+2)', () => {
    expect(johannesburgDay(Date.UTC(2026, 10, 26, 21, 59))).toBe('261126');
    expect(johannesburgDay(Date.UTC(2026, 10, 26, 22, 0))).toBe('261127');
  });

  it('[IC2] read back digit by digit in groups', () => {
    expect(spokenReference('EC-261126-0042-7')).toBe('E C · 2 6 1 1 2 6 · 0 0 4 2 · 7');
    expect(isValidReference('EC-261126-42-7')).toBe(false);
    expect(isValidReference('nonsense')).toBe(false);
  });
});
