import { describe, expect, it } from 'vitest';
import { formatReference, isValidReference, luhnCheckDigit, referenceDay, spokenReference } from '../../shared/incidents/referenceNumber.ts';

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
    expect(referenceDay(Date.UTC(2026, 10, 26, 21, 59), 'Africa/Johannesburg')).toBe('261126');
    expect(referenceDay(Date.UTC(2026, 10, 26, 22, 0), 'Africa/Johannesburg')).toBe('261127');
  });

  it('[IC2][OP2] are dated on the city\'s own calendar, daylight saving included (Andorra: UTC+2 in July, UTC+1 in January)', () => {
    // 23:30 UTC is already the next day in Andorra, summer and winter; in UTC it is not.
    expect(referenceDay(Date.UTC(2026, 6, 14, 23, 30), 'Europe/Andorra')).toBe('260715');
    expect(referenceDay(Date.UTC(2026, 0, 14, 23, 30), 'Europe/Andorra')).toBe('260115');
    expect(referenceDay(Date.UTC(2026, 6, 14, 23, 30), 'UTC')).toBe('260714');
    // 22:30 UTC tells the seasons apart: 00:30 the next day in July, 23:30 the same day in January.
    expect(referenceDay(Date.UTC(2026, 6, 14, 22, 30), 'Europe/Andorra')).toBe('260715');
    expect(referenceDay(Date.UTC(2026, 0, 14, 22, 30), 'Europe/Andorra')).toBe('260114');
  });

  it('[IC2] read back digit by digit in groups', () => {
    expect(spokenReference('EC-261126-0042-7')).toBe('E C · 2 6 1 1 2 6 · 0 0 4 2 · 7');
    expect(isValidReference('EC-261126-42-7')).toBe(false);
    expect(isValidReference('nonsense')).toBe(false);
  });
});
