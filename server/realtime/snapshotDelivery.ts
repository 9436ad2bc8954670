import { setImmediate as nextTurn } from 'node:timers/promises';
import { isCommandAllowed } from '../../shared/protocol/contract.ts';
import { boardViewKey, changesViewKey, seesBoard, snapshotForViewer } from '../../shared/protocol/deskView.ts';
import type { CadContext } from '../app/cadContext.ts';
import { journalSince, syncAnswerFor, type JournalSince } from '../journal/readJournalSince.ts';
import { readSnapshotFor } from '../journal/readSnapshot.ts';
import type { CadSocket } from './cadIo.ts';
import { emitInSlices } from './emitInSlices.ts';

/** Crews' (and other own-view) snapshots read and sent per turn of the event loop. */
const OWN_VIEWS_PER_TURN = 16;

/** Sockets grouped by a key, in the order they came. */
function groupBy(sockets: readonly CadSocket[], keyOf: (socket: CadSocket) => string): CadSocket[][] {
  const groups = new Map<string, CadSocket[]>();
  for (const socket of sockets) {
    if (!socket.connected) continue;
    const key = keyOf(socket);
    const group = groups.get(key);
    if (group) group.push(socket);
    else groups.set(key, [socket]);
  }
  return [...groups.values()];
}

/**
 * [RT1][OPS12] Gives each new console its snapshot at the cost of what it sees. A crew (or a role with no board) reads
 * its own small part, 16 of them a turn. Board consoles wait in one batch: the batch is served from one read of the board (the
 * instance's copy, BoardCache) that starts after every console in it joined its rooms, and the consoles that see the
 * same part of it (the whole board, or one agency's desk) get one message encoded once. Between groups the event loop
 * turns, so the commands of everyone else are never held behind a reconnect storm.
 *
 * [RT6] A console that reconnects saying the version it holds gets what changed since instead (`state:resumed`, as
 * `sync:since` answers: the changes it may see, or a snapshot when it is too far behind), so a network blip costs each
 * console the changes it missed, not the whole board again. Resuming consoles wait in a batch too: those that see the
 * same changes from the same version get one read of the journal and one message encoded once.
 */
export class SnapshotDelivery {
  private readonly waiting = new Map<string, CadSocket>();
  private readonly resuming = new Map<string, CadSocket>();
  /** Crews and roles with no board: each reads its own small part. */
  private readonly ownViews = new Map<string, CadSocket>();
  private isServing = false;

  constructor(private readonly ctx: CadContext) {}

  /** Sends `socket` its snapshot, or what changed since the version it holds; it has joined its rooms already. */
  deliver(socket: CadSocket): void {
    const viewer = socket.data.session;
    if (socket.data.resumeVersion !== null && isCommandAllowed('sync:since', viewer.role)) {
      this.resuming.set(socket.id, socket);
      this.startServing();
      return;
    }
    if (viewer.role === 'crew' || !seesBoard(viewer.role)) this.ownViews.set(socket.id, socket);
    else this.waiting.set(socket.id, socket);
    this.startServing();
  }

  private startServing(): void {
    if (!this.isServing) void this.serve();
  }

  private async serve(): Promise<void> {
    this.isServing = true;
    try {
      while (this.waiting.size > 0 || this.resuming.size > 0 || this.ownViews.size > 0) {
        await this.serveResumes();
        await this.serveSnapshots();
        await this.serveOwnViews();
      }
    } finally {
      this.isServing = false;
    }
  }

  /**
   * [RT6] One journal read per version held, one message per view of it; a version the server never reached (RT5)
   * gets the snapshot instead, and a console too far behind gets its snapshot in the answer.
   */
  private async serveResumes(): Promise<void> {
    const batch = [...this.resuming.values()];
    this.resuming.clear();
    for (const atVersion of groupBy(batch, (socket) => String(socket.data.resumeVersion ?? 0))) {
      const version = atVersion[0]?.data.resumeVersion ?? 0;
      let since: JournalSince;
      try {
        since = await journalSince(this.ctx, version);
      } catch (error) {
        this.fail(atVersion, error);
        continue;
      }
      if (since.kind === 'ahead') {
        for (const socket of atVersion) {
          socket.data.resumeVersion = null;
          this.deliver(socket);
        }
        continue;
      }
      for (const sockets of groupBy(atVersion, (socket) => changesViewKey(socket.data.session))) {
        const viewer = sockets[0]?.data.session;
        if (!viewer) continue;
        try {
          const answer = await syncAnswerFor(this.ctx, since, viewer);
          // To these sockets of this instance only, through no adapter; the message is encoded once.
          await emitInSlices(sockets, 'state:resumed', answer);
        } catch (error) {
          this.fail(sockets, error);
        }
        await nextTurn();
      }
    }
  }

  private async serveSnapshots(): Promise<void> {
    if (this.waiting.size === 0) return;
    const batch = [...this.waiting.values()];
    this.waiting.clear();
    let board;
    try {
      board = await this.ctx.board.read();
    } catch (error) {
      this.fail(batch, error);
      return;
    }
    for (const sockets of groupBy(batch, (socket) => boardViewKey(socket.data.session))) {
      const first = sockets[0];
      if (!first) continue;
      await emitInSlices(sockets, 'state:snapshot', snapshotForViewer(first.data.session, board));
      await nextTurn();
    }
  }

  /**
   * Crews (and roles with no board) read their own part, `OWN_VIEWS_PER_TURN` at a time with a turn of the event loop
   * between: 200 crews' reads sent together came back in one reply, and their 200 snapshots were then parsed and sent
   * in one turn, ahead of every command waiting.
   */
  private async serveOwnViews(): Promise<void> {
    while (this.ownViews.size > 0) {
      const slice = [...this.ownViews.values()].slice(0, OWN_VIEWS_PER_TURN);
      for (const socket of slice) this.ownViews.delete(socket.id);
      await Promise.all(
        slice.filter((socket) => socket.connected).map((socket) =>
          readSnapshotFor(this.ctx, socket.data.session).then(
            (snapshot) => {
              if (socket.connected) socket.emit('state:snapshot', snapshot);
            },
            (error: unknown) => this.fail([socket], error),
          ),
        ),
      );
      await nextTurn();
      // Boards and resumes that came meanwhile are not held behind the rest of the crews.
      if (this.waiting.size > 0 || this.resuming.size > 0) return;
    }
  }

  /** A console whose snapshot could not be read is disconnected; it reconnects and asks again. */
  private fail(sockets: readonly CadSocket[], error: unknown): void {
    for (const socket of sockets) {
      this.ctx.ops.log.error({ err: error, userId: socket.data.session.userId }, 'snapshot for a new console failed');
      socket.disconnect(true);
    }
  }
}
