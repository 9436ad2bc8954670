import type { BenchSocket } from '../benchSocket.ts';
import { summarizeP95, type SummaryP95 } from './summaryP95.ts';

/** Frames as a Node Socket.IO client at the combined desk received them: what the server sent, before any browser. */
export interface WitnessedFrames {
  frames: number;
  framesPerSecond: number;
  fixes: number;
  /** Age of each frame's newest fix when the frame arrived at the client, ms. */
  newestFixAge: SummaryP95;
}

/** Counts the `units:moved` frames a signed-in socket receives from now until `stop`. */
export function witnessFrames(socket: BenchSocket): { stop(): WitnessedFrames } {
  const ages: number[] = [];
  let fixes = 0;
  const startedAt = Date.now();
  const onFrame = (frame: readonly { fixAt: number }[]): void => {
    let newest = 0;
    for (const fix of frame) newest = Math.max(newest, fix.fixAt);
    ages.push(Date.now() - newest);
    fixes += frame.length;
  };
  socket.on('units:moved', onFrame);
  return {
    stop() {
      socket.off('units:moved', onFrame);
      const seconds = (Date.now() - startedAt) / 1000;
      return { frames: ages.length, framesPerSecond: ages.length / seconds, fixes, newestFixAge: summarizeP95(ages) };
    },
  };
}
