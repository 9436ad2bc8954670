import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitInSlices, SOCKETS_PER_TURN } from '../../server/realtime/emitInSlices.ts';
import type { CadIo, CadSocket } from '../../server/realtime/cadIo.ts';
import type { Snapshot } from '../../shared/protocol/stateSchema.ts';
import { makeIncident, makeSnapshot } from '../console/fixtures.ts';

const CLIENTS = 3 * SOCKETS_PER_TURN + 2;

describe('[OPS12] one event to many sockets, encoded once and written a few sockets a turn', () => {
  let http: HttpServer;
  let io: CadIo;
  const clients: ClientSocket[] = [];
  const serverSockets: CadSocket[] = [];

  beforeAll(async () => {
    http = createServer();
    io = new Server(http, { transports: ['websocket'] });
    io.on('connection', (socket) => serverSockets.push(socket));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    for (let i = 0; i < CLIENTS; i += 1) {
      const client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false });
      clients.push(client);
      await new Promise<void>((resolve, reject) => {
        client.once('connect', resolve);
        client.once('connect_error', reject);
      });
    }
    // The server's `connection` comes before the client's `connect`.
    if (serverSockets.length !== CLIENTS) throw new Error(`${serverSockets.length} of ${CLIENTS} sockets connected`);
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await io.close();
  });

  it('every connected socket receives the event as Socket.IO sends it, framed once; a socket that left is skipped; a few sockets a turn', async () => {
    const gone = serverSockets.at(-1);
    if (!gone) throw new Error('no sockets');
    const goneClient = clients.at(-1);
    const goneClosed = new Promise<void>((resolve) => goneClient?.once('disconnect', () => resolve()));
    gone.disconnect(true);
    await goneClosed;

    const written: number[] = [];
    const frames = new Set<unknown>();
    serverSockets.forEach((socket, index) => {
      const write = socket.conn.write.bind(socket.conn);
      socket.conn.write = (...args: Parameters<typeof write>) => {
        written.push(index);
        frames.add((args[1] as { wsPreEncodedFrame?: unknown } | undefined)?.wsPreEncodedFrame);
        return write(...args);
      };
    });
    const snapshot = makeSnapshot(41, [makeIncident('INC-1', { notes: 'a "quoted" note, and ünïcode' })]);
    const live = clients.slice(0, -1);
    const received = live.map((client) => new Promise<Snapshot>((resolve) => client.once('state:snapshot', resolve)));
    let isGoneReached = false;
    goneClient?.once('state:snapshot', () => {
      isGoneReached = true;
    });

    const sending = emitInSlices(serverSockets, 'state:snapshot', snapshot);
    // The first slice is written at once; the rest one slice a turn.
    expect(written).toEqual(Array.from({ length: SOCKETS_PER_TURN }, (_, i) => i));
    await nextTurn();
    expect(written.length).toBeLessThanOrEqual(2 * SOCKETS_PER_TURN);
    await sending;

    expect(await Promise.all(received)).toEqual(live.map(() => snapshot));
    expect(written).toEqual(Array.from({ length: CLIENTS - 1 }, (_, i) => i));
    expect(isGoneReached).toBe(false);
    // Framed once: every WebSocket is written the same buffers, as a Socket.IO broadcast writes them.
    expect(frames.size).toBe(1);
    expect([...frames][0]).toBeInstanceOf(Array);
  });
});
