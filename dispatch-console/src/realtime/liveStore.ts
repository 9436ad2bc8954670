import type { Delta, Snapshot, SyncAnswer, VersionTick } from '../../../shared/protocol/stateSchema.ts';
import type { UnitFix } from '../../../shared/units/unitSchema.ts';
import type { Result } from '../../../shared/protocol/result.ts';
import { EMPTY_LIVE_STATE, SEES_EVERY_INCIDENT, applyDelta, applyFixes, applySnapshot, applySyncDeltas, applyTick } from './liveState.ts';
import type { DeltaResult, LiveState, SeesIncident } from './liveState.ts';
import { positionFrameArrived, positionFrameShown } from './positionFrameTiming.ts';

const SYNC_RETRY_MS = 2000;

/** Something with a version waiting for a gap to be filled: a delta, or a version tick (the first version it vouches for). */
type Pending = { version: number; delta: Delta } | { version: number; delta: null; from: number };

/** Asks the server for what was missed since `version`. */
export type SyncSince = (version: number) => Promise<Result<SyncAnswer>>;

/**
 * Holds the live state for React (`subscribe` + `getState` for useSyncExternalStore),
 * applies events in version order and fills gaps with `sync:since`.
 */
export class LiveStore {
  private state: LiveState = EMPTY_LIVE_STATE;
  private readonly listeners = new Set<() => void>();
  private readonly deltaListeners = new Set<(delta: Delta) => void>();
  /** Deltas and ticks that arrived ahead of a gap, applied once the gap is filled. */
  private pending: Pending[] = [];
  private syncing = false;
  /** [RT6] The socket reconnected asking for the changes since this store's version: a gap waits for them. */
  private isResuming = false;

  /** `sees`: an agency desk drops an incident that no longer goes to it. [LC6] */
  constructor(
    private readonly syncSince: SyncSince,
    private readonly sees: SeesIncident = SEES_EVERY_INCIDENT,
  ) {}

  readonly getState = (): LiveState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called with every delta actually applied (not with snapshots): for alerts. */
  onDelta(listener: (delta: Delta) => void): () => void {
    this.deltaListeners.add(listener);
    return () => this.deltaListeners.delete(listener);
  }

  /**
   * Forgets everything, back to "no snapshot yet": for a crew whose vehicle changed, so that the old vehicle's
   * picture is not shown while the new one's snapshot is on its way.
   */
  clear(): void {
    this.pending = [];
    this.setState(EMPTY_LIVE_STATE);
  }

  /** [RT6] The socket is reconnecting with this store's version; the server answers with `receiveSyncAnswer`. */
  beginResume(): void {
    this.isResuming = true;
  }

  /** The socket dropped before its resume was answered: gaps are filled by `sync:since` again. */
  endResume(): void {
    this.isResuming = false;
  }

  receiveSnapshot(snapshot: Snapshot): void {
    this.isResuming = false;
    this.pending = this.pending.filter((d) => d.version > snapshot.version);
    this.setState(applySnapshot(snapshot));
    this.drainPending();
  }

  receiveDelta(delta: Delta): void {
    this.receive({ version: delta.version, delta });
  }

  /** [DK2] Versions `from`..`version` went by with nothing more for this console. */
  receiveTick(tick: VersionTick): void {
    this.receive({ version: tick.version, delta: null, from: tick.from });
  }

  private receive(item: Pending): void {
    const result = this.apply(item);
    if (result.outcome === 'applied') {
      this.setState(result.state);
      if (item.delta) this.emitDelta(item.delta);
      this.drainPending();
    } else if (result.outcome === 'gap') {
      this.pending.push(item);
      if (this.state.version >= 0 && !this.isResuming) void this.fillGap();
    }
  }

  private apply(item: Pending): DeltaResult {
    return item.delta ? applyDelta(this.state, item.delta, this.sees) : applyTick(this.state, item);
  }

  /** [RT4] A position frame; timed (User Timing) until the map shows it, see positionFrameTiming.ts. */
  receiveFixes(fixes: readonly UnitFix[]): void {
    positionFrameArrived(fixes);
    const next = applyFixes(this.state, fixes);
    if (next !== this.state) this.setState(next);
    else positionFrameShown(null);
  }

  /**
   * [RT6] What changed since the version this store held when its socket reconnected (or a snapshot when it was too
   * far behind); deltas that arrived meanwhile wait in order, as behind a gap.
   */
  receiveSyncAnswer(answer: SyncAnswer): void {
    this.isResuming = false;
    this.applySyncAnswer(answer);
    this.drainPending();
  }

  private applySyncAnswer(answer: SyncAnswer): void {
    if (answer.kind === 'snapshot') {
      this.receiveSnapshot(answer.snapshot);
      return;
    }
    const { state, applied } = applySyncDeltas(this.state, answer.deltas, answer.version, this.sees);
    if (state !== this.state) this.setState(state);
    for (const delta of applied) this.emitDelta(delta);
  }

  /** Whether a gap is being filled (for tests and the status bar). */
  isSyncing(): boolean {
    return this.syncing;
  }

  private async fillGap(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    let answered = false;
    try {
      const answer = await this.syncSince(this.state.version);
      if (!answer.ok) return;
      answered = true;
      this.applySyncAnswer(answer.data);
    } catch {
      // The connection dropped mid-sync; the snapshot sent on reconnect repairs the state.
    } finally {
      this.syncing = false;
    }
    if (answered) this.drainPending();
    else setTimeout(() => this.drainPending(), SYNC_RETRY_MS);
  }

  private drainPending(): void {
    if (this.pending.length === 0) return;
    const pending = this.pending;
    this.pending = [];
    const sorted = [...pending].sort((a, b) => a.version - b.version);
    for (const item of sorted) {
      const result = this.apply(item);
      if (result.outcome === 'applied') {
        this.setState(result.state);
        if (item.delta) this.emitDelta(item.delta);
      } else if (result.outcome === 'gap') {
        this.pending.push(item);
      }
    }
    if (this.pending.length > 0 && !this.syncing) void this.fillGap();
  }

  private emitDelta(delta: Delta): void {
    for (const listener of this.deltaListeners) listener(delta);
  }

  private setState(next: LiveState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
