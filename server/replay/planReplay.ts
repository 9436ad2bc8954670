import { responseFlags } from '../../shared/reports/responseRecord.ts';
import type { IntervalFlag } from '../../shared/reports/intervalReportSchema.ts';
import type { UnitStatus } from '../../shared/units/unitStatus.ts';
import type { CallLog, LoggedCall, LoggedResponse } from './readCallLog.ts';

/** What the replay sends of one unit response. */
export type ResponsePlan =
  /** Every stamp, each as the status it reports. */
  | 'all'
  /** [RL4] A flagged row: its dispatch and its clear only, so the record holds no interval from its stamps. */
  | 'dispatch_and_clear'
  /** [RL4] No dispatch, or a dispatch before the call: nothing of the unit can be sent. */
  | 'nothing';

export interface PlannedResponse extends LoggedResponse {
  flags: IntervalFlag[];
  plan: ResponsePlan;
}

/** One step of the replay, at its time. */
export type ReplayEvent =
  | { at: number; kind: 'call'; call: LoggedCall }
  | { at: number; kind: 'dispatch'; response: PlannedResponse }
  | { at: number; kind: 'status'; response: PlannedResponse; status: Exclude<UnitStatus, 'dispatched' | 'out_of_service'> };

/** At one instant: the call first, then dispatches, then statuses in the order a response runs. */
const PHASE: Record<string, number> = { call: 0, dispatch: 1, en_route: 2, on_scene: 3, transporting: 4, at_hospital: 5, available: 6 };

const phaseOf = (event: ReplayEvent): number => (event.kind === 'status' ? (PHASE[event.status] ?? 9) : (PHASE[event.kind] ?? 9));

/**
 * [RL4] The flags of a row, as the archive would set them (shared/reports/responseRecord.ts), and two more the
 * replay must know before it sends anything: a dispatch before the call, and a clear before the last stamp.
 */
export function rowFlags(response: LoggedResponse, call: LoggedCall): IntervalFlag[] {
  const flags = new Set(responseFlags({
    dispatched: response.dispatchedAt,
    en_route: response.enRouteAt,
    on_scene: response.onSceneAt,
    transporting: response.transportingAt,
    at_hospital: response.atHospitalAt,
  }));
  const stamps = [response.dispatchedAt, response.enRouteAt, response.onSceneAt, response.transportingAt, response.atHospitalAt].filter((at): at is number => at !== null);
  if (response.dispatchedAt !== null && response.dispatchedAt < call.receivedAt) flags.add('out_of_order');
  if (response.availableAt !== null && stamps.some((at) => at > (response.availableAt ?? 0))) flags.add('out_of_order');
  return [...flags];
}

function planOf(response: LoggedResponse, call: LoggedCall, flags: readonly IntervalFlag[]): ResponsePlan {
  if (response.dispatchedAt === null || response.dispatchedAt < call.receivedAt) return 'nothing';
  return flags.length > 0 ? 'dispatch_and_clear' : 'all';
}

/** [RL4] Every event of the log in time order (ties: calls, dispatches, then statuses in their order; then the file's order). */
export function planReplay(log: CallLog): { events: ReplayEvent[]; responses: PlannedResponse[] } {
  const calls = new Map(log.calls.map((call) => [call.callId, call]));
  const events: ReplayEvent[] = log.calls.map((call) => ({ at: call.receivedAt, kind: 'call', call }));
  const responses: PlannedResponse[] = [];
  for (const response of log.responses) {
    const call = calls.get(response.callId);
    if (!call) continue;
    const flags = rowFlags(response, call);
    const planned: PlannedResponse = { ...response, flags, plan: planOf(response, call, flags) };
    responses.push(planned);
    if (planned.plan === 'nothing' || planned.dispatchedAt === null) continue;
    events.push({ at: planned.dispatchedAt, kind: 'dispatch', response: planned });
    const statuses: [Exclude<UnitStatus, 'dispatched' | 'out_of_service'>, number | null][] =
      planned.plan === 'all'
        ? [['en_route', planned.enRouteAt], ['on_scene', planned.onSceneAt], ['transporting', planned.transportingAt], ['at_hospital', planned.atHospitalAt], ['available', planned.availableAt]]
        : [['available', planned.availableAt]];
    for (const [status, at] of statuses) if (at !== null) events.push({ at: Math.max(at, planned.dispatchedAt), kind: 'status', response: planned, status });
  }
  const lineOf = (event: ReplayEvent): number => (event.kind === 'call' ? 0 : event.response.line);
  events.sort((a, b) => a.at - b.at || phaseOf(a) - phaseOf(b) || lineOf(a) - lineOf(b));
  return { events, responses };
}
