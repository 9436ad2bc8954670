import { seededRandom } from '../support/seededRandom.ts';

/** One row of a hand-built call log, stamps as epoch ms (null: empty cell). */
export interface LogRow {
  callId: string;
  receivedAt: number;
  type: string;
  lat: number;
  lng: number;
  unitId: string;
  unitKind: string;
  dispatchedAt: number | null;
  enRouteAt: number | null;
  onSceneAt: number | null;
  transportingAt: number | null;
  atHospitalAt: number | null;
  availableAt: number | null;
}

const EMS_TYPES = ['medical_emergency', 'chest_pain', 'breathing_problem', 'fall', 'injured_person', 'stroke'];
const FIRE_TYPES = ['structure_fire', 'vehicle_fire', 'veld_fire'];

/**
 * A call log of `calls` calls, one every few minutes over a couple of days in Johannesburg, with 1–2 units each
 * from a fleet of 36, and the troubles a real log has: units sent on to a more urgent call while on their way
 * (diverts), units re-dispatched after being stood down elsewhere, missing stamps, a unit on scene that was never
 * dispatched, and one out-of-order stamp. Deterministic for a seed.
 */
export function buildCallLog(calls: number, seed = 7): LogRow[] {
  const random = seededRandom(seed);
  const between = (low: number, high: number): number => Math.round(low + random() * (high - low)) * 1000;
  const start = Date.parse('2026-03-02T06:00:00+02:00');
  const units = [
    ...Array.from({ length: 16 }, (_, i) => ({ id: `M-${101 + i}`, kind: 'ALS' })),
    ...Array.from({ length: 10 }, (_, i) => ({ id: `B-${201 + i}`, kind: 'BLS' })),
    ...Array.from({ length: 10 }, (_, i) => ({ id: `E-${301 + i}`, kind: 'ENGINE' })),
  ];
  const freeAt = new Map(units.map((unit) => [unit.id, 0]));
  /** The row each unit is on while its log says it is committed. */
  const onRow = new Map<string, LogRow>();
  const rows: LogRow[] = [];
  let at = start;
  for (let n = 0; n < calls; n += 1) {
    at += between(120, 600);
    const isFire = random() < 0.25;
    const isUrgent = n % 37 === 5;
    const type = isUrgent ? 'cardiac_arrest' : isFire ? FIRE_TYPES[n % FIRE_TYPES.length] : EMS_TYPES[n % EMS_TYPES.length];
    const call = { callId: `C${10_000 + n}`, receivedAt: at, type: type ?? 'medical_emergency', lat: -26.2 + (random() - 0.5) * 0.3, lng: 28.05 + (random() - 0.5) * 0.3 };
    const wanted = isFire ? ['ENGINE', 'ENGINE'] : random() < 0.3 ? ['ALS', 'BLS'] : ['ALS'];
    for (const kind of wanted) {
      const dispatchedAt = at + between(15, 150);
      let unit = units.find((candidate) => candidate.kind === kind && (freeAt.get(candidate.id) ?? 0) < dispatchedAt);
      // [DV] An urgent call takes a unit still on its way to another job: the log re-dispatches it.
      if (isUrgent) {
        const busy = [...onRow.entries()].find(([id, row]) => row.callId !== call.callId && units.find((u) => u.id === id)?.kind === kind && row.onSceneAt !== null && row.onSceneAt > dispatchedAt && row.dispatchedAt !== null && row.dispatchedAt < dispatchedAt);
        if (busy) {
          const [id, row] = busy;
          unit = units.find((u) => u.id === id);
          if (row.enRouteAt !== null && row.enRouteAt >= dispatchedAt) row.enRouteAt = null;
          row.onSceneAt = null;
          row.transportingAt = null;
          row.atHospitalAt = null;
          row.availableAt = null;
        }
      }
      if (!unit) continue;
      const enRouteAt = dispatchedAt + between(20, 110);
      const onSceneAt = enRouteAt + between(90, 720);
      const transports = kind !== 'ENGINE' && random() < 0.5;
      const transportingAt = transports ? onSceneAt + between(300, 1200) : null;
      const atHospitalAt = transportingAt !== null ? transportingAt + between(300, 1500) : null;
      const availableAt = (atHospitalAt ?? onSceneAt) + between(300, 1200);
      const row: LogRow = { ...call, unitId: unit.id, unitKind: unit.kind, dispatchedAt, enRouteAt, onSceneAt, transportingAt, atHospitalAt, availableAt };
      rows.push(row);
      onRow.set(unit.id, row);
      freeAt.set(unit.id, availableAt + 60_000);
    }
    if (!rows.some((row) => row.callId === call.callId)) rows.push({ ...call, unitId: '', unitKind: '', dispatchedAt: null, enRouteAt: null, onSceneAt: null, transportingAt: null, atHospitalAt: null, availableAt: null });
  }
  const withUnits = rows.filter((row) => row.unitId !== '' && row.enRouteAt !== null && row.onSceneAt !== null && row.availableAt !== null);
  // Missing stamps: no en route although on scene (flagged), and no stamps at all after the dispatch (not flagged).
  for (const row of withUnits.slice(10, 16)) row.enRouteAt = null;
  for (const row of withUnits.slice(20, 23)) Object.assign(row, { enRouteAt: null, onSceneAt: null, transportingAt: null, atHospitalAt: null });
  // One out-of-order stamp: on scene before en route.
  const swapped = withUnits[30];
  if (swapped && swapped.enRouteAt !== null && swapped.onSceneAt !== null) [swapped.enRouteAt, swapped.onSceneAt] = [swapped.onSceneAt, swapped.enRouteAt];
  // A unit on scene that the log never dispatched.
  const undispatched = withUnits[40];
  if (undispatched) undispatched.dispatchedAt = null;
  return rows;
}

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString().replace('.000Z', '+00:00'));

/** The rows as the documented call-log CSV. */
export function callLogCsv(rows: readonly LogRow[]): string {
  const header = 'call_id,received_at,type,lat,lng,unit_id,unit_kind,dispatched_at,en_route_at,on_scene_at,transporting_at,at_hospital_at,available_at';
  const lines = rows.map((r) => [r.callId, iso(r.receivedAt), r.type, r.lat.toFixed(6), r.lng.toFixed(6), r.unitId, r.unitKind, iso(r.dispatchedAt), iso(r.enRouteAt), iso(r.onSceneAt), iso(r.transportingAt), iso(r.atHospitalAt), iso(r.availableAt)].join(','));
  return `${[header, ...lines].join('\n')}\n`;
}
