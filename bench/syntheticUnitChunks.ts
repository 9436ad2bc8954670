import type { LngLat } from '../shared/geo/position.ts';
import { UNIT_KINDS } from '../shared/units/unitKinds.ts';
import { UnitIdSchema, type Unit } from '../shared/units/unitSchema.ts';
import { syntheticUnits } from './syntheticUnits.ts';

/**
 * The units `syntheticUnits(count, placeOf, now)` makes, `chunkSize` at a time: the same ids (`bench-00001`…), kinds
 * (every kind in turn) and positions in the same order (one `placeOf()` per unit), without holding every unit at once.
 * `chunkSize` is a multiple of the number of kinds, so that each chunk starts again at the first kind.
 */
export function* syntheticUnitChunks(count: number, chunkSize: number, placeOf: () => LngLat, now: number): Generator<Unit[]> {
  if (chunkSize <= 0 || chunkSize % UNIT_KINDS.length !== 0) throw new Error(`chunk size ${chunkSize}: not a positive multiple of ${UNIT_KINDS.length}`);
  for (let start = 0; start < count; start += chunkSize) {
    const chunk = syntheticUnits(Math.min(chunkSize, count - start), placeOf, now);
    if (start > 0) {
      for (const [i, unit] of chunk.entries()) {
        const id = `bench-${String(start + i + 1).padStart(5, '0')}`;
        unit.id = UnitIdSchema.parse(id);
        unit.callSign = id.toUpperCase();
      }
    }
    yield chunk;
  }
}
