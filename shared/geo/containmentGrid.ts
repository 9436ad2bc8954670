import { booleanPointInPolygon } from '@turf/turf';
import type { AreaGeometry } from '../city/citySchema.ts';
import type { LngLat } from './position.ts';
import { cellCenter, cellOfPoint, cellsOfBBox, forEachCell, type GridSpec } from './gridSpec.ts';

const EDGE = 2;
const INSIDE = 1;
const OUTSIDE = 0;

/** Every ring of a Polygon or MultiPolygon. */
function ringsOf(geometry: AreaGeometry): LngLat[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/**
 * A point-in-area test precomputed on `grid`: a cell that no edge of `geometry` crosses is wholly inside or
 * wholly outside (decided once from its centre), so only points in edge cells run the exact polygon test.
 */
export function createContainmentGrid(geometry: AreaGeometry, grid: GridSpec): (p: LngLat) => boolean {
  const cells = new Uint8Array(grid.cols * grid.rows);
  for (const ring of ringsOf(geometry)) {
    for (let i = 1; i < ring.length; i += 1) {
      const a = ring[i - 1];
      const b = ring[i];
      if (a === undefined || b === undefined) continue;
      const range = cellsOfBBox(grid, [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])]);
      if (range !== null) forEachCell(grid, range, (cell) => (cells[cell] = EDGE));
    }
  }
  for (let cell = 0; cell < cells.length; cell += 1) {
    if (cells[cell] !== EDGE) cells[cell] = booleanPointInPolygon(cellCenter(grid, cell), geometry) ? INSIDE : OUTSIDE;
  }
  return (p) => {
    const cell = cellOfPoint(grid, p);
    if (cell === null) return false;
    const state = cells[cell];
    return state === EDGE ? booleanPointInPolygon(p, geometry) : state === INSIDE;
  };
}
