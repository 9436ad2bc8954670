import type { AreaLocation } from '../../../shared/geo/areaIndex.ts';

/** The area a point falls in, in words, and whether it needs the call-taker's attention. */
export interface AreaLine {
  text: string;
  tone: 'ok' | 'warn';
}

/** What the city is called, and whether its pack divides it into wards (an imported OSM pack does not). */
export interface CityWords {
  name: string;
  hasWards: boolean;
}

const JOHANNESBURG: CityWords = { name: 'City of Johannesburg', hasWards: true };

/**
 * "Ward 60 · Region F (approximate)" inside a ward (regions come from a ward→region table, hence approximate);
 * "Inside Andorra" in a city without wards; a warning outside the city ([IC5]: accepted, but the call-taker
 * should confirm the place). Pure.
 */
export function areaLine(location: AreaLocation, city: CityWords = JOHANNESBURG): AreaLine {
  // "the City of Johannesburg", but "Andorra".
  const place = /^City of /.test(city.name) ? `the ${city.name}` : city.name;
  if (!location.isInsideMetro) {
    return { text: `Outside ${place} — confirm the location with the caller (it will be flagged)`, tone: 'warn' };
  }
  if (!city.hasWards) return { text: `Inside ${place}`, tone: 'ok' };
  const parts: string[] = [];
  if (location.ward !== null) parts.push(`Ward ${location.ward}`);
  if (location.region !== null) parts.push(`Region ${location.region} (approximate)`);
  if (parts.length === 0) return { text: 'Inside the metro, ward not found — confirm the location', tone: 'warn' };
  return { text: parts.join(' · '), tone: 'ok' };
}
