import { deltaFromEntry } from '../journal/readJournalSince.ts';
import type { Logger } from '../ops/logger.ts';
import type { RedisClient } from '../redis/redisClient.ts';
import type { StreamEntry } from '../redis/streamEntry.ts';
import { broadcastDelta } from './broadcastDelta.ts';
import type { CadIo } from './cadIo.ts';
import { VersionTicks } from './versionTicks.ts';

/** Entries read per XREAD, and how long one blocks before it is sent again. */
const BATCH = 500;
const BLOCK_MS = 5_000;
/** After a failed read (Redis unreachable), the next waits this long. */
const RETRY_MS = 500;

/**
 * [RT2] Every instance sends each change of the journal to its own sockets, in version order, by reading the journal
 * itself: the change is broadcast because it is in the journal, not because the instance that made it lived to
 * publish it, and no change is written twice (once by its script, again to the Socket.IO adapter's stream for each
 * room it goes to). A blocking XREAD on a connection of its own wakes as the script's XADD lands.
 *
 * An entry the feed finds trimmed away (it fell further behind than the journal keeps) is not sent: a console
 * sees the gap in versions and catches up (RT3).
 */
export class JournalFeed {
  private lastVersion = 0;
  private ticks: VersionTicks | null = null;
  private isStopped = false;
  private isRunning = false;

  constructor(
    private readonly io: CadIo,
    private readonly redis: RedisClient,
    private readonly journalKey: string,
    private readonly log: Logger,
  ) {}

  /** Starts sending every change after `fromVersion` (the journal's head when the instance starts). */
  start(fromVersion: number): void {
    if (this.isRunning) return;
    this.isRunning = true;
    this.lastVersion = fromVersion;
    this.ticks = new VersionTicks(this.io.local, fromVersion);
    void this.run();
  }

  /**
   * Stops: nothing more is sent, and the connection closes. The read in progress is not waited for: with Redis down
   * it sits in the connection's queue, and a closed connection may never settle it.
   */
  stop(): void {
    this.isStopped = true;
    this.ticks?.stop();
    this.redis.disconnect();
  }

  private async run(): Promise<void> {
    while (!this.isStopped) {
      let reply: [stream: string, entries: StreamEntry[]][] | null;
      try {
        reply = await this.redis.xread('COUNT', BATCH, 'BLOCK', BLOCK_MS, 'STREAMS', this.journalKey, `${this.lastVersion}-0`);
      } catch (error) {
        if (this.isStopped) return;
        this.log.warn({ err: error }, 'journal feed: read failed; reading again');
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        continue;
      }
      if (this.isStopped) return;
      for (const [, entries] of reply ?? []) for (const entry of entries) this.send(entry);
    }
  }

  /** Sends one entry; XREAD gives only entries after the last one sent, in order. */
  private send(entry: StreamEntry): void {
    const version = Number(entry[0].split('-')[0]);
    const ticks = this.ticks;
    if (!ticks) return;
    // Entries trimmed away before they were read are never vouched for by a tick: consoles see the gap and catch up.
    if (version > this.lastVersion + 1) ticks.passOver(version - 1);
    try {
      broadcastDelta(this.io.local, deltaFromEntry(entry), ticks);
    } catch (error) {
      // A damaged entry is logged and skipped, and no tick vouches for it: consoles see the gap and catch up.
      this.log.error({ err: error, version }, 'journal feed: an entry could not be sent');
      ticks.passOver(version);
    }
    this.lastVersion = version;
  }
}
