import { z } from 'zod';

/** Every status a unit can be in. Only `available` units are recommended or assignable. */
export const UNIT_STATUSES = [
  'available',
  'dispatched',
  'en_route',
  'on_scene',
  'transporting',
  'at_hospital',
  'out_of_service',
] as const;
export const UnitStatusSchema = z.enum(UNIT_STATUSES);
export type UnitStatus = z.infer<typeof UnitStatusSchema>;

export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = {
  available: 'Available',
  dispatched: 'Dispatched',
  en_route: 'En route',
  on_scene: 'On scene',
  transporting: 'Transporting',
  at_hospital: 'At hospital',
  out_of_service: 'Out of service',
};

/**
 * [US1] Allowed status transitions reported with `unit:status`, by current status.
 * `available → dispatched` is not here: only `dispatch:assign` commits a unit.
 * Returning to `available` from a committed status clears the unit from its incident (stand-down or job done).
 */
export const UNIT_STATUS_TRANSITIONS: Record<UnitStatus, readonly UnitStatus[]> = {
  available: ['out_of_service'],
  dispatched: ['en_route', 'available', 'out_of_service'],
  en_route: ['on_scene', 'available', 'out_of_service'],
  on_scene: ['transporting', 'available', 'out_of_service'],
  transporting: ['at_hospital', 'out_of_service'],
  at_hospital: ['available', 'out_of_service'],
  out_of_service: ['available'],
};

/** True when a unit in `from` may report `to` through `unit:status`. */
export function isStatusTransitionAllowed(from: UnitStatus, to: UnitStatus): boolean {
  return UNIT_STATUS_TRANSITIONS[from].includes(to);
}

/** The statuses from which `to` may be reported; the atomic script checks the live status against this list. */
export function statusesAllowedBefore(to: UnitStatus): UnitStatus[] {
  return UNIT_STATUSES.filter((from) => isStatusTransitionAllowed(from, to));
}

/** True while the unit is committed to an incident. */
export function isCommittedStatus(status: UnitStatus): boolean {
  switch (status) {
    case 'dispatched':
    case 'en_route':
    case 'on_scene':
    case 'transporting':
    case 'at_hospital':
      return true;
    case 'available':
    case 'out_of_service':
      return false;
  }
}
