import type { BBox } from './gridSpec.ts';
import { LngLatSchema, type LngLat } from './position.ts';

/** Where the city is, for checking typed coordinates: inside its outline, or near its bounding box. */
export type CityArea = { bounds: BBox; contains(p: LngLat): boolean };

/** How far around the city's bounding box a point still counts as near the city, degrees (about 10 km). */
export const NEAR_CITY_MARGIN_DEGREES = 0.1;

/** A common slip when coordinates are read out or typed: the two numbers swapped, or a minus sign dropped. */
export type CoordinateSlip = 'latitude_sign' | 'longitude_sign' | 'both_signs' | 'swapped' | 'swapped_latitude_sign' | 'swapped_longitude_sign' | 'swapped_both_signs';

export type CoordinateCorrection = { position: LngLat; slip: CoordinateSlip };

/** The slips, most likely first: one dropped sign, then the order, then both at once. `p` is [lng, lat]. */
const SLIPS: readonly { slip: CoordinateSlip; fix: (p: LngLat) => [number, number] }[] = [
  { slip: 'latitude_sign', fix: ([lng, lat]) => [lng, -lat] },
  { slip: 'longitude_sign', fix: ([lng, lat]) => [-lng, lat] },
  { slip: 'both_signs', fix: ([lng, lat]) => [-lng, -lat] },
  { slip: 'swapped', fix: ([lng, lat]) => [lat, lng] },
  { slip: 'swapped_latitude_sign', fix: ([lng, lat]) => [lat, -lng] },
  { slip: 'swapped_longitude_sign', fix: ([lng, lat]) => [-lat, lng] },
  { slip: 'swapped_both_signs', fix: ([lng, lat]) => [-lat, -lng] },
];

function isNearBox(p: LngLat, [west, south, east, north]: BBox): boolean {
  const m = NEAR_CITY_MARGIN_DEGREES;
  return p[0] >= west - m && p[0] <= east + m && p[1] >= south - m && p[1] <= north + m;
}

/**
 * [LO7] "Did you mean…?" for typed coordinates: when `position` is neither inside the city nor near it, the first
 * slip (swapped latitude and longitude, a dropped minus sign, or both) that puts it inside the city's outline, else
 * near its bounding box; null when the position is in or near the city, or no slip explains it. Pure.
 */
export function correctCoordinateSlip(position: LngLat, area: CityArea): CoordinateCorrection | null {
  if (area.contains(position) || isNearBox(position, area.bounds)) return null;
  const candidates = SLIPS.flatMap(({ slip, fix }): CoordinateCorrection[] => {
    const parsed = LngLatSchema.safeParse(fix(position));
    if (!parsed.success) return [];
    const [lng, lat] = parsed.data;
    // -0 and 0 are the same place: a slip that changes nothing is no slip.
    if (lng === position[0] && lat === position[1]) return [];
    return [{ position: parsed.data, slip }];
  });
  return candidates.find((c) => area.contains(c.position)) ?? candidates.find((c) => isNearBox(c.position, area.bounds)) ?? null;
}
