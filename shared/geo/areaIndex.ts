import { bbox as turfBBox, booleanPointInPolygon } from '@turf/turf';
import type { AreaGeometry, Ward } from '../city/citySchema.ts';

/** What the index needs of a ward: its number, region and outline (the map layers carry no more). */
export type AreaWard = Pick<Ward, 'ward' | 'region' | 'geometry'>;
import type { LngLat } from './position.ts';
import type { Region } from '../incidents/incidentSchema.ts';
import { createContainmentGrid } from './containmentGrid.ts';
import { bboxContains, cellOfPoint, cellsOfBBox, createGridSpec, forEachCell, type BBox } from './gridSpec.ts';

/** Where a point falls in the city. */
export type AreaLocation = { ward: number | null; region: Region | null; isInsideMetro: boolean };

/** Locates points in wards and regions without scanning every ward. */
export type AreaIndex = {
  locate(p: LngLat): AreaLocation;
  /** The most wards any one lookup tests with point-in-polygon (the size of the fullest grid cell). */
  maxCandidatesPerLookup: number;
};

/** Grid cell size in degrees (about 1 km): a Johannesburg cell holds 1–4 ward candidates. */
export const AREA_INDEX_CELL_DEGREES = 0.01;

function unionBBox(boxes: readonly BBox[]): BBox {
  return boxes.reduce<BBox>(
    (acc, b) => [Math.min(acc[0], b[0]), Math.min(acc[1], b[1]), Math.max(acc[2], b[2]), Math.max(acc[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

function bboxOf(geometry: AreaGeometry): BBox {
  const [west, south, east, north] = turfBBox(geometry);
  return [west, south, east, north];
}

/**
 * Builds the index: a uniform grid whose cells list the wards whose bounding box overlaps them (in `wards` order),
 * so a lookup tests only those few candidates. A point on a shared ward edge gets the first ward in `wards` order.
 * `isInsideMetro` is true inside the boundary or inside any ward (the two files differ by rounding along the edge).
 */
export function createAreaIndex(boundary: AreaGeometry, wards: readonly AreaWard[], cellDegrees = AREA_INDEX_CELL_DEGREES): AreaIndex {
  const wardBoxes = wards.map((ward) => bboxOf(ward.geometry));
  const grid = createGridSpec(unionBBox([bboxOf(boundary), ...wardBoxes]), cellDegrees);
  const candidates: number[][] = Array.from({ length: grid.cols * grid.rows }, () => []);
  wardBoxes.forEach((box, wardIndex) => {
    const range = cellsOfBBox(grid, box);
    if (range !== null) forEachCell(grid, range, (cell) => candidates[cell]?.push(wardIndex));
  });
  const isInsideBoundary = createContainmentGrid(boundary, grid);

  function findWard(cell: number, p: LngLat): AreaWard | null {
    for (const wardIndex of candidates[cell] ?? []) {
      const ward = wards[wardIndex];
      const box = wardBoxes[wardIndex];
      if (ward !== undefined && box !== undefined && bboxContains(box, p) && booleanPointInPolygon(p, ward.geometry)) return ward;
    }
    return null;
  }

  return {
    maxCandidatesPerLookup: Math.max(0, ...candidates.map((list) => list.length)),
    locate(p) {
      const cell = cellOfPoint(grid, p);
      if (cell === null) return { ward: null, region: null, isInsideMetro: false };
      const ward = findWard(cell, p);
      if (ward !== null) return { ward: ward.ward, region: ward.region, isInsideMetro: true };
      return { ward: null, region: null, isInsideMetro: isInsideBoundary(p) };
    },
  };
}
