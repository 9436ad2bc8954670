/** New connections set up in one turn of the event loop, at most. */
export const CONNECTIONS_PER_TURN = 8;

/**
 * [OPS12] New sockets set up a few at a time. A reconnect storm's handshakes finish together (their session reads come
 * back in one reply from Redis), and setting up each socket (its rooms, its command listeners, its state) costs about a
 * millisecond; done all at once, 250 of them held every command behind a quarter of a second of work. Admitted
 * `perTurn` at a time, with the event loop turning in between (a `setImmediate` queued from the check phase runs on
 * the next turn, after the poll phase has taken the commands that arrived meanwhile).
 */
export class ConnectionAdmission {
  private readonly waiting: (() => void)[] = [];
  private isScheduled = false;

  constructor(private readonly perTurn = CONNECTIONS_PER_TURN) {}

  /** Resolves when this connection's turn comes, in the order asked. */
  turn(): Promise<void> {
    return new Promise((admit) => {
      this.waiting.push(admit);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.isScheduled) return;
    this.isScheduled = true;
    setImmediate(() => {
      this.isScheduled = false;
      for (const admit of this.waiting.splice(0, this.perTurn)) admit();
      if (this.waiting.length > 0) this.schedule();
    });
  }
}
