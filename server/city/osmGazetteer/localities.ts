import { distanceMeters } from '../../../shared/geo/distance.ts';
import type { LngLat } from '../../../shared/geo/position.ts';

/** The OSM `place` values the gazetteer lists as places, from the largest to the smallest. */
export const PLACE_TYPES = ['city', 'town', 'village', 'suburb', 'quarter', 'neighbourhood', 'hamlet', 'locality'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

export function isPlaceType(value: string | undefined): value is PlaceType {
  return (PLACE_TYPES as readonly string[]).includes(value ?? '');
}

/** A named place node of the extract. */
export type OsmPlace = { name: string; type: PlaceType; position: LngLat; osmId: number };

/**
 * How far a place's name reaches, in metres. OSM places are points, not areas (the extract's boundaries are not
 * assembled), so a point belongs to the nearest place relative to its reach, as geocoders do without areas.
 */
const REACH_METERS: Record<PlaceType, number> = {
  city: 15_000,
  town: 5_000,
  village: 2_500,
  suburb: 2_500,
  quarter: 1_500,
  neighbourhood: 1_000,
  hamlet: 1_200,
  locality: 0,
};

/** Settlements a point is "in", and the parts of town within them. Localities (a peak, a field) name no area. */
const SETTLEMENTS: ReadonlySet<PlaceType> = new Set(['city', 'town', 'village']);
const DISTRICTS: ReadonlySet<PlaceType> = new Set(['suburb', 'quarter', 'neighbourhood', 'hamlet']);

/** Grid cell of the place lookup, degrees: about 11 km, so a lookup reads the cells within a city's reach. */
const CELL_DEGREES = 0.1;
const MAX_REACH_CELLS = Math.ceil(Math.max(...Object.values(REACH_METERS)) / 111_000 / CELL_DEGREES) + 1;

/** Where a point is: its district and settlement when known; `label` reads "Braamfontein, Johannesburg". */
export type Locality = { district: OsmPlace | null; settlement: OsmPlace | null; label: string };

export type LocalityIndex = {
  /** The locality of a point. */
  localityOf(p: LngLat): Locality;
  /** The settlement a place belongs to: the nearest larger one within reach, or null. */
  parentOf(place: OsmPlace): OsmPlace | null;
};

const cellKey = (col: number, row: number): string => `${col}:${row}`;

/** Indexes the places on a coarse grid so that each lookup reads only the places near the point. */
export function createLocalityIndex(places: readonly OsmPlace[]): LocalityIndex {
  const cells = new Map<string, OsmPlace[]>();
  for (const place of places) {
    if (!SETTLEMENTS.has(place.type) && !DISTRICTS.has(place.type)) continue;
    const key = cellKey(Math.floor(place.position[0] / CELL_DEGREES), Math.floor(place.position[1] / CELL_DEGREES));
    const list = cells.get(key) ?? [];
    list.push(place);
    cells.set(key, list);
  }

  /** The place of `types` whose reach covers `p` most closely (distance over reach), or null. */
  function nearest(p: LngLat, types: ReadonlySet<PlaceType>, exclude: OsmPlace | undefined, below: PlaceType | null, accept: (place: OsmPlace) => boolean = () => true): OsmPlace | null {
    const col = Math.floor(p[0] / CELL_DEGREES);
    const row = Math.floor(p[1] / CELL_DEGREES);
    const belowRank = below === null ? Infinity : PLACE_TYPES.indexOf(below);
    let best: OsmPlace | null = null;
    let bestRatio = 1;
    for (let dc = -MAX_REACH_CELLS; dc <= MAX_REACH_CELLS; dc += 1) {
      for (let dr = -MAX_REACH_CELLS; dr <= MAX_REACH_CELLS; dr += 1) {
        for (const place of cells.get(cellKey(col + dc, row + dr)) ?? []) {
          if (place === exclude || !types.has(place.type) || PLACE_TYPES.indexOf(place.type) >= belowRank) continue;
          const ratio = distanceMeters(p, place.position) / REACH_METERS[place.type];
          if (ratio < bestRatio && accept(place)) {
            best = place;
            bestRatio = ratio;
          }
        }
      }
    }
    return best;
  }

  const parents = new Map<OsmPlace, OsmPlace | null>();
  function parentOf(place: OsmPlace): OsmPlace | null {
    const known = parents.get(place);
    if (known !== undefined) return known;
    const parent = nearest(place.position, SETTLEMENTS, place, place.type);
    parents.set(place, parent);
    return parent;
  }

  return {
    localityOf(p) {
      const settlement = nearest(p, SETTLEMENTS, undefined, null);
      // Only a district of that settlement, so the two names never contradict each other.
      const district = nearest(p, DISTRICTS, undefined, null, (d) => parentOf(d) === settlement);
      const names = [district?.name, settlement?.name].filter((name): name is string => name !== undefined);
      const label = names.length === 2 && names[0] === names[1] ? (names[0] ?? '') : names.join(', ');
      return { district, settlement, label };
    },
    parentOf,
  };
}
