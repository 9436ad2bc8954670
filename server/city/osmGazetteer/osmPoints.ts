import type { GazetteerEntry } from '../../../shared/city/gazetteer.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import type { OsmExtract, OsmTags } from '../../routing/osm/readOsmExtract.ts';
import { addressOf, poiTypeOf, nameOf } from './gazetteerTags.ts';
import type { LocalityIndex } from './localities.ts';
import { nameKey } from './osmStreets.ts';
import { wayCentroid } from './wayGeometry.ts';

/** A tagged element at a point: a node at its position, a way (outline) at its centroid. */
type PointElement = { ref: string; tags: OsmTags; position: LngLat };

/** The extract's kept nodes and ways as points (`n123`, `w45`), in file order. */
export function pointElements(extract: OsmExtract): PointElement[] {
  const elements: PointElement[] = [];
  for (const node of extract.taggedNodes) elements.push({ ref: `n${node.id}`, tags: node.tags, position: [extract.lng[node.index] ?? 0, extract.lat[node.index] ?? 0] });
  for (const way of extract.ways) {
    const position = wayCentroid(extract, way.refs);
    if (position !== null) elements.push({ ref: `w${way.id}`, tags: way.tags, position });
  }
  return elements;
}

const addressText = (address: { number: string; street: string }): string => `${address.number} ${address.street}`;
const detailOf = (parts: readonly (string | null)[]): string => parts.filter((part): part is string => part !== null && part !== '').join(' · ');

/**
 * [LO4] Points of interest worth searching in an emergency (hotels, schools, stations, shops, sports grounds,
 * named buildings, peaks…: gazetteerTags.poiTypeOf), detail "Hotel · 93 Avinguda Carlemany · les Escaldes".
 */
export function poiEntries(elements: readonly PointElement[], localities: LocalityIndex): GazetteerEntry[] {
  return elements.flatMap((element): GazetteerEntry[] => {
    const type = poiTypeOf(element.tags);
    const name = nameOf(element.tags);
    if (type === null || name === null) return [];
    const address = addressOf(element.tags);
    const detail = detailOf([type, address === null ? null : addressText(address), localities.localityOf(element.position).label]);
    return [{ id: `poi-${element.ref}`, name, kind: 'poi', detail, position: element.position }];
  });
}

/**
 * [LO4] Street addresses of nodes and buildings ("12 Carrer Major"), one per address per locality, detail the
 * building's name and the locality.
 */
export function addressEntries(elements: readonly PointElement[], localities: LocalityIndex): GazetteerEntry[] {
  const seen = new Set<string>();
  return elements.flatMap((element): GazetteerEntry[] => {
    const address = addressOf(element.tags);
    if (address === null) return [];
    const name = addressText(address);
    const locality = localities.localityOf(element.position).label;
    const key = `${nameKey(name)}|${locality}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ id: `address-${element.ref}`, name, kind: 'address', detail: detailOf([nameOf(element.tags), locality]), position: element.position }];
  });
}
