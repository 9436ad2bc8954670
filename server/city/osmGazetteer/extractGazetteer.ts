import { GazetteerEntrySchema, type GazetteerEntry, GAZETTEER_KINDS } from '../../../shared/city/gazetteer.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import type { OsmExtract } from '../../routing/osm/readOsmExtract.ts';
import { createLocalityIndex } from './localities.ts';
import { intersectionEntries } from './osmIntersections.ts';
import { placeEntries, placesOf } from './osmPlaces.ts';
import { addressEntries, poiEntries, pointElements } from './osmPoints.ts';
import { streetEntries, streetWaysOf } from './osmStreets.ts';

/** Decimal places kept in gazetteer.json: 6 is about 0.1 m, finer than OSM's own precision. */
export const GAZETTEER_DECIMALS = 6;
const SCALE = 10 ** GAZETTEER_DECIMALS;

const rounded = (p: LngLat): LngLat => [Math.round(p[0] * SCALE) / SCALE, Math.round(p[1] * SCALE) / SCALE];

/** Makes ids unique by numbering repeats ("junction-n12", "junction-n12-2"): one node may join several pairs. */
function uniqueIds(entries: readonly GazetteerEntry[]): GazetteerEntry[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const count = (seen.get(entry.id) ?? 0) + 1;
    seen.set(entry.id, count);
    return count === 1 ? entry : { ...entry, id: `${entry.id}-${count}` };
  });
}

/**
 * [LO4] The gazetteer of an OpenStreetMap extract: places, streets (and road numbers), intersections, points of
 * interest and street addresses, each placed at a real point of the data (no coordinate is invented) with its
 * locality. Sorted by kind, then name, then id, so that an import of the same extract writes the same file.
 */
export function extractGazetteer(extract: OsmExtract): GazetteerEntry[] {
  const places = placesOf(extract);
  const localities = createLocalityIndex(places);
  const streets = streetWaysOf(extract, localities);
  const elements = pointElements(extract);
  const entries = [
    ...placeEntries(places, localities),
    ...streetEntries(streets),
    ...intersectionEntries(extract, streets, localities),
    ...poiEntries(elements, localities),
    ...addressEntries(elements, localities),
  ].map((entry) => ({ ...entry, position: rounded(entry.position) }));
  const kindRank = (entry: GazetteerEntry): number => GAZETTEER_KINDS.indexOf(entry.kind);
  entries.sort((a, b) => kindRank(a) - kindRank(b) || a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id, 'en'));
  return uniqueIds(entries).map((entry) => GazetteerEntrySchema.parse(entry));
}
