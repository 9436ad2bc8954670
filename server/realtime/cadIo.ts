import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '../../shared/protocol/events.ts';

/** The typed Socket.IO server of the system. */
export type CadIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type CadSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
