import { boardViewKey, seesBoard, snapshotForViewer } from '../../shared/protocol/deskView.ts';
import type { CadContext } from '../app/cadContext.ts';
import { readSnapshotFor } from '../journal/readSnapshot.ts';
import type { CadIo, CadSocket } from './cadIo.ts';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * [RT1][OPS12] Gives each new console its snapshot at the cost of what it sees. A crew (or a role with no board) reads
 * its own small part. Board consoles wait in one batch: the batch is served from one read of the board (the
 * instance's copy, BoardCache) that starts after every console in it joined its rooms, and the consoles that see the
 * same part of it (the whole board, or one agency's desk) get one message encoded once. Between groups the event loop
 * turns, so the commands of everyone else are never held behind a reconnect storm.
 */
export class SnapshotDelivery {
  private readonly waiting = new Map<string, CadSocket>();
  private isServing = false;

  constructor(
    private readonly io: CadIo,
    private readonly ctx: CadContext,
  ) {}

  /** Sends `socket` its snapshot; it has joined its rooms already. */
  deliver(socket: CadSocket): void {
    const viewer = socket.data.session;
    if (viewer.role === 'crew' || !seesBoard(viewer.role)) {
      readSnapshotFor(this.ctx, viewer).then(
        (snapshot) => socket.emit('state:snapshot', snapshot),
        (error: unknown) => this.fail([socket], error),
      );
      return;
    }
    this.waiting.set(socket.id, socket);
    if (!this.isServing) void this.serve();
  }

  private async serve(): Promise<void> {
    this.isServing = true;
    try {
      while (this.waiting.size > 0) {
        const batch = [...this.waiting.values()];
        this.waiting.clear();
        let board;
        try {
          board = await this.ctx.board.read();
        } catch (error) {
          this.fail(batch, error);
          continue;
        }
        const groups = new Map<string, CadSocket[]>();
        for (const socket of batch) {
          if (!socket.connected) continue;
          const key = boardViewKey(socket.data.session);
          const group = groups.get(key);
          if (group) group.push(socket);
          else groups.set(key, [socket]);
        }
        for (const sockets of groups.values()) {
          const first = sockets[0];
          if (!first) continue;
          // `local`: to these sockets of this instance only, through no adapter; the message is encoded once.
          this.io.local.to(sockets.map((socket) => socket.id)).emit('state:snapshot', snapshotForViewer(first.data.session, board));
          await nextTurn();
        }
      }
    } finally {
      this.isServing = false;
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
