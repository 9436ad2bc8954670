import type { IncidentFamily } from '../../shared/incidents/catalogueTypes.ts';
import type { UnitStatus } from '../../shared/units/unitStatus.ts';
import type { UnitKind } from '../../shared/units/unitKinds.ts';

/** How long simulated crews take over each step, seconds (demo pacing, not real-world averages). */
export interface SimulationTimings {
  turnoutSeconds: number;
  onSceneSeconds: number;
  atHospitalSeconds: number;
}

export const DEMO_TIMINGS: SimulationTimings = { turnoutSeconds: 15, onSceneSeconds: 90, atHospitalSeconds: 60 };

/** Incident families whose patients an ambulance takes to hospital. */
const TRANSPORT_FAMILIES: ReadonlySet<IncidentFamily> = new Set(['medical', 'injury', 'traffic', 'violence']);

/** [SI2] Whether an ambulance of `kind` takes a patient of an incident in `family` to hospital. */
export function needsTransport(kind: UnitKind, family: IncidentFamily): boolean {
  return (kind === 'als' || kind === 'bls') && TRANSPORT_FAMILIES.has(family);
}

/**
 * [SI2] The next status a simulated crew reports once it has spent its time in `status`:
 * dispatched → en route after turnout; on scene → transporting (or available); at hospital →
 * available. En route and transporting end on arrival, which the trip decides.
 */
export function nextTimedStatus(status: UnitStatus, secondsInStatus: number, transports: boolean, timings: SimulationTimings): UnitStatus | null {
  switch (status) {
    case 'dispatched':
      return secondsInStatus >= timings.turnoutSeconds ? 'en_route' : null;
    case 'on_scene':
      return secondsInStatus >= timings.onSceneSeconds ? (transports ? 'transporting' : 'available') : null;
    case 'at_hospital':
      return secondsInStatus >= timings.atHospitalSeconds ? 'available' : null;
    case 'en_route':
    case 'transporting':
    case 'available':
    case 'out_of_service':
      return null;
  }
}
