import { bbox, pointOnFeature } from '@turf/turf';
import type { AreaGeometry, Facility, Ward } from '../../shared/city/citySchema.ts';
import { GazetteerEntrySchema, type GazetteerEntry } from '../../shared/city/gazetteer.ts';
import { createAreaIndex, type AreaIndex } from '../../shared/geo/areaIndex.ts';
import { toLngLat, type LngLat } from '../../shared/geo/position.ts';
import { REGIONS, type Region } from '../../shared/incidents/incidentSchema.ts';
import type { CityData } from './cityData.ts';

/**
 * Well-known places placed at a facility of the city pack that stands in them: no coordinates are invented, and a
 * place whose facility is missing from the pack is left out. The point is a real facility, not the place's centre.
 */
const PLACES_AT_FACILITIES: readonly { id: string; name: string; facilityId: string }[] = [
  { id: 'place-johannesburg-cbd', name: 'Johannesburg CBD', facilityId: 'saps-johannesburg-central' },
  { id: 'place-soweto', name: 'Soweto', facilityId: 'hf-chris-hani-baragwanath-hospital' },
  { id: 'place-parktown', name: 'Parktown', facilityId: 'hf-charlotte-maxeke-hospital' },
  { id: 'place-sandton', name: 'Sandton', facilityId: 'saps-sandton' },
  { id: 'place-orange-farm', name: 'Orange Farm', facilityId: 'saps-orange-farms' },
];

function areaLine(ward: number | null, region: Region | null, approximate: boolean): string {
  const parts = [ward === null ? null : `Ward ${ward}`, region === null ? null : `Region ${region}`].filter((p) => p !== null);
  if (parts.length === 0) return '';
  return parts.join(' · ') + (approximate && region !== null ? ' (approximate)' : '');
}

function facilityEntry(facility: Facility): GazetteerEntry {
  // Police stations have no street address in the source and an approximate region (from the ward→region table).
  const detail = facility.address.trim() || areaLine(facility.ward, facility.region, facility.kind === 'police_station');
  return { id: facility.id, name: facility.name, kind: facility.kind, detail, position: facility.position };
}

/** Every ring of a Polygon or MultiPolygon. */
function ringsOf(geometry: AreaGeometry): LngLat[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/**
 * The middle of the widest stretch of the horizontal line at `lat` that lies inside `geometry` (even-odd rule over
 * all rings, so holes and separate parts count), or null when the line misses it.
 */
function midpointOfWidestSpan(geometry: AreaGeometry, lat: number): LngLat | null {
  const crossings: number[] = [];
  for (const ring of ringsOf(geometry)) {
    for (let i = 1; i < ring.length; i += 1) {
      const a = ring[i - 1];
      const b = ring[i];
      if (a === undefined || b === undefined) continue;
      // Half-open on latitude so that a line through a vertex counts it once.
      if (a[1] <= lat !== b[1] <= lat) crossings.push(a[0] + ((lat - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
    }
  }
  crossings.sort((x, y) => x - y);
  let best: LngLat | null = null;
  let widest = 0;
  for (let i = 1; i < crossings.length; i += 2) {
    const west = crossings[i - 1];
    const east = crossings[i];
    if (west !== undefined && east !== undefined && east - west > widest) {
      widest = east - west;
      best = [(west + east) / 2, lat];
    }
  }
  return best;
}

/** Fractions of the ward's height at which to look for an inside point: the middle first, then ever finer. */
const SCAN_FRACTIONS = [0.5, 0.25, 0.75, 0.375, 0.625, 0.125, 0.875, 0.3125, 0.6875, 0.1875, 0.8125, 0.4375, 0.5625, 0.0625, 0.9375];

/**
 * A point inside the ward that the area index also assigns to it. turf `pointOnFeature` first (the centroid when
 * that lies inside); but when the centroid falls outside, turf answers a vertex of the ward, which lies on an edge
 * shared with a neighbour and is assigned to whichever ward comes first. Then the middle of the widest inside
 * stretch of a horizontal line through the ward, at a few heights, until the index agrees.
 */
export function pointInWard(ward: Ward, areas: AreaIndex): LngLat {
  const [lng, lat] = pointOnFeature(ward.geometry).geometry.coordinates;
  if (lng !== undefined && lat !== undefined) {
    const p = toLngLat(lng, lat);
    if (areas.locate(p).ward === ward.ward) return p;
  }
  const [, south, , north] = bbox(ward.geometry);
  for (const fraction of SCAN_FRACTIONS) {
    const p = midpointOfWidestSpan(ward.geometry, south + fraction * (north - south));
    if (p !== null && areas.locate(p).ward === ward.ward) return toLngLat(p[0], p[1]);
  }
  throw new Error(`ward ${ward.ward}: found no point inside it`);
}

function mean(points: readonly LngLat[]): LngLat {
  const sum = points.reduce<[number, number]>((acc, p) => [acc[0] + p[0], acc[1] + p[1]], [0, 0]);
  return toLngLat(sum[0] / points.length, sum[1] / points.length);
}

/**
 * The city's gazetteer: every facility (address as detail), every ward (at a point inside it, checked against `areas`,
 * the city's area index, built here unless given), every region A–G that
 * has wards (at the mean of its wards' points), a few well-known places located at one of the facilities, and the
 * pack's gazetteer.json (streets, intersections, places, points of interest, addresses) when it has one. Regions
 * are the approximate ward→region table's, and say so.
 */
export function buildGazetteer(city: CityData, areas: AreaIndex = createAreaIndex(city.boundary, city.wards)): GazetteerEntry[] {
  const facilities = city.facilities.map(facilityEntry);
  const wardPoints = city.wards.map((ward) => ({ ward, position: pointInWard(ward, areas) }));
  const wards = wardPoints.map(({ ward, position }): GazetteerEntry => ({
    id: `ward-${ward.ward}`,
    name: `Ward ${ward.ward}`,
    kind: 'ward',
    detail: `Region ${ward.region} (approximate)`,
    position,
  }));
  const regions = REGIONS.flatMap((region): GazetteerEntry[] => {
    const points = wardPoints.filter((w) => w.ward.region === region).map((w) => w.position);
    if (points.length === 0) return [];
    const count = `${points.length} ward${points.length === 1 ? '' : 's'}`;
    return [{ id: `region-${region.toLowerCase()}`, name: `Region ${region}`, kind: 'region', detail: `${count} (approximate)`, position: mean(points) }];
  });
  const facilityById = new Map(city.facilities.map((f) => [f.id, f]));
  const places = PLACES_AT_FACILITIES.flatMap((place): GazetteerEntry[] => {
    const facility = facilityById.get(place.facilityId);
    if (facility === undefined) return [];
    return [{ id: place.id, name: place.name, kind: 'place', detail: `at ${facility.name}`, position: facility.position }];
  });
  const known = [...facilities, ...wards, ...regions, ...places].map((entry) => GazetteerEntrySchema.parse(entry));
  // The pack's gazetteer.json was validated when the city was loaded.
  return [...known, ...city.gazetteer];
}
