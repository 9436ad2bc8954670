import type { CommandOutcome } from '../commands/commandOutcome.ts';
import { broadcastDelta } from './broadcastDelta.ts';
import type { CadIo } from './cadIo.ts';
import type { PositionFrames } from './positionFrames.ts';

/** Where a command's consequences go once it is answered: deltas to rooms, fixes to the next frame. */
export interface Publisher {
  io: CadIo;
  frames: PositionFrames;
}

/** Broadcasts what an outcome changed. A replayed answer is broadcast again; consoles skip versions they hold. */
export function publishOutcome(publisher: Publisher, outcome: CommandOutcome<unknown>): void {
  if (outcome.delta) broadcastDelta(publisher.io, outcome.delta);
  if (outcome.fix) publisher.frames.add(outcome.fix);
}
