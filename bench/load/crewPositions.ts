import { JOBURG_BBOX } from '../random.ts';
import type { RunSpec } from './loadProtocol.ts';

/**
 * The `crews` group's position fixes anywhere in the Johannesburg bbox at `ratePerSecond` in all, on the absolute-time
 * schedule, for `durationSeconds`; each crew keeps at most the server's 32 answers outstanding.
 */
export function crewPositions(ratePerSecond: number, durationSeconds: number, drainMs: number, maxInFlightPerSocket = 32): RunSpec {
  return {
    group: 'crews',
    plan: { kind: 'position', bbox: JOBURG_BBOX },
    pace: { kind: 'rate', ratePerSecond },
    durationSeconds,
    drainMs,
    maxInFlightPerSocket,
    collectOk: false,
  };
}
