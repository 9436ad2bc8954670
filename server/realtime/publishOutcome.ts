import type { CommandOutcome } from '../commands/commandOutcome.ts';
import { broadcastDelta } from './broadcastDelta.ts';
import type { CadIo } from './cadIo.ts';
import type { PositionFrames } from './positionFrames.ts';
import { ROOMS } from './rooms.ts';

/** Where a command's consequences go once it is answered: deltas to rooms, fixes to the next frame, session changes to their sockets. */
export interface Publisher {
  io: CadIo;
  frames: PositionFrames;
}

/** Broadcasts what an outcome changed. A replayed answer is broadcast again; consoles skip versions they hold. */
export function publishOutcome(publisher: Publisher, outcome: CommandOutcome<unknown>): void {
  if (outcome.delta) broadcastDelta(publisher.io, outcome.delta);
  if (outcome.fix) publisher.frames.add(outcome.fix);
  if (outcome.fixes) for (const fix of outcome.fixes) publisher.frames.add(fix);
  const effects = outcome.effects;
  if (effects?.endSessions) {
    const { userId, sessionId, reason } = effects.endSessions;
    // [AU6] Through the adapter, so the user's sockets on every instance are told and dropped.
    const room = userId ? ROOMS.user(userId) : sessionId ? ROOMS.session(sessionId) : null;
    if (room) {
      publisher.io.to(room).emit('session:ended', { reason });
      publisher.io.in(room).disconnectSockets(true);
    }
  }
  if (effects?.sessionChanged) publisher.io.to(ROOMS.user(effects.sessionChanged.userId)).emit('session:changed', {});
}
