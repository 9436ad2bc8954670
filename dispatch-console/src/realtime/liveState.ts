import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import type { Unit, UnitFix } from '../../../shared/units/unitSchema.ts';
import type { Delta, LiveSettings, Snapshot, VersionTick } from '../../../shared/protocol/stateSchema.ts';

/**
 * The live picture a console holds: open incidents and every unit, consistent at `version`.
 * `version` is -1 until the first snapshot arrives. Objects are never mutated: every change
 * returns a new state so that React sees it.
 */
export interface LiveState {
  version: number;
  at: number;
  incidents: Readonly<Record<string, Incident>>;
  units: Readonly<Record<string, Unit>>;
  /** The live system's rules (acknowledgement deadline, stale fix age), from the last snapshot; null before it. */
  settings: LiveSettings | null;
}

export const EMPTY_LIVE_STATE: LiveState = { version: -1, at: 0, incidents: {}, units: {}, settings: null };

/** What happened to a delta offered to the state. */
export type DeltaOutcome = 'applied' | 'stale' | 'gap';

export interface DeltaResult {
  state: LiveState;
  outcome: DeltaOutcome;
}

/** Replaces the whole state with a snapshot. Closed incidents are left out of the queue. */
export function applySnapshot(snapshot: Snapshot): LiveState {
  const incidents: Record<string, Incident> = {};
  for (const incident of snapshot.incidents) {
    if (incident.status !== 'closed') incidents[incident.id] = incident;
  }
  const units: Record<string, Unit> = {};
  for (const unit of snapshot.units) units[unit.id] = unit;
  return { version: snapshot.version, at: snapshot.at, incidents, units, settings: snapshot.settings };
}

/**
 * Applies one delta: ignored when already seen, applied when it is the next version,
 * reported as a gap (state unchanged) when versions were missed.
 */
/** Whether the console's viewer (an agency desk) sees an incident; every other board sees all. [DK1] */
export type SeesIncident = (incident: Incident) => boolean;
export const SEES_EVERY_INCIDENT: SeesIncident = () => true;

/**
 * [RT2][DK2] Whether what covers versions `from`..`to` follows on from a console at `current` (-1: no snapshot yet): it
 * is held already (`stale`), something before it is missing (`gap`), or it is next (`applied`). A delta covers its own
 * version; a tick, the range it vouches for.
 */
export function versionStep(current: number, from: number, to: number): DeltaResult['outcome'] {
  if (to <= current) return 'stale';
  if (current < 0 || from > current + 1) return 'gap';
  return 'applied';
}

export function applyDelta(state: LiveState, delta: Delta, sees: SeesIncident = SEES_EVERY_INCIDENT): DeltaResult {
  const step = versionStep(state.version, delta.version, delta.version);
  if (step !== 'applied') return { state, outcome: step };

  const incidents: Record<string, Incident> = { ...state.incidents };
  for (const incident of delta.incidents) {
    // [LC6] An incident that no longer goes to this desk (its type changed) leaves the board like a closed one.
    if (incident.status === 'closed' || !sees(incident)) delete incidents[incident.id];
    else incidents[incident.id] = incident;
  }
  const units: Record<string, Unit> = { ...state.units };
  for (const unit of delta.units) {
    const known = units[unit.id];
    // A position frame may have overtaken the delta: keep the newer fix.
    units[unit.id] = known && known.fixAt > unit.fixAt ? { ...unit, position: known.position, fixAt: known.fixAt } : unit;
  }
  return { state: { ...state, version: delta.version, at: delta.at, incidents, units }, outcome: 'applied' };
}

/** Applies deltas in order until one does not fit; returns the state and whether a gap remains. */
export function applyDeltas(state: LiveState, deltas: readonly Delta[], sees: SeesIncident = SEES_EVERY_INCIDENT): DeltaResult {
  let current = state;
  let outcome: DeltaOutcome = 'stale';
  for (const delta of [...deltas].sort((a, b) => a.version - b.version)) {
    const result = applyDelta(current, delta, sees);
    current = result.state;
    if (result.outcome === 'gap') return { state: current, outcome: 'gap' };
    if (result.outcome === 'applied') outcome = 'applied';
  }
  return { state: current, outcome };
}

/**
 * [DK2] A version tick: of versions `from`..`version`, every delta meant for this console was sent before it. Moves the
 * version on (no incident or unit changes) when the console is at `from - 1` or later, so it sees no gap; further
 * behind, something it needed is missing (a gap).
 */
export function applyTick(state: LiveState, tick: VersionTick): DeltaResult {
  const step = versionStep(state.version, tick.from, tick.version);
  return step === 'applied' ? { state: { ...state, version: tick.version }, outcome: step } : { state, outcome: step };
}

/**
 * [RT3][DK2] Applies a `sync:since` answer of kind `deltas`: the deltas in version order (an agency
 * desk is sent only those that concern it, so their versions may jump), skipping any already seen,
 * then moves the version to `version`, the head the answer was read at. Returns the deltas applied.
 */
export function applySyncDeltas(state: LiveState, deltas: readonly Delta[], version: number, sees: SeesIncident = SEES_EVERY_INCIDENT): { state: LiveState; applied: Delta[] } {
  let current = state;
  const applied: Delta[] = [];
  for (const delta of [...deltas].sort((a, b) => a.version - b.version)) {
    if (delta.version <= current.version) continue;
    // Accept the jump: the server left out only versions that do not concern this desk.
    const result = applyDelta({ ...current, version: delta.version - 1 }, delta, sees);
    current = result.state;
    applied.push(delta);
  }
  if (version > current.version) current = { ...current, version };
  return { state: current, applied };
}

/**
 * Moves units to their latest fixes; older fixes and unknown units are ignored. No version change.
 * [RT4] A frame moves some hundreds of thousands of units: the record is copied by its cached ids (a spread of a
 * 10,000-key record costs several times more), and what the frame changed is kept beside it (`unitsMovedFrom`).
 */
export function applyFixes(state: LiveState, fixes: readonly UnitFix[]): LiveState {
  let units: Record<string, Unit> | null = null;
  const moved: string[] = [];
  for (const fix of fixes) {
    const unit = (units ?? state.units)[fix.unitId];
    if (!unit || fix.fixAt < unit.fixAt) continue;
    units ??= copyUnits(state.units);
    units[fix.unitId] = { ...unit, position: fix.position, fixAt: fix.fixAt };
    moved.push(fix.unitId);
  }
  if (!units) return state;
  const previous = frameLineage.get(state.units);
  // Only the last step is kept: the record before it may then be collected.
  if (previous) previous.from = null;
  frameLineage.set(units, { ids: unitIdsOf(state.units), from: state.units, moved });
  return { ...state, units };
}

/** Beside a units record made by `applyFixes`: its ids in order, and the record it was made from with what moved. */
interface FrameLineage {
  ids: readonly string[];
  from: Readonly<Record<string, Unit>> | null;
  moved: readonly string[];
}

const frameLineage = new WeakMap<Readonly<Record<string, Unit>>, FrameLineage>();

/** The ids of `units` in their order (`Object.keys`), cached for records made by `applyFixes`. */
export function unitIdsOf(units: Readonly<Record<string, Unit>>): readonly string[] {
  return frameLineage.get(units)?.ids ?? Object.keys(units);
}

/** The same record, copied in the same order (an own copy the caller may then change). */
function copyUnits(units: Readonly<Record<string, Unit>>): Record<string, Unit> {
  const copy: Record<string, Unit> = {};
  for (const id of unitIdsOf(units)) {
    const unit = units[id];
    if (unit) copy[id] = unit;
  }
  return copy;
}

/**
 * The ids of the units a position frame changed when it made `units` from `before` (same ids, same order, the others
 * the same objects), or null when `units` was not made from `before` by one frame.
 */
export function unitsMovedFrom(units: Readonly<Record<string, Unit>>, before: Readonly<Record<string, Unit>>): readonly string[] | null {
  const lineage = frameLineage.get(units);
  return lineage && lineage.from === before ? lineage.moved : null;
}
