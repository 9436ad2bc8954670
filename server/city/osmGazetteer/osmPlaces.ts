import type { GazetteerEntry } from '../../../shared/city/gazetteer.ts';
import type { OsmExtract } from '../../routing/osm/readOsmExtract.ts';
import { nameOf } from './gazetteerTags.ts';
import { isPlaceType, type LocalityIndex, type OsmPlace } from './localities.ts';

/** The named place nodes of an extract (city, town, village, suburb, quarter, neighbourhood, hamlet, locality). */
export function placesOf(extract: OsmExtract): OsmPlace[] {
  const places: OsmPlace[] = [];
  for (const node of extract.taggedNodes) {
    const type = node.tags.place;
    const name = nameOf(node.tags);
    if (!isPlaceType(type) || name === null) continue;
    places.push({ name, type, position: [extract.lng[node.index] ?? 0, extract.lat[node.index] ?? 0], osmId: node.id });
  }
  return places;
}

const typeLabel = (place: OsmPlace): string => place.type.charAt(0).toUpperCase() + place.type.slice(1);

/** [LO4] Each place at its node, its detail what it is and the settlement it belongs to ("Hamlet · La Massana"). */
export function placeEntries(places: readonly OsmPlace[], localities: LocalityIndex): GazetteerEntry[] {
  return places.map((place) => {
    const parent = localities.parentOf(place);
    const detail = parent === null ? typeLabel(place) : `${typeLabel(place)} · ${parent.name}`;
    return { id: `place-n${place.osmId}`, name: place.name, kind: 'place', detail, position: place.position };
  });
}
