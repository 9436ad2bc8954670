import type { LngLat } from '../../../shared/geo/position.ts';
import type { OsmExtract, OsmTags } from './readOsmExtract.ts';
import { StationListSchema, type Station, type StationKind } from './stationSchema.ts';

/** The station kind of an element's tags [RO5], or null. */
export function stationKindOf(tags: OsmTags): StationKind | null {
  if (tags.amenity === 'fire_station') return 'fire_station';
  if (tags.emergency === 'ambulance_station') return 'ambulance_station';
  if (tags.amenity === 'hospital') return 'hospital';
  if (tags.amenity === 'police') return 'police_station';
  return null;
}

const KIND_LABELS: Record<StationKind, string> = {
  fire_station: 'fire station',
  ambulance_station: 'ambulance station',
  hospital: 'hospital',
  police_station: 'police station',
};

function nameOf(tags: OsmTags, kind: StationKind, osmType: 'node' | 'way', osmId: number): string {
  const name = (tags.name ?? tags['name:en'] ?? tags.official_name)?.trim();
  return name !== undefined && name !== '' ? name : `Unnamed ${KIND_LABELS[kind]} (OSM ${osmType} ${osmId})`;
}

function emergencyDepartmentOf(tags: OsmTags, kind: StationKind): boolean | null {
  if (kind !== 'hospital') return null;
  if (tags.emergency === 'yes') return true;
  if (tags.emergency === 'no') return false;
  return null;
}

/** Mean of a way's known node positions (closing node of a ring counted once), degrees; null if none is known. */
function centroidOf(extract: OsmExtract, refs: readonly number[]): LngLat | null {
  const ring = refs.length > 1 && refs[0] === refs[refs.length - 1] ? refs.slice(0, -1) : refs;
  let lng = 0;
  let lat = 0;
  let count = 0;
  for (const ref of ring) {
    const index = extract.nodeIndex.get(ref);
    if (index === undefined) continue;
    lng += extract.lng[index] ?? 0;
    lat += extract.lat[index] ?? 0;
    count += 1;
  }
  return count === 0 ? null : [lng / count, lat / count];
}

/**
 * Fire stations, ambulance stations, hospitals and police stations of an extract [RO5]: tagged nodes at their
 * position and ways at their centroid, sorted by kind then id, validated with StationListSchema.
 */
export function extractStations(extract: OsmExtract): Station[] {
  const stations: Station[] = [];
  const add = (tags: OsmTags, osmType: 'node' | 'way', osmId: number, position: LngLat | null): void => {
    const kind = stationKindOf(tags);
    if (kind === null || position === null) return;
    stations.push({
      id: `osm-${osmType}-${osmId}`,
      name: nameOf(tags, kind, osmType, osmId),
      kind,
      position,
      osmType,
      osmId,
      emergencyDepartment: emergencyDepartmentOf(tags, kind),
    });
  };
  for (const node of extract.taggedNodes) add(node.tags, 'node', node.id, [extract.lng[node.index] ?? 0, extract.lat[node.index] ?? 0]);
  for (const way of extract.ways) add(way.tags, 'way', way.id, centroidOf(extract, way.refs));
  stations.sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return StationListSchema.parse(stations);
}
