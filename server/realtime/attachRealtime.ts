import { isNeverSent, NOT_SENT } from '../redis/redisErrors.ts';
import { asCommandTakenAt } from '../redis/redisClock.ts';
import { ConnectionAdmission } from './connectionAdmission.ts';
import { ConnectionLoad, FLOOD_REFUSALS_TO_CLOSE, POSITION_COMMANDS } from './connectionLoad.ts';
import { PositionSessionCheck } from './positionSessionCheck.ts';
import { isCommandName, PROTOCOL_VERSION, SOCKET_COMMAND_NAMES, type SocketCommandName } from '../../shared/protocol/contract.ts';
import type { Ack } from '../../shared/protocol/events.ts';
import { HandshakeAuthSchema } from '../../shared/protocol/handshake.ts';
import type { CadContext } from '../app/cadContext.ts';
import { gateSession, resolveSession, tokenFrom } from '../auth/resolveSession.ts';
import { parseEarly } from '../commands/commandIdClaim.ts';
import { runCommand } from '../commands/runCommand.ts';
import type { CadIo, CadSocket } from './cadIo.ts';
import { publishOutcome, type Publisher } from './publishOutcome.ts';
import { roomsFor } from './rooms.ts';
import { SnapshotDelivery } from './snapshotDelivery.ts';

/** A handshake refusal: `message` is the code, `data` the one error shape. [AU3] */
function refusal(code: 'unauthenticated' | 'protocol_outdated' | 'rate_limited' | 'forbidden' | 'invalid_input', message: string): Error & { data: { code: string; message: string } } {
  return Object.assign(new Error(code), { data: { code, message } });
}

/** A socket's session token: the console's cookie, a bearer header, or `auth.token` from another client. */
function socketToken(socket: CadSocket): string | undefined {
  const auth: unknown = socket.handshake.auth;
  const handshakeToken = typeof auth === 'object' && auth !== null && 'token' in auth ? auth.token : undefined;
  return tokenFrom({ cookie: socket.request.headers.cookie, authorization: socket.request.headers.authorization }, handshakeToken);
}

function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Wires the socket transport: the session (the console's cookie, or a token for other clients) and the
 * console's protocol version are checked at the handshake; the server, not the client, decides the
 * rooms, and the socket joins them BEFORE the snapshot is read (so no delta can fall between them);
 * then every command event goes through `runCommand`, with the session checked again each time. [RT1][AU3]
 */
export function attachRealtime(io: CadIo, ctx: CadContext, publisher: Publisher): void {
  const admission = new ConnectionAdmission();
  io.use((socket, next) => {
    void (async () => {
      const clientKey = socket.handshake.address || 'unknown';
      const limit = await ctx.limits.consume('connection', clientKey);
      if (!limit.isAllowed) return next(refusal('rate_limited', `too many connections; try again in ${limit.retryAfterSeconds} s`));
      // [HI2] A page of another site may not open a socket with this site's cookie (cross-site WebSocket hijacking).
      const origin = socket.handshake.headers.origin;
      if (origin && !isSameOrigin(origin, socket.handshake.headers.host)) return next(refusal('forbidden', 'connections from another site are refused'));
      const given: unknown = socket.handshake.auth;
      const protocolVersion = typeof given === 'object' && given !== null && 'protocolVersion' in given ? given.protocolVersion : undefined;
      if (protocolVersion !== PROTOCOL_VERSION) {
        return next(refusal('protocol_outdated', `this console speaks protocol ${typeof protocolVersion === 'number' ? protocolVersion : 'unknown'}, the server ${PROTOCOL_VERSION}: reload the page`));
      }
      const auth = HandshakeAuthSchema.safeParse(given);
      if (!auth.success) return next(refusal('invalid_input', auth.error.issues.map((issue) => issue.message).join('; ')));
      const session = await resolveSession(ctx, socketToken(socket));
      if (!session) return next(refusal('unauthenticated', 'sign in first'));
      socket.data = { session, clientKey, resumeVersion: auth.data.resumeVersion ?? null };
      // [OPS12] Set up (rooms, listeners, state) a few sockets per turn of the event loop, never a whole storm at once.
      await admission.turn();
      next();
    })().catch((error: unknown) => {
      ctx.ops.log.error({ err: error }, 'socket handshake failed');
      next(new Error('internal_error'));
    });
  });

  const snapshots = new SnapshotDelivery(ctx);
  io.on('connection', (socket) => {
    const { userId, role } = socket.data.session;
    ctx.ops.log.debug({ socketId: socket.id, userId, role }, 'socket connected');
    socket.on('disconnect', (reason) => ctx.ops.log.debug({ socketId: socket.id, userId, role, reason }, 'socket disconnected'));
    void socket.join(roomsFor(socket.data.session));
    const token = socketToken(socket);
    const load = new ConnectionLoad(ctx, { socketId: socket.id, userId });
    const positionCheck = new PositionSessionCheck(() => gateSession(ctx, token, ctx.positionsRedis));
    for (const name of SOCKET_COMMAND_NAMES) bindCommand(socket, token, name, ctx, publisher, { load, positionCheck });
    socket.onAny((event: string, ...args: unknown[]) => {
      if (isCommandName(event) && SOCKET_COMMAND_NAMES.includes(event as SocketCommandName)) return;
      // [CM7] An event that is not a command of the contract gets a coded answer, never silence.
      const error = { code: 'unknown_command' as const, message: `no command ${event.slice(0, 60)}` };
      const ack = args.at(-1);
      if (typeof ack === 'function') (ack as Ack<never>)({ ok: false, error });
      else socket.emit('command:unknown', { event: event.slice(0, 60), error });
    });
    snapshots.deliver(socket);
  });
}

/** Binds one command event; `token` is the socket's session token, read once at connection. */
function bindCommand(socket: CadSocket, token: string | undefined, name: SocketCommandName, ctx: CadContext, publisher: Publisher, connection: { load: ConnectionLoad; positionCheck: PositionSessionCheck }): void {
  const { load, positionCheck } = connection;
  const isPosition = POSITION_COMMANDS.has(name);
  const listener = (payload: unknown, ack: unknown): void => {
    // A client that sends no acknowledgement callback cannot be answered; the command still runs.
    const reply: Ack<unknown> = typeof ack === 'function' ? (ack as Ack<unknown>) : () => undefined;
    // [OPS12] Over the connection's limit, or a position fix while the instance is busy: answered now, nothing read.
    const refusal = load.admit(name);
    if (refusal) {
      reply(refusal);
      if (load.isFlooding && socket.connected) {
        ctx.ops.metrics.floodDisconnects.inc();
        ctx.ops.log.warn({ socketId: socket.id, userId: socket.data.session.userId }, `connection closed: ${FLOOD_REFUSALS_TO_CLOSE} commands refused within 10 s (it sends without reading its answers)`);
        socket.disconnect(true);
      }
      return;
    }
    // [OPS4] Admitted before its session is read, so a draining instance reads and writes nothing for a new command
    // (runCommand answers it server_draining), and the drain waits for a command held in its session gate.
    const isAdmitted = ctx.ops.gate.enter();
    void asCommandTakenAt(Date.now(), async () => {
      if (!isAdmitted) {
        reply((await runCommand(ctx, name, { session: socket.data.session, transport: 'socket', clientKey: socket.data.clientKey }, payload)).result);
        return;
      }
      // [AU6] Checked again on every command: a session revoked, or a user disabled, on another instance ends here too.
      // [HI1] The command's use of the user's limit is counted in the same round trip. A position fix's check, on the
      // positions connection, stands for a second (PositionSessionCheck).
      // [CM1] A journaled command's payload is parsed first, so the gate claims its command id in the same round trip.
      const early = isPosition ? null : parseEarly(ctx, name, payload, socket.data.session);
      const gated = isPosition ? await positionCheck.check() : await gateSession(ctx, token, ctx.redis, early?.claim ?? null);
      if (!gated) {
        reply({ ok: false, error: { code: 'unauthenticated', message: 'the session has ended; sign in again' } });
        socket.emit('session:ended', { reason: 'expired' });
        socket.disconnect(true);
        return;
      }
      const { session, limit } = gated;
      socket.data.session = session;
      const caller = { session, transport: 'socket' as const, clientKey: socket.data.clientKey, limit, ...(early ? { parsed: early.input } : {}), ...(gated.claim ? { gateClaim: gated.claim } : {}) };
      const outcome = await runCommand(ctx, name, caller, payload, true);
      reply(outcome.result);
      publishOutcome(publisher, outcome);
    }).catch((error: unknown) => {
      // [OPS10] The session could not be read: Redis not connected, so the command was not sent either.
      if (isNeverSent(error)) {
        reply({ ok: false, error: NOT_SENT });
        return;
      }
      ctx.ops.log.error({ err: error, command: name }, `${name}: transport failure`);
      reply({ ok: false, error: { code: 'internal_error', message: 'the server could not complete the command' } });
    }).finally(() => {
      if (isAdmitted) ctx.ops.gate.leave();
      load.done();
    });
  };
  (socket.on as (event: string, listener: (payload: unknown, ack: unknown) => void) => void)(name, listener);
}
