import type { CadSettings } from '../app/cadContext.ts';
import type { CadOps } from '../ops/cadOps.ts';
import type { SocketCommandName } from '../../shared/protocol/contract.ts';
import type { Result } from '../../shared/protocol/result.ts';

/** [OPS12] Commands one connection may have running at once; more are refused at once, before anything is read. */
export const MAX_IN_FLIGHT_PER_CONNECTION = 32;

/** [OPS12] While this instance runs more commands than this, position fixes are shed (answered, not stored). */
export const SHED_POSITIONS_ABOVE_IN_FLIGHT = 64;

/**
 * [OPS12][UP3] The commands that carry position fixes: they give way to every other command under load (shed), and go
 * to Redis on the positions connection.
 */
export const POSITION_COMMANDS: ReadonlySet<SocketCommandName> = new Set(['unit:position', 'units:positions']);

/** How often a connection over its limit is logged (with how many it had refused since). */
const LOG_EVERY_MS = 60_000;

/**
 * [OPS12] A connection refused this many times within `FLOOD_WINDOW_MS` is closed: it sends without reading its
 * answers, and reading its messages alone would hold up every other connection. A console never comes near it.
 */
export const FLOOD_REFUSALS_TO_CLOSE = 500;
const FLOOD_WINDOW_MS = 10_000;

/**
 * [OPS12] What one connection has running. A client that sends faster than its commands are answered is refused
 * `rate_limited` for the excess at no cost to the store, so its flood holds no memory and no Redis time; and under
 * load position fixes give way to commands.
 */
export class ConnectionLoad {
  private running = 0;
  private refusedSinceLog = 0;
  private loggedAt = 0;
  private refusedInWindow = 0;
  private windowStartedAt = 0;

  constructor(
    private readonly ctx: { ops: Pick<CadOps, 'log' | 'metrics' | 'gate' | 'loop'>; settings: Pick<CadSettings, 'shedPositionsLoopLateMs'> },
    private readonly who: { socketId: string; userId: string },
  ) {}

  /** Null when the command may run (then `done()` must follow its answer), else the answer that refuses it now. */
  admit(name: SocketCommandName): Result<never> | null {
    const { metrics } = this.ctx.ops;
    if (this.running >= MAX_IN_FLIGHT_PER_CONNECTION) {
      metrics.commands.inc({ command: name, outcome: 'rate_limited' });
      this.noteRefusal(name);
      return { ok: false, error: { code: 'rate_limited', message: `more than ${MAX_IN_FLIGHT_PER_CONNECTION} commands waiting for their answers on this connection; wait for them` } };
    }
    if (POSITION_COMMANDS.has(name) && (this.ctx.ops.gate.inFlight >= SHED_POSITIONS_ABOVE_IN_FLIGHT || this.isLoopLate)) {
      metrics.positionsShed.inc();
      metrics.commands.inc({ command: name, outcome: 'rate_limited' });
      return { ok: false, error: { code: 'rate_limited', message: 'position fix not stored: the server is busy with commands; send the next fix as usual' } };
    }
    this.running += 1;
    return null;
  }

  /** [OPS12] Whether the event loop runs late enough that position fixes give way (CadSettings.shedPositionsLoopLateMs). */
  private get isLoopLate(): boolean {
    const lateMs = this.ctx.settings.shedPositionsLoopLateMs;
    return lateMs > 0 && this.ctx.ops.loop.lastLateMs >= lateMs;
  }

  done(): void {
    this.running = Math.max(0, this.running - 1);
  }

  /** Whether the connection has been refused `FLOOD_REFUSALS_TO_CLOSE` times within the last window: then it is closed. */
  get isFlooding(): boolean {
    return this.refusedInWindow >= FLOOD_REFUSALS_TO_CLOSE;
  }

  private noteRefusal(name: SocketCommandName): void {
    this.refusedSinceLog += 1;
    const now = Date.now();
    if (now - this.windowStartedAt > FLOOD_WINDOW_MS) {
      this.windowStartedAt = now;
      this.refusedInWindow = 0;
    }
    this.refusedInWindow += 1;
    if (now - this.loggedAt < LOG_EVERY_MS) return;
    this.ctx.ops.log.warn({ ...this.who, command: name, refused: this.refusedSinceLog }, `a connection is over its limit of ${MAX_IN_FLIGHT_PER_CONNECTION} commands in flight: ${this.refusedSinceLog} refused since the last report`);
    this.loggedAt = now;
    this.refusedSinceLog = 0;
  }
}
