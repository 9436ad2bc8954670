import type { OsmExtract, OsmTags } from '../../server/routing/osm/readOsmExtract.ts';

/** A hand-made extract: nodes by OSM id at [lng, lat], and ways with tags and node ids. */
export function syntheticExtract(nodes: Record<number, [number, number]>, ways: { id: number; tags: OsmTags; refs: number[] }[]): OsmExtract {
  const extract: OsmExtract = { nodeIndex: new Map(), lng: [], lat: [], taggedNodes: [], ways };
  for (const [id, [lng, lat]] of Object.entries(nodes)) {
    extract.nodeIndex.set(Number(id), extract.lng.length);
    extract.lng.push(lng);
    extract.lat.push(lat);
  }
  return extract;
}
