import { randomUUID } from 'node:crypto';
import { distanceMeters } from '../../shared/geo/distance.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import type { Facility, FacilityKind } from '../../shared/city/citySchema.ts';
import type { IntervalFlag, IntervalReport } from '../../shared/reports/intervalReportSchema.ts';
import { UNIT_KIND_AGENCY, type Agency, type UnitKind } from '../../shared/units/unitKinds.ts';
import type { UnitStatus } from '../../shared/units/unitStatus.ts';
import { priorityRank, type PriorityLevel } from '../../shared/incidents/priority.ts';
import type { Result } from '../../shared/protocol/result.ts';
import { CityLayersSchema } from '../../shared/city/citySchema.ts';
import { planReplay, type PlannedResponse, type ReplayEvent } from './planReplay.ts';
import type { CallLog, LoggedCall } from './readCallLog.ts';
import { ReplaySession, type Credentials } from './replaySession.ts';

export interface ReplayOptions {
  url: string;
  /** A dispatcher at the combined desk: creates, assigns, reports statuses, closes. */
  dispatcher: Credentials;
  /** An administrator: registers the log's units and moves the replay clock. */
  administrator: Credentials;
  log: CallLog;
  /** Replayed seconds per real second; null: as fast as the server answers. */
  speed: number | null;
  /** [RL6] Calls without unit rows are dispatched by recommendation and the simulator drives the crews. */
  simulate: boolean;
  /** [RL7] Move the log's calls so their centre is the city's centre (a log from another city). */
  relocate: boolean;
  /** How long after the last call the clock runs on (simulated crews finish their jobs). */
  tailMs?: number;
  say?: (line: string) => void;
}

export interface Reconciliation {
  rowsRead: number;
  rowsRefused: { line: number; reason: string }[];
  calls: number;
  callsCreated: number;
  responses: { read: number; sentInFull: number; dispatchAndClear: number; nothingSent: number };
  flagged: { rows: number; byFlag: Partial<Record<IntervalFlag, number>> };
  unitsRegistered: number;
  commands: { sent: number; accepted: number; refused: Record<string, number> };
  /** Refusals with their first examples (command, code, message). */
  refusalExamples: string[];
  diverted: number;
  releasedAndReassigned: number;
  closed: number;
  /** Stamps not sent because the unit had already been sent elsewhere by the log. */
  stampsAfterRedispatch: number;
}

export interface ReplayResult {
  from: number;
  to: number;
  reconciliation: Reconciliation;
  report: IntervalReport | null;
}

const BASE_KINDS: Record<Agency, readonly FacilityKind[]> = {
  ems: ['ambulance_station', 'hospital', 'community_health_centre', 'clinic'],
  fire: ['fire_station'],
  metro_police: ['police_station'],
};

/** The facility a log's unit is based at: the nearest of its agency's kind to the first call it went to. */
function baseFor(kind: UnitKind, near: LngLat, facilities: readonly Facility[]): Facility | null {
  const fitting = facilities.filter((facility) => BASE_KINDS[UNIT_KIND_AGENCY[kind]].includes(facility.kind));
  const pool = fitting.length > 0 ? fitting : facilities;
  return pool.reduce<Facility | null>((best, facility) => (!best || distanceMeters(facility.position, near) < distanceMeters(best.position, near) ? facility : best), null);
}

const newCommandId = (): string => `replay-${randomUUID()}`;

/**
 * [RL3]–[RL7] Replays a call log through the public API against a replay server: registers the log's units
 * as a fleet manager would, then walks the events in time order, moving the server's clock to each: creates
 * each call, dispatches (diverting a unit the log sends on while it is committed, or releasing and
 * re-assigning when a divert is refused), reports each status at its stamp, closes each incident once its
 * units have cleared; then waits for the archive and reads the figures for the replayed range.
 */
export async function runReplay(options: ReplayOptions): Promise<ReplayResult> {
  const say = options.say ?? (() => undefined);
  const { log } = options;
  const { events, responses } = planReplay(log);
  const reconciliation: Reconciliation = {
    rowsRead: log.rowsRead,
    rowsRefused: log.refused,
    calls: log.calls.length,
    callsCreated: 0,
    responses: {
      read: responses.length,
      sentInFull: responses.filter((r) => r.plan === 'all').length,
      dispatchAndClear: responses.filter((r) => r.plan === 'dispatch_and_clear').length,
      nothingSent: responses.filter((r) => r.plan === 'nothing').length,
    },
    flagged: { rows: 0, byFlag: {} },
    unitsRegistered: 0,
    commands: { sent: 0, accepted: 0, refused: {} },
    refusalExamples: [],
    diverted: 0,
    releasedAndReassigned: 0,
    closed: 0,
    stampsAfterRedispatch: 0,
  };
  for (const response of responses) {
    if (response.flags.length === 0) continue;
    reconciliation.flagged.rows += 1;
    for (const flag of response.flags) reconciliation.flagged.byFlag[flag] = (reconciliation.flagged.byFlag[flag] ?? 0) + 1;
  }
  const first = events[0];
  const last = events.at(-1);
  if (!first || !last) throw new Error('the call log has no call to replay');

  const city = CityLayersSchema.parse(((await (await fetch(`${options.url}/api/city`)).json()) as { data?: unknown }).data);
  const centre = log.calls.reduce<LngLat>(([x, y], call) => [x + call.location[0] / log.calls.length, y + call.location[1] / log.calls.length], [0, 0]);
  const shift: LngLat = options.relocate ? [city.center[0] - centre[0], city.center[1] - centre[1]] : [0, 0];
  const placeOf = (call: LoggedCall): LngLat => [Number((call.location[0] + shift[0]).toFixed(6)), Number((call.location[1] + shift[1]).toFixed(6))];

  const dispatcher = new ReplaySession(options.url, { desk: 'combined', ...options.dispatcher });
  const administrator = new ReplaySession(options.url, options.administrator);
  await dispatcher.connect();
  await administrator.connect();

  const send = async <T>(session: ReplaySession, event: Parameters<ReplaySession['send']>[0], payload: unknown): Promise<Result<T>> => {
    reconciliation.commands.sent += 1;
    const answer = (await session.send(event, payload)) as Result<T>;
    if (answer.ok) reconciliation.commands.accepted += 1;
    else {
      reconciliation.commands.refused[answer.error.code] = (reconciliation.commands.refused[answer.error.code] ?? 0) + 1;
      if (reconciliation.refusalExamples.length < 20) reconciliation.refusalExamples.push(`${event}: ${answer.error.code} (${answer.error.message})`);
    }
    return answer;
  };

  // The clock moves forward only; a session is renewed each replayed hour, as a console in use would be.
  let clockAt = 0;
  let renewedAt = 0;
  const advance = async (at: number): Promise<void> => {
    while (at > clockAt) {
      const step = Math.min(at, clockAt === 0 ? at : clockAt + 3_600_000);
      const moved = await administrator.send('clock:set', { at: step });
      if (!moved.ok) throw new Error(`the replay server's clock would not move to ${new Date(step).toISOString()}: ${moved.error.message}`);
      clockAt = step;
      if (clockAt - renewedAt >= 3_600_000) {
        renewedAt = clockAt;
        await dispatcher.send('session:get', {});
        await administrator.send('session:get', {});
      }
    }
  };
  const realStart = Date.now();
  const pace = async (at: number): Promise<void> => {
    if (options.speed === null) return;
    const due = realStart + (at - first.at) / options.speed;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
  };

  // Units of the log, registered as a fleet manager adds a vehicle, before the first call.
  await advance(first.at - 1_000);
  const known = new Set<string>();
  for (const response of responses) {
    if (known.has(response.unitId)) continue;
    known.add(response.unitId);
    const call = log.calls.find((candidate) => candidate.callId === response.callId);
    const base = call ? baseFor(response.kind, placeOf(call), city.facilities) : null;
    if (!base) throw new Error(`${city.name} has no facility to base unit ${response.unitId} at`);
    const rawId = [...log.unitIds.entries()].find(([, id]) => id === response.unitId)?.[0] ?? response.unitId;
    const added = await send(administrator, 'fleet:add_unit', { commandId: newCommandId(), unitId: response.unitId, callSign: rawId.slice(0, 24), kind: response.kind, baseId: base.id });
    if (added.ok) reconciliation.unitsRegistered += 1;
  }

  // Incidents the dispatcher sees waiting to be closed; closed at the replayed time they reached it.
  const incidentOf = new Map<string, string>();
  const callOf = new Map<string, string>();
  const priorityOf = new Map<string, PriorityLevel>();
  const awaitingClose = new Set<string>();
  const closedIds = new Set<string>();
  // A call is closed only once the log has no more units to send to it.
  const dispatchesLeft = new Map<string, number>();
  for (const event of events) if (event.kind === 'dispatch') dispatchesLeft.set(event.response.callId, (dispatchesLeft.get(event.response.callId) ?? 0) + 1);
  dispatcher.onDelta((delta) => {
    for (const incident of delta.incidents) {
      if (incident.status === 'awaiting_close' && !closedIds.has(incident.id)) awaitingClose.add(incident.id);
    }
  });
  const closeWaiting = async (): Promise<void> => {
    for (const incidentId of [...awaitingClose]) {
      if ((dispatchesLeft.get(callOf.get(incidentId) ?? '') ?? 0) > 0) continue;
      awaitingClose.delete(incidentId);
      closedIds.add(incidentId);
      const closed = await send(dispatcher, 'incident:close', { commandId: newCommandId(), incidentId, disposition: 'treated_on_scene', note: 'closed by the replay once its units cleared' });
      if (closed.ok) reconciliation.closed += 1;
    }
  };

  const holding = new Map<string, PlannedResponse>();
  /** The last status the replay reported for each unit it holds. */
  const statusOf = new Map<string, UnitStatus>();
  const superseded = new Set<PlannedResponse>();
  const cleared = new Set<PlannedResponse>();

  const clear = async (response: PlannedResponse): Promise<void> => {
    cleared.add(response);
    if (holding.get(response.unitId) === response) holding.delete(response.unitId);
    await send(dispatcher, 'unit:status', { commandId: newCommandId(), unitId: response.unitId, status: 'available' });
  };

  const dispatch = async (response: PlannedResponse, at: number): Promise<void> => {
    dispatchesLeft.set(response.callId, (dispatchesLeft.get(response.callId) ?? 1) - 1);
    const incidentId = incidentOf.get(response.callId);
    if (!incidentId) return;
    const before = holding.get(response.unitId);
    if (before && before.availableAt !== null && before.availableAt <= at && !cleared.has(before)) await clear(before);
    const still = holding.get(response.unitId);
    const fromIncidentId = still ? incidentOf.get(still.callId) : undefined;
    if (still && fromIncidentId && fromIncidentId !== incidentId) {
      superseded.add(still);
      // [DV1] A divert goes only to a more urgent incident, and only while the unit is on its way.
      const from = priorityOf.get(fromIncidentId);
      const to = priorityOf.get(incidentId);
      const isDivertable = ['dispatched', 'en_route'].includes(statusOf.get(response.unitId) ?? 'dispatched');
      if (isDivertable && from && to && priorityRank(to) < priorityRank(from)) {
        const diverted = await send(dispatcher, 'dispatch:divert', { commandId: newCommandId(), unitId: response.unitId, fromIncidentId, toIncidentId: incidentId, reason: 'the replayed log sends the unit on to this call' });
        if (diverted.ok) {
          reconciliation.diverted += 1;
          holding.set(response.unitId, response);
          statusOf.set(response.unitId, 'dispatched');
          return;
        }
      }
      await send(dispatcher, 'dispatch:release', { commandId: newCommandId(), incidentId: fromIncidentId, unitId: response.unitId, reason: 'reassigned' });
      reconciliation.releasedAndReassigned += 1;
    }
    const assigned = await send(dispatcher, 'dispatch:assign', { commandId: newCommandId(), incidentId, unitIds: [response.unitId] });
    if (assigned.ok) {
      holding.set(response.unitId, response);
      statusOf.set(response.unitId, 'dispatched');
    }
  };

  // [RL6] Calls with no unit in the log: the nearest free unit of each needed kind, as a dispatcher takes it.
  const dispatchByRecommendation = async (incidentId: string): Promise<void> => {
    const recommended = await send<{ byKind: { needed: number; committed: number; candidates: { unitId: string }[] }[] }>(dispatcher, 'dispatch:recommend', { incidentId });
    if (!recommended.ok) return;
    const unitIds = recommended.data.byKind.flatMap((kind) => kind.candidates.slice(0, Math.max(0, kind.needed - kind.committed)).map((candidate) => candidate.unitId));
    if (unitIds.length > 0) await send(dispatcher, 'dispatch:assign', { commandId: newCommandId(), incidentId, unitIds: unitIds.slice(0, 12) });
  };
  const callsWithUnits = new Set(responses.map((response) => response.callId));

  const handle = async (event: ReplayEvent): Promise<void> => {
    if (event.kind === 'call') {
      const created = await send<{ id: string; priority: PriorityLevel }>(dispatcher, 'incident:create', {
        commandId: newCommandId(),
        type: event.call.type,
        location: placeOf(event.call),
        callerName: '',
        callbackNumber: '',
        notes: `Replayed call ${event.call.callId}`.slice(0, 2000),
        callStartedAt: event.call.receivedAt,
      });
      if (!created.ok) return;
      reconciliation.callsCreated += 1;
      incidentOf.set(event.call.callId, created.data.id);
      callOf.set(created.data.id, event.call.callId);
      priorityOf.set(created.data.id, created.data.priority);
      if (options.simulate && !callsWithUnits.has(event.call.callId)) await dispatchByRecommendation(created.data.id);
      return;
    }
    if (event.kind === 'dispatch') return dispatch(event.response, event.at);
    const { response, status } = event;
    if (superseded.has(response)) {
      reconciliation.stampsAfterRedispatch += 1;
      return;
    }
    if (cleared.has(response) || holding.get(response.unitId) !== response) return;
    if (status === 'available') return clear(response);
    const moved = await send(dispatcher, 'unit:status', { commandId: newCommandId(), unitId: response.unitId, status });
    if (moved.ok) statusOf.set(response.unitId, status);
  };

  let done = 0;
  for (const event of events) {
    await pace(event.at);
    await advance(event.at);
    await handle(event);
    await closeWaiting();
    done += 1;
    if (done % 1_000 === 0) say(`  ${done} of ${events.length} events, replayed time ${new Date(clockAt).toISOString()}`);
  }
  // Simulated crews finish their jobs in replayed time; closes follow as units clear.
  const end = last.at + (options.tailMs ?? (options.simulate ? 3 * 3_600_000 : 1_000));
  for (let at = last.at; at < end; at = Math.min(end, at + 60_000)) {
    await advance(Math.min(end, at + 60_000));
    await closeWaiting();
  }
  await advance(end);
  await closeWaiting();

  say('waiting for the archive to take every change...');
  await waitForArchive(options.url);
  const report = await send<IntervalReport>(administrator, 'report:intervals', { from: first.at, to: end + 1 });
  dispatcher.close();
  administrator.close();
  return { from: first.at, to: end + 1, reconciliation, report: report.ok ? report.data : null };
}

async function waitForArchive(url: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const health = (await (await fetch(`${url}/api/health`)).json()) as { data?: { archive?: { entries: number } | null } };
    const lag = health.data?.archive?.entries;
    if (lag === 0 || lag === undefined) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the archive did not catch up within 5 minutes');
}
