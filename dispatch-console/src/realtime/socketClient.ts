import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/protocol/events.ts';
import type { Session } from '../../../shared/auth/roles.ts';
import type { CommandName } from '../../../shared/protocol/commands.ts';
import type { CommandTransport } from './commandClient.ts';

export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Every command has the same (input, ack) shape; with a timeout the ack gets an error first. */
type EmitCommand = (event: CommandName, input: unknown, ack: (err: Error | null, answer: unknown) => void) => void;

/**
 * Connects to the same origin, naming the desk session in the handshake. WebSocket only: with
 * several server instances behind a load balancer, long-polling would need sticky sessions.
 */
export function connectSocket(session: Session): ConsoleSocket {
  return io({ auth: session, transports: ['websocket'] });
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
