import type { LngLat } from '../shared/geo/position.ts';
import { UNIT_KIND_AGENCY, UNIT_KINDS } from '../shared/units/unitKinds.ts';
import { UnitIdSchema, type Unit } from '../shared/units/unitSchema.ts';

/** `count` available units `bench-00001`… of every kind in turn, each at the position `placeOf` draws. */
export function syntheticUnits(count: number, placeOf: () => LngLat, now: number): Unit[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = UNIT_KINDS[i % UNIT_KINDS.length] ?? 'als';
    const id = `bench-${String(i + 1).padStart(5, '0')}`;
    return {
      id: UnitIdSchema.parse(id),
      callSign: id.toUpperCase(),
      kind,
      agency: UNIT_KIND_AGENCY[kind],
      baseId: 'bench-base',
      baseName: 'Bench base',
      status: 'available',
      statusAt: now,
      incidentId: null,
      position: placeOf(),
      fixAt: now,
      destinationId: null,
      unansweredAt: null,
    crew: [],
    };
  });
}
