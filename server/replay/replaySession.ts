import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol/events.ts';
import type { Result } from '../../shared/protocol/result.ts';
import { FACTS, type Delta } from '../../shared/protocol/stateSchema.ts';

type CommandEvent = keyof ClientToServerEvents;
type AnswerOf<E extends CommandEvent> = Parameters<ClientToServerEvents[E]>[1] extends (result: Result<infer T>) => void ? T : never;

export interface Credentials {
  username: string;
  password: string;
  desk?: string;
}

const ANSWER_TIMEOUT_MS = 60_000;

/**
 * [RL5] One signed-in user of the replay, through the public API only: HTTP sign-in, then a Socket.IO connection
 * for commands and live changes. A command refused because the session lapsed (replayed time runs fast) is sent
 * again after a new sign-in, and one refused for its rate is sent again after a pause; both with the same
 * commandId, so a command is never applied twice.
 */
export class ReplaySession {
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private readonly listeners: ((delta: Delta) => void)[] = [];

  constructor(
    private readonly url: string,
    private readonly credentials: Credentials,
  ) {}

  /** Called with every change the session's user sees. */
  onDelta(listener: (delta: Delta) => void): void {
    this.listeners.push(listener);
  }

  async connect(): Promise<void> {
    const { username, password, desk } = this.credentials;
    const response = await fetch(`${this.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, ...(desk ? { desk } : {}) }) });
    if (!response.ok) throw new Error(`sign-in of ${username} failed (${response.status}): ${await response.text()}`);
    const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0] ?? '').join('; ');
    this.socket?.close();
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(this.url, { auth: { protocolVersion: PROTOCOL_VERSION }, extraHeaders: { cookie }, transports: ['websocket'], forceNew: true, reconnection: false });
    const deliver = (delta: Delta): void => {
      for (const listener of this.listeners) listener(delta);
    };
    for (const fact of FACTS) socket.on(fact, deliver);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect_error', reject);
      socket.once('state:snapshot', () => resolve());
    });
    this.socket = socket;
  }

  async send<E extends CommandEvent>(event: E, payload: unknown): Promise<Result<AnswerOf<E>>> {
    for (let attempt = 0; ; attempt += 1) {
      const answer = await this.emit(event, payload);
      if (answer.ok || attempt >= 5) return answer;
      if (answer.error.code === 'unauthenticated') await this.connect();
      else if (answer.error.code === 'rate_limited') await new Promise((resolve) => setTimeout(resolve, 1_000 * (attempt + 1)));
      else return answer;
    }
  }

  private emit<E extends CommandEvent>(event: E, payload: unknown): Promise<Result<AnswerOf<E>>> {
    const socket = this.socket;
    if (!socket?.connected) return this.connect().then(() => this.emit(event, payload));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${event}: no answer within ${ANSWER_TIMEOUT_MS / 1000} s`)), ANSWER_TIMEOUT_MS);
      // The event maps type each command's payload; the replay builds payloads as data, so it widens the emitter once here.
      const emit = socket.emit.bind(socket) as (event: E, payload: unknown, ack: (result: Result<AnswerOf<E>>) => void) => void;
      emit(event, payload, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
    });
  }

  close(): void {
    this.socket?.close();
  }
}
