import type { CallLog } from '../../server/replay/readCallLog.ts';
import { DEMO_REPLAY_SIGN_INS } from '../../server/replay/demoSignIns.ts';
import { runReplay, type ReplayOptions, type ReplayResult } from '../../server/replay/runReplay.ts';

/**
 * A call log replayed against a test or bench server as its demo users, as fast as the server answers, the calls
 * where the log puts them and its own unit stamps; `options` names what a test or bench does differently.
 */
export function replayAsDemo(url: string, log: CallLog, options: Partial<Pick<ReplayOptions, 'simulate' | 'relocate' | 'say'>> = {}): Promise<ReplayResult> {
  return runReplay({ url, ...DEMO_REPLAY_SIGN_INS, log, speed: null, simulate: false, relocate: false, ...options });
}
