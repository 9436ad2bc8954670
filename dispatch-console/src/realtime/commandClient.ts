import type { AnswerOf, InputOf, SocketCommandName } from '../../../shared/protocol/contract.ts';
import type { Result } from '../../../shared/protocol/result.ts';

export type { AnswerOf } from '../../../shared/protocol/contract.ts';

/**
 * The commands this client sends: those of the contract that go over the socket (sign-in and sign-out set a
 * cookie, so they are HTTP only; see session/sessionApi.ts).
 */
export type CommandName = SocketCommandName;

/** What the caller gives a journaled command: its input without the `commandId`, which the client adds. */
export type CommandPayload<N extends CommandName> = Omit<InputOf<N>, 'commandId'>;

/** The little a command client needs from a connection; the socket adapter and tests provide it. */
export interface CommandTransport {
  isConnected(): boolean;
  /** Calls `listener` on every connect (true) and disconnect (false); returns an unsubscribe. */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  /** Emits with an ack; rejects when no answer comes within `timeoutMs`. */
  emitWithAck(name: CommandName, payload: unknown, timeoutMs: number): Promise<unknown>;
}

export interface CommandClientOptions {
  /** How long one attempt waits for its answer. */
  attemptTimeoutMs?: number;
  /** How long a command is retried before the user is told it is unconfirmed. */
  giveUpAfterMs?: number;
  /** Pause between attempts, so that a failing connection is not hammered. */
  retryDelayMs?: number;
  newCommandId?: () => string;
}

/** A command id the server accepts: /^[A-Za-z0-9_-]{8,64}$/. */
export function newCommandId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'data' in value;
  return value.ok === false && 'error' in value && typeof value.error === 'object' && value.error !== null;
}

/** The answer a client gives itself when the server could not be reached in time. */
export function unconfirmed<T>(name: CommandName): Result<T> {
  return {
    ok: false,
    error: {
      code: 'internal_error',
      message: `No answer from the server for ${name}. Check the connection; it may still have been recorded.`,
    },
  };
}

function waitForConnection(transport: CommandTransport, deadline: number): Promise<boolean> {
  if (transport.isConnected()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(false);
    }, Math.max(0, deadline - Date.now()));
    const unsubscribe = transport.onConnectionChange((connected) => {
      if (!connected) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(true);
    });
  });
}

/** One attempt: the answer, or null when it timed out or the connection dropped first. */
function attempt(transport: CommandTransport, name: CommandName, payload: unknown, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: unknown) => {
      if (settled) return;
      settled = true;
      unsubscribe();
      resolve(value);
    };
    const unsubscribe = transport.onConnectionChange((connected) => {
      if (!connected) finish(null);
    });
    transport.emitWithAck(name, payload, timeoutMs).then(finish, () => finish(null));
  });
}

/** Refusals that say the command was not applied and may be sent again as it is, under the same command id. */
const NOT_APPLIED: ReadonlySet<string> = new Set(['server_draining', 'unavailable']);

/**
 * Sends commands with a client-made `commandId`, and resends the SAME id after a timeout or a
 * dropped connection: the server answers a resend with the first answer and applies it once.
 */
export function createCommandClient(transport: CommandTransport, options: CommandClientOptions = {}) {
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 8000;
  const giveUpAfterMs = options.giveUpAfterMs ?? 60_000;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const makeId = options.newCommandId ?? newCommandId;

  async function sendCommand<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<Result<AnswerOf<N>>> {
    const body = { ...payload, commandId: makeId() };
    const deadline = Date.now() + giveUpAfterMs;
    let drainingAnswer: Result<AnswerOf<N>> | null = null;
    while (Date.now() < deadline) {
      if (!(await waitForConnection(transport, deadline))) break;
      const answer = await attempt(transport, name, body, attemptTimeoutMs);
      // The server builds every answer from the contract's schema; it is not parsed again here (snapshots are large).
      if (isResult(answer)) {
        // [OPS4][OPS10] A server shutting down, or a store that did not take the command in time, applied nothing: the
        // same command goes again (once reconnected, perhaps to another server) until the console gives up.
        if (answer.ok || !NOT_APPLIED.has(answer.error.code)) return answer as Result<AnswerOf<N>>;
        drainingAnswer = answer;
      }
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
    }
    return drainingAnswer ?? unconfirmed(name);
  }

  /** A read-only request (recommend, sync): one attempt, no command id, no resend. */
  async function request<N extends CommandName>(name: N, payload: InputOf<N>, timeoutMs = attemptTimeoutMs): Promise<Result<AnswerOf<N>>> {
    if (!transport.isConnected()) return { ok: false, error: { code: 'internal_error', message: 'Not connected to the server.' } };
    const answer = await attempt(transport, name, payload, timeoutMs);
    return isResult(answer) ? (answer as Result<AnswerOf<N>>) : unconfirmed(name);
  }

  return { sendCommand, request };
}

export type CommandClient = ReturnType<typeof createCommandClient>;
