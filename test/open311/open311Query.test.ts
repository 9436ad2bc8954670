import { describe, expect, it } from 'vitest';
import { listValue, parseW3DateTime } from '../../server/open311/open311RequestQuery.ts';

describe('[CC10] reading GET requests arguments', () => {
  it('[CC10] w3 date-times with their zone name one instant; without a zone, or impossible, they are refused', () => {
    const instant = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(parseW3DateTime('2026-01-01T00:00:00Z')).toBe(instant);
    expect(parseW3DateTime('2026-01-01T02:00:00+02:00')).toBe(instant);
    expect(parseW3DateTime('2025-12-31T19:00-05:00')).toBe(instant);
    expect(parseW3DateTime('2026-01-01T00:00:00.250Z')).toBe(instant + 250);
    // "+02:00" sent unencoded in a query string arrives as " 02:00".
    expect(parseW3DateTime('2026-01-01T02:00:00 02:00')).toBe(instant);
    for (const bad of ['2026-01-01', '2026-01-01T00:00:00', '2026-02-30T00:00:00Z', '2026-01-01T24:00:00Z', '2026-13-01T00:00Z', '2026-01-01T00:00:00+15:00', 'yesterday', '']) {
      expect(parseW3DateTime(bad), bad).toBeNull();
    }
  });

  it('[CC10] a filter may be sent once, several times or comma separated; anything but text is refused', () => {
    expect(listValue(undefined)).toEqual([]);
    expect(listValue('open')).toEqual(['open']);
    expect(listValue('open, closed,')).toEqual(['open', 'closed']);
    expect(listValue(['ROAD-SIGN', 'ROAD-SINKHOLE,PARK-MAINTENANCE'])).toEqual(['ROAD-SIGN', 'ROAD-SINKHOLE', 'PARK-MAINTENANCE']);
    expect(listValue({ nested: 'x' })).toBeNull();
  });
});
