import type { LngLat } from './position.ts';

/** Bounding box in degrees: [west, south, east, north]. */
export type BBox = [number, number, number, number];

/** A uniform grid of `cols` × `rows` cells over `bounds`; cells are numbered row by row from the south-west. */
export type GridSpec = { bounds: BBox; cols: number; rows: number; cellWidth: number; cellHeight: number };

/** Inclusive ranges of cell columns and rows. */
export type CellRange = { col0: number; col1: number; row0: number; row1: number };

/** A grid over `bounds` whose cells are at most `cellDegrees` on a side (at least one cell per axis). */
export function createGridSpec(bounds: BBox, cellDegrees: number): GridSpec {
  const [west, south, east, north] = bounds;
  const cols = Math.max(1, Math.ceil((east - west) / cellDegrees));
  const rows = Math.max(1, Math.ceil((north - south) / cellDegrees));
  return { bounds, cols, rows, cellWidth: (east - west) / cols || 1, cellHeight: (north - south) / rows || 1 };
}

function clamp(value: number, max: number): number {
  return Math.min(max, Math.max(0, value));
}

/** The cell number holding `p`, or null when `p` lies outside the grid (or is NaN). Points on the east/north edge belong to the last cell. */
export function cellOfPoint(grid: GridSpec, p: LngLat): number | null {
  const [west, south, east, north] = grid.bounds;
  const [lng, lat] = p;
  if (!(lng >= west && lng <= east && lat >= south && lat <= north)) return null;
  const col = clamp(Math.floor((lng - west) / grid.cellWidth), grid.cols - 1);
  const row = clamp(Math.floor((lat - south) / grid.cellHeight), grid.rows - 1);
  return row * grid.cols + col;
}

/** The cells a bounding box overlaps, clipped to the grid; null when it misses the grid entirely. */
export function cellsOfBBox(grid: GridSpec, bbox: BBox): CellRange | null {
  const [west, south, east, north] = grid.bounds;
  if (bbox[2] < west || bbox[0] > east || bbox[3] < south || bbox[1] > north) return null;
  return {
    col0: clamp(Math.floor((bbox[0] - west) / grid.cellWidth), grid.cols - 1),
    col1: clamp(Math.floor((bbox[2] - west) / grid.cellWidth), grid.cols - 1),
    row0: clamp(Math.floor((bbox[1] - south) / grid.cellHeight), grid.rows - 1),
    row1: clamp(Math.floor((bbox[3] - south) / grid.cellHeight), grid.rows - 1),
  };
}

/** Calls `visit` with each cell number in `range`. */
export function forEachCell(grid: GridSpec, range: CellRange, visit: (cell: number) => void): void {
  for (let row = range.row0; row <= range.row1; row += 1) {
    for (let col = range.col0; col <= range.col1; col += 1) visit(row * grid.cols + col);
  }
}

/** The centre of a cell, degrees. */
export function cellCenter(grid: GridSpec, cell: number): LngLat {
  const col = cell % grid.cols;
  const row = Math.floor(cell / grid.cols);
  return [grid.bounds[0] + (col + 0.5) * grid.cellWidth, grid.bounds[1] + (row + 0.5) * grid.cellHeight];
}

/** Whether `bbox` contains `p` (edges included). */
export function bboxContains(bbox: BBox, p: LngLat): boolean {
  return p[0] >= bbox[0] && p[0] <= bbox[2] && p[1] >= bbox[1] && p[1] <= bbox[3];
}
