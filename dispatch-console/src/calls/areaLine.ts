import type { AreaLocation } from '../../../shared/geo/areaIndex.ts';

/** The area a point falls in, in words, and whether it needs the call-taker's attention. */
export interface AreaLine {
  text: string;
  tone: 'ok' | 'warn';
}

/**
 * "Ward 60 · Region F (approximate)" inside a ward (regions come from a ward→region table, hence approximate);
 * a warning outside the metro ([IC5]: accepted, but the call-taker should confirm the place). Pure.
 */
export function areaLine(location: AreaLocation): AreaLine {
  if (!location.isInsideMetro) {
    return { text: 'Outside the City of Johannesburg — confirm the location with the caller (it will be flagged)', tone: 'warn' };
  }
  const parts: string[] = [];
  if (location.ward !== null) parts.push(`Ward ${location.ward}`);
  if (location.region !== null) parts.push(`Region ${location.region} (approximate)`);
  if (parts.length === 0) return { text: 'Inside the metro, ward not found — confirm the location', tone: 'warn' };
  return { text: parts.join(' · '), tone: 'ok' };
}
