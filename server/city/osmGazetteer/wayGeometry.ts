import type { LngLat } from '../../../shared/geo/position.ts';
import type { OsmExtract } from '../../routing/osm/readOsmExtract.ts';

/** The known positions of a way's nodes, in order (nodes missing from the extract are skipped). */
export function wayPoints(extract: OsmExtract, refs: readonly number[]): LngLat[] {
  const points: LngLat[] = [];
  for (const ref of refs) {
    const index = extract.nodeIndex.get(ref);
    if (index === undefined) continue;
    points.push([extract.lng[index] ?? 0, extract.lat[index] ?? 0]);
  }
  return points;
}

/** Mean of a way's known node positions (the closing node of a ring counted once); null if none is known. */
export function wayCentroid(extract: OsmExtract, refs: readonly number[]): LngLat | null {
  const ring = refs.length > 1 && refs[0] === refs[refs.length - 1] ? refs.slice(0, -1) : refs;
  const points = wayPoints(extract, ring);
  if (points.length === 0) return null;
  let lng = 0;
  let lat = 0;
  for (const p of points) {
    lng += p[0];
    lat += p[1];
  }
  return [lng / points.length, lat / points.length];
}

/** A local flat projection (degrees of latitude, longitude shrunk by the latitude's cosine): enough for a street. */
type Flat = { x: number; y: number };

function flatten(p: LngLat, cosLat: number): Flat {
  return { x: p[0] * cosLat, y: p[1] };
}

/** The point of segment a–b nearest to c, as the fraction along a–b. */
function nearestFraction(a: Flat, b: Flat, c: Flat): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const squared = dx * dx + dy * dy;
  if (squared === 0) return 0;
  return Math.min(1, Math.max(0, ((c.x - a.x) * dx + (c.y - a.y) * dy) / squared));
}

/**
 * A point on the lines near their middle: the length-weighted centre of all their segments, moved onto the nearest
 * segment, so that it lies ON the street even when the street bends or comes in pieces. Null without any point.
 */
export function pointNearMiddle(lines: readonly (readonly LngLat[])[]): LngLat | null {
  const first = lines.find((line) => line.length > 0)?.[0];
  if (first === undefined) return null;
  const cosLat = Math.cos((first[1] * Math.PI) / 180);
  let total = 0;
  let cx = 0;
  let cy = 0;
  for (const line of lines) {
    for (let i = 1; i < line.length; i += 1) {
      const a = line[i - 1];
      const b = line[i];
      if (a === undefined || b === undefined) continue;
      const fa = flatten(a, cosLat);
      const fb = flatten(b, cosLat);
      const length = Math.hypot(fb.x - fa.x, fb.y - fa.y);
      total += length;
      cx += ((fa.x + fb.x) / 2) * length;
      cy += ((fa.y + fb.y) / 2) * length;
    }
  }
  if (total === 0) return first;
  const centre: Flat = { x: cx / total, y: cy / total };
  let best: LngLat = first;
  let bestDistance = Infinity;
  for (const line of lines) {
    for (let i = 1; i < line.length; i += 1) {
      const a = line[i - 1];
      const b = line[i];
      if (a === undefined || b === undefined) continue;
      const fa = flatten(a, cosLat);
      const fb = flatten(b, cosLat);
      const t = nearestFraction(fa, fb, centre);
      const x = fa.x + t * (fb.x - fa.x);
      const y = fa.y + t * (fb.y - fa.y);
      const distance = Math.hypot(x - centre.x, y - centre.y);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
      }
    }
  }
  return best;
}
