import type { Ward } from '../../shared/city/citySchema.ts';
import type { AreaIndex } from '../../shared/geo/areaIndex.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import { pointInWard } from '../city/buildGazetteer.ts';

/** A ward as coverage measures it: reached at one point inside it. */
export interface CoverageWard {
  ward: number;
  name: string;
  position: LngLat;
}

/**
 * [CV3] Each ward's representative point, computed once at start: its centroid when that lies inside it, else a point
 * well inside it (the same point the gazetteer finds the ward at). A ward is reached when that point is.
 */
export function coverageWards(wards: readonly Ward[], areas: AreaIndex): CoverageWard[] {
  return wards.map((ward) => ({ ward: ward.ward, name: `Ward ${ward.ward}`, position: pointInWard(ward, areas) }));
}
