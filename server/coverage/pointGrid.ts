import { distanceMeters, EARTH_RADIUS_METERS } from '../../shared/geo/distance.ts';
import type { LngLat } from '../../shared/geo/position.ts';

const METERS_PER_DEGREE = (EARTH_RADIUS_METERS * Math.PI) / 180;
/** Under the haversine distance a cell's width in metres is a hair less than the flat estimate far from its middle. */
const BOUND_SAFETY = 0.99;

/** A point and how far it is, in metres. */
export interface Near<T> {
  item: T;
  meters: number;
}

/**
 * [CV3] Items with a position, bucketed on a grid of squares at least `cellMeters` wide, so that the nearest few to
 * a point are found without measuring every item: a ward's nearest units out of a fleet of thousands.
 */
export class PointGrid<T> {
  private readonly cells = new Map<number, { item: T; position: LngLat; index: number }[]>();
  private readonly cellLng: number;
  private readonly cellLat: number;
  private readonly originLng: number;
  private readonly originLat: number;
  private readonly columns: number;
  private readonly rows: number;

  constructor(
    items: readonly T[],
    positionOf: (item: T) => LngLat,
    private readonly cellMeters = 2_000,
  ) {
    const positions = items.map(positionOf);
    let [west, south, east, north, widestLat] = [Infinity, Infinity, -Infinity, -Infinity, 0];
    for (const [lng, lat] of positions) {
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
      widestLat = Math.max(widestLat, Math.abs(lat));
    }
    this.originLng = items.length > 0 ? west : 0;
    this.originLat = items.length > 0 ? south : 0;
    // Degrees of longitude are measured at the latitude furthest from the equator (with a margin), where they are
    // narrowest, so that every cell is at least `cellMeters` wide wherever it lies.
    const narrowestAt = Math.min(89, widestLat + 1);
    this.cellLat = cellMeters / METERS_PER_DEGREE;
    this.cellLng = cellMeters / (METERS_PER_DEGREE * Math.cos((narrowestAt * Math.PI) / 180));
    this.columns = items.length > 0 ? Math.floor((east - west) / this.cellLng) + 1 : 0;
    this.rows = items.length > 0 ? Math.floor((north - south) / this.cellLat) + 1 : 0;
    items.forEach((item, i) => {
      const position = positions[i] as LngLat;
      const key = this.keyOf(this.columnOf(position[0]), this.rowOf(position[1]));
      const cell = this.cells.get(key);
      if (cell) cell.push({ item, position, index: i });
      else this.cells.set(key, [{ item, position, index: i }]);
    });
  }

  /**
   * The items in increasing distance from `to` (haversine), produced ring by ring as far as needed: an item is given
   * once every item not yet measured is known to be further away. Equal distances come in the order the items were
   * given.
   */
  *nearestFirst(to: LngLat): Generator<Near<T>> {
    if (this.columns === 0) return;
    const column = this.columnOf(to[0]);
    const row = this.rowOf(to[1]);
    // The rings that reach the grid: from the nearest (0 when `to` lies on it) to the one holding its far corner.
    const firstRing = Math.max(0, -column, column - (this.columns - 1), -row, row - (this.rows - 1));
    const lastRing = Math.max(Math.abs(column), Math.abs(this.columns - 1 - column), Math.abs(row), Math.abs(this.rows - 1 - row));
    let pending: (Near<T> & { index: number })[] = [];
    for (let ring = firstRing; ring <= lastRing; ring += 1) {
      for (const key of this.ringKeys(column, row, ring)) {
        for (const { item, position, index } of this.cells.get(key) ?? []) pending.push({ item, meters: distanceMeters(position, to), index });
      }
      // Every item of a later ring lies at least `ring` whole cells away in longitude or in latitude.
      const bound = ring === lastRing ? Number.POSITIVE_INFINITY : ring * this.cellMeters * BOUND_SAFETY;
      pending.sort((a, b) => a.meters - b.meters || a.index - b.index);
      const ready = pending.findIndex((near) => near.meters > bound);
      const given = ready === -1 ? pending : pending.slice(0, ready);
      pending = ready === -1 ? [] : pending.slice(ready);
      for (const { item, meters } of given) yield { item, meters };
    }
  }

  private columnOf(lng: number): number {
    return Math.floor((lng - this.originLng) / this.cellLng);
  }

  private rowOf(lat: number): number {
    return Math.floor((lat - this.originLat) / this.cellLat);
  }

  private keyOf(column: number, row: number): number {
    return column * 1_000_003 + row;
  }

  /** The keys of the cells at Chebyshev distance `ring` from (column, row) that lie inside the grid. */
  private *ringKeys(column: number, row: number, ring: number): Generator<number> {
    const inside = (c: number, r: number): boolean => c >= 0 && c < this.columns && r >= 0 && r < this.rows;
    if (ring === 0) {
      if (inside(column, row)) yield this.keyOf(column, row);
      return;
    }
    for (let c = column - ring; c <= column + ring; c += 1) {
      if (inside(c, row - ring)) yield this.keyOf(c, row - ring);
      if (inside(c, row + ring)) yield this.keyOf(c, row + ring);
    }
    for (let r = row - ring + 1; r <= row + ring - 1; r += 1) {
      if (inside(column - ring, r)) yield this.keyOf(column - ring, r);
      if (inside(column + ring, r)) yield this.keyOf(column + ring, r);
    }
  }
}
