import { Encoder, PacketType } from 'socket.io-parser';
import type { ServerToClientEvents } from '../../shared/protocol/events.ts';
import type { CadSocket } from './cadIo.ts';

/** Sockets written per turn of the event loop; each may be sent a whole board (megabytes). */
export const SOCKETS_PER_TURN = 4;

const encoder = new Encoder();
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * [OPS12] Sends one event to many sockets of this instance: encoded once, as a broadcast is, but written to a few
 * sockets per turn of the event loop. A broadcast writes every socket in one turn; 50 reloaded consoles each sent a
 * board of 2,400 incidents held the event loop 95 ms in `writev` alone, and every command of everyone else with it.
 * The packet is Socket.IO's own (socket.io-parser, the encoder Socket.IO uses), so the client reads it as any event.
 */
export async function emitInSlices<E extends keyof ServerToClientEvents>(sockets: readonly CadSocket[], event: E, ...args: Parameters<ServerToClientEvents[E]>): Promise<void> {
  const packets = encoder.encode({ type: PacketType.EVENT, nsp: '/', data: [event, ...args] });
  for (let start = 0; start < sockets.length; start += SOCKETS_PER_TURN) {
    if (start > 0) await nextTurn();
    for (const socket of sockets.slice(start, start + SOCKETS_PER_TURN)) {
      // A socket that left meanwhile is skipped, as a broadcast skips it.
      if (!socket.connected) continue;
      for (const packet of packets) socket.conn.write(packet);
    }
  }
}
