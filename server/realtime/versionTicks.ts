import type { CadIo } from './cadIo.ts';
import { DESK_ROOMS, ROOMS } from './rooms.ts';

/** Where ticks are sent from: this instance's sockets (`io.local`), as the journal feed sends deltas. */
type Origin = Pick<CadIo['local'], 'to'>;

/** Rooms that hold every socket shown the board, a desk, a crew screen or a Care Connect queue. */
const EVERY_VIEW_ROOMS: readonly string[] = [ROOMS.consoles, ...DESK_ROOMS, ROOMS.crews, ROOMS.care, ROOMS.departments];

/** How long versions that went by some sockets wait before one tick tells all of them. */
export const TICK_FLUSH_MS = 1_000;

/**
 * [DK2][RT2] Version ticks, coalesced. A socket that a change does not concern is told its version went by, so it sees
 * no gap; but not change by change: with 50 incidents a second and 400 crew screens that was 20,000 messages a second
 * (a third of the server's CPU in the burst benchmark) to say nothing.
 *
 * A tick `{ from, version }` says: of versions `from`..`version`, every delta meant for you was sent before this tick.
 * A console at `from - 1` or later moves to `version`; one further behind has missed something and asks `sync:since`.
 * Ticks go out when a delta is about to reach a socket that was passed over since the last tick (to the delta's rooms,
 * just before it, so its versions stay contiguous), and to every socket at most `TICK_FLUSH_MS` after a version went
 * by some of them.
 */
export class VersionTicks {
  /** The first version not yet vouched for to every socket. */
  private from: number;
  /** The last version handled (sent, or passed over). */
  private head: number;
  /** The rooms that every delta since `from` reached; null when every socket has been told up to `head`. */
  private reachedAll: Set<string> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly io: Origin,
    startVersion: number,
    private readonly flushMs = TICK_FLUSH_MS,
  ) {
    this.from = startVersion + 1;
    this.head = startVersion;
  }

  /** Before delta `version` goes to `rooms`: a tick first, to those rooms, when some socket in them was passed over. */
  beforeDelta(version: number, rooms: readonly string[]): void {
    const reachedAll = this.reachedAll;
    if (reachedAll && version - 1 >= this.from && rooms.some((room) => !reachedAll.has(room))) {
      this.io.to([...rooms]).emit('state:version', { from: this.from, version: version - 1 });
    }
  }

  /** Delta `version` went to `rooms` (and to no other socket). */
  afterDelta(version: number, rooms: readonly string[]): void {
    this.head = version;
    this.reachedAll = this.reachedAll ? new Set(rooms.filter((room) => this.reachedAll?.has(room))) : new Set(rooms);
    this.timer ??= setTimeout(() => this.flush(), this.flushMs).unref();
  }

  /**
   * A version this instance could not send (trimmed from the journal before it was read, or damaged): what went before
   * it is told now, and no tick ever vouches for it, so a socket that needed it sees a gap and asks `sync:since`.
   */
  passOver(version: number): void {
    this.flush();
    this.from = version + 1;
    this.head = version;
  }

  /** Tells every socket the versions up to `head` that went by some of them. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.reachedAll) return;
    // The sockets of rooms that every delta reached are at `head` already.
    this.io.to([...EVERY_VIEW_ROOMS]).except([...this.reachedAll]).emit('state:version', { from: this.from, version: this.head });
    this.from = this.head + 1;
    this.reachedAll = null;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
