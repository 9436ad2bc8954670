import { parseCoordinates } from '../../../shared/geo/parseCoordinates.ts';
import type { CoordinateFormat } from '../../../shared/geo/parseCoordinates.ts';
import { searchGazetteer } from '../../../shared/city/gazetteer.ts';
import type { GazetteerEntry, GazetteerIndex } from '../../../shared/city/gazetteer.ts';
import type { LngLat } from '../../../shared/geo/position.ts';

/** What the one location box holds. */
export type LocationQuery =
  | { kind: 'empty' }
  | { kind: 'coordinates'; position: LngLat; format: CoordinateFormat }
  | { kind: 'bad_coordinates'; reason: string }
  | { kind: 'search'; matches: GazetteerEntry[] };

/** Only digits, signs, separators, degree/minute/second marks and hemisphere letters. */
const COORDINATE_CHARACTERS = /^[\s\d.,;:°º˚'’′"”″+\-−–NSEWnsew]*$/;
const HEMISPHERE_WORDS = /\b(north|south|east|west)\b/gi;

/**
 * Whether the text is meant as coordinates (so a parse failure is shown, not a place search): only coordinate
 * characters, and two numbers or more, or one starting the text ("-26.2"). "w60" is a ward search, not a longitude.
 */
export function looksLikeCoordinates(text: string): boolean {
  if (!COORDINATE_CHARACTERS.test(text.replace(HEMISPHERE_WORDS, ''))) return false;
  const numbers = text.match(/\d+(?:\.\d+)?/g) ?? [];
  return numbers.length >= 2 || (numbers.length === 1 && /^\s*[-+−–.\d]/.test(text));
}

/**
 * Reads the location box: coordinates in any form people say them (parseCoordinates), else a place search over the
 * gazetteer. Text made only of coordinate characters that does not parse reports why, instead of searching. Pure.
 */
export function interpretLocation(text: string, index: GazetteerIndex | null, limit = 8): LocationQuery {
  if (text.trim() === '') return { kind: 'empty' };
  const parsed = parseCoordinates(text);
  if (parsed.ok) return { kind: 'coordinates', position: parsed.position, format: parsed.format };
  if (looksLikeCoordinates(text)) return { kind: 'bad_coordinates', reason: parsed.reason };
  return { kind: 'search', matches: index ? searchGazetteer(index, text, limit) : [] };
}

/** "-26.20410, 28.04730" (lat, lng as people say them). */
export function formatLatLng(position: LngLat): string {
  return `${position[1].toFixed(5)}, ${position[0].toFixed(5)}`;
}
