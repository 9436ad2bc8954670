import type { Unit } from '../../../shared/units/unitSchema.ts';

/** [CR2] Who is signed on to a vehicle, for the board ("Thabo Nkosi, Naledi Dube"); empty when nobody is. */
export function crewNames(unit: Pick<Unit, 'crew'> | undefined): string {
  return unit?.crew.map((member) => member.name).join(', ') ?? '';
}
