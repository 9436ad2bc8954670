import type { CommandOutcome } from '../commands/commandOutcome.ts';
import type { CadIo } from './cadIo.ts';
import type { PositionFrames } from './positionFrames.ts';
import { ROOMS } from './rooms.ts';

/** Where a command's consequences go once it is answered: deltas to rooms, fixes to the next frame, session changes to their sockets. */
export interface Publisher {
  io: CadIo;
  frames: PositionFrames;
}

/**
 * Sends on what an outcome changed beside its delta: the delta is in the journal, which every instance's feed
 * (`JournalFeed`) sends to its own sockets, so nothing here sends it.
 */
export function publishOutcome(publisher: Publisher, outcome: CommandOutcome<unknown>): void {
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
