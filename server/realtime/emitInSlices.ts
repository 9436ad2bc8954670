import { setImmediate as nextTurn } from 'node:timers/promises';
import { Encoder, PacketType } from 'socket.io-parser';
import WebSocket from 'ws';
import type { ServerToClientEvents } from '../../shared/protocol/events.ts';
import type { CadSocket } from './cadIo.ts';

/** Sockets written per turn of the event loop; each may be sent a whole board (megabytes). */
export const SOCKETS_PER_TURN = 4;

/** The options `ws`'s frame builder takes: an unmasked, final text frame, as a server sends. */
interface FrameOptions {
  readOnly: boolean;
  mask: boolean;
  rsv1: boolean;
  opcode: number;
  fin: boolean;
}
/** `ws`'s `Sender.frame`, which Socket.IO's own broadcast uses to frame a message once for all its sockets (untyped in `ws`). */
type FrameBuilder = (data: Buffer, options: FrameOptions) => Buffer[];

/** What Engine.IO's `write` takes, and the frame its WebSocket transport sends as it is when given one. */
type WriteOptions = NonNullable<Parameters<CadSocket['conn']['write']>[1]> & { wsPreEncodedFrame?: Buffer[] };

const sender = (WebSocket as unknown as { Sender?: { frame?: FrameBuilder } }).Sender;
const frameOnce: FrameBuilder | null = typeof sender?.frame === 'function' ? sender.frame.bind(sender) : null;
const encoder = new Encoder();

/**
 * [OPS12] Sends one event to many sockets of this instance as a Socket.IO broadcast does, encoded once and framed once
 * (every WebSocket is written the same buffers, as `socket.io-adapter` does), but a few sockets per turn of the event
 * loop. A broadcast writes every socket in one turn: 50 reloaded consoles each sent a board of 2,400 incidents held the
 * event loop 95 ms in `writev` alone, and every command of everyone else with it. The packet is Socket.IO's own
 * (socket.io-parser, the encoder Socket.IO uses), so the client reads it as any event.
 */
export async function emitInSlices<E extends keyof ServerToClientEvents>(sockets: readonly CadSocket[], event: E, ...args: Parameters<ServerToClientEvents[E]>): Promise<void> {
  // socket.io-parser types its answer any[]: strings, and buffers for a packet with binary attachments.
  const packets = encoder.encode({ type: PacketType.EVENT, nsp: '/', data: [event, ...args] }) as (string | Buffer)[];
  const [only] = packets;
  // "4": an Engine.IO message packet. A socket on HTTP long-polling ignores the frame and sends the packet as text.
  const options: WriteOptions = frameOnce && packets.length === 1 && typeof only === 'string' ? { wsPreEncodedFrame: frameOnce(Buffer.from(`4${only}`), { readOnly: false, mask: false, rsv1: false, opcode: 1, fin: true }) } : {};
  for (let start = 0; start < sockets.length; start += SOCKETS_PER_TURN) {
    if (start > 0) await nextTurn();
    for (const socket of sockets.slice(start, start + SOCKETS_PER_TURN)) {
      // A socket that left meanwhile is skipped, as a broadcast skips it.
      if (!socket.connected) continue;
      for (const packet of packets) socket.conn.write(packet, options);
    }
  }
}
