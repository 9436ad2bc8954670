import { io, type Socket } from 'socket.io-client';
import { DEMO_PASSWORD } from '../server/auth/demoUsers.ts';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../shared/protocol/events.ts';
import { signIn } from '../test/support/testSession.ts';

export type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Signs in as a demo user and connects, as a console would; resolves once the snapshot has arrived. */
export async function connectBenchSocket(url: string, username: string, desk?: string): Promise<BenchSocket> {
  const cookie = await signIn(url, username, DEMO_PASSWORD, desk);
  const socket: BenchSocket = io(url, { auth: { protocolVersion: PROTOCOL_VERSION }, extraHeaders: { cookie }, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((done, fail) => {
    socket.once('connect_error', fail);
    socket.once('state:snapshot', () => done(socket));
  });
}
