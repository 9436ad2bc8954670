import { SessionSchema } from '../../shared/auth/roles.ts';
import type { Ack, ClientToServerEvents } from '../../shared/protocol/events.ts';
import { snapshotForViewer } from '../../shared/protocol/deskView.ts';
import type { CadContext } from '../app/cadContext.ts';
import { COMMAND_HANDLERS } from '../commands/commands.ts';
import type { Command } from '../commands/defineCommand.ts';
import { readSnapshot } from '../journal/readSnapshot.ts';
import type { CadIo, CadSocket } from './cadIo.ts';
import { publishOutcome, type Publisher } from './publishOutcome.ts';
import { roomsFor } from './rooms.ts';

/**
 * Wires the socket transport: the session is checked at the handshake, the socket joins its rooms
 * BEFORE the snapshot is read (so no delta can fall between them), then every command event goes
 * through its one command handler. [RT1]
 */
export function attachRealtime(io: CadIo, ctx: CadContext, publisher: Publisher): void {
  io.use((socket, next) => {
    const parsed = SessionSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      next(new Error(`session refused: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'auth'}: ${issue.message}`).join('; ')}`));
      return;
    }
    socket.data = parsed.data;
    next();
  });

  io.on('connection', (socket) => {
    void socket.join(roomsFor(socket.data));
    for (const [name, command] of Object.entries(COMMAND_HANDLERS)) {
      bindCommand(socket, name as keyof ClientToServerEvents, command, ctx, publisher);
    }
    readSnapshot(ctx).then(
      (snapshot) => socket.emit('state:snapshot', snapshotForViewer(socket.data, snapshot)),
      (error: unknown) => {
        console.error('snapshot for a new console failed:', error);
        socket.disconnect(true);
      },
    );
  });
}

function bindCommand(socket: CadSocket, name: keyof ClientToServerEvents, command: Command<unknown>, ctx: CadContext, publisher: Publisher): void {
  const listener = (payload: unknown, ack: unknown): void => {
    // A client that sends no acknowledgement callback cannot be answered; the command still runs.
    const reply: Ack<unknown> = typeof ack === 'function' ? (ack as Ack<unknown>) : () => undefined;
    command.execute(ctx, socket.data, payload).then(
      (outcome) => {
        reply(outcome.result);
        publishOutcome(publisher, outcome);
      },
      (error: unknown) => {
        console.error(`[${name}] transport failure:`, error);
        reply({ ok: false, error: { code: 'internal_error', message: 'the server could not complete the command' } });
      },
    );
  };
  socket.on(name, listener);
}
