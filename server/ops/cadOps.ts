import type { CadMetrics } from './cadMetrics.ts';
import type { CommandGate } from './commandGate.ts';
import type { Logger } from './logger.ts';
import type { LoopLag } from './loopLag.ts';
import type { RedisProbe } from './redisProbe.ts';

/** [OPS1–OPS4] What running one instance needs beyond the commands: its logger, metrics, Redis probe and command gate. */
export interface CadOps {
  log: Logger;
  metrics: CadMetrics;
  redisProbe: RedisProbe;
  gate: CommandGate;
  /** [OPS12] How late the event loop runs (position fixes give way while it is late). */
  loop: LoopLag;
}
