import { DEMO_PASSWORD } from '../auth/demoUsers.ts';
import type { Credentials } from './replaySession.ts';

/**
 * [RL3] Who a replay signs in as on a server that seeds the demo users (the replay's own server, a test or bench
 * server): the dispatcher at every desk, and the administrator who registers units and moves the replay clock.
 */
export const DEMO_REPLAY_SIGN_INS: { readonly dispatcher: Credentials; readonly administrator: Credentials } = {
  dispatcher: { username: 'dispatcher', password: DEMO_PASSWORD },
  administrator: { username: 'admin', password: DEMO_PASSWORD },
};
