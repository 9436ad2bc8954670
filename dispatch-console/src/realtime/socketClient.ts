import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/protocol/events.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol/contract.ts';
import type { HandshakeAuth } from '../../../shared/protocol/handshake.ts';
import type { CommandName, CommandTransport } from './commandClient.ts';

export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Every command has the same (input, ack) shape; with a timeout the ack gets an error first. */
type EmitCommand = (event: CommandName, input: unknown, ack: (err: Error | null, answer: unknown) => void) => void;

/**
 * Connects to the same origin. The browser sends the session cookie with the handshake, so the client names no
 * role or user of its own; it says only which protocol it was built for (an older console is told to reload).
 * WebSocket only: with several server instances behind a load balancer, long-polling would need sticky sessions.
 * Not connected until `connect()`, so that listeners are in place before the first snapshot.
 *
 * [RT6] `resumeVersion()` is asked at every (re)connection: the version of the state the console holds, or null when it
 * has none (or wants a fresh snapshot); with a version, the server sends what changed since instead of the whole board.
 */
export function createSocket(resumeVersion: () => number | null): ConsoleSocket {
  return io({
    transports: ['websocket'],
    auth: (send) => {
      const version = resumeVersion();
      const auth: HandshakeAuth = version === null ? { protocolVersion: PROTOCOL_VERSION } : { protocolVersion: PROTOCOL_VERSION, resumeVersion: version };
      send(auth);
    },
    autoConnect: false,
  });
}

/** Adapts the socket to what the command client needs. */
export function socketTransport(socket: ConsoleSocket): CommandTransport {
  return {
    isConnected: () => socket.connected,
    onConnectionChange(listener) {
      const onConnect = () => listener(true);
      const onDisconnect = () => listener(false);
      socket.on('connect', onConnect);
      socket.on('disconnect', onDisconnect);
      return () => {
        socket.off('connect', onConnect);
        socket.off('disconnect', onDisconnect);
      };
    },
    emitWithAck(name: CommandName, payload: unknown, timeoutMs: number): Promise<unknown> {
      return new Promise((resolve, reject) => {
        // Every command has the same (input, ack) shape; the answer is checked by the caller.
        const timed = socket.timeout(timeoutMs);
        const emit = timed.emit.bind(timed) as unknown as EmitCommand;
        emit(name, payload, (err, answer) => (err ? reject(err) : resolve(answer)));
      });
    },
  };
}
