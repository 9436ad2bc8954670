import type { Session } from '../auth/roles.ts';
import type { Coverage } from '../coverage/coverageSchema.ts';
import type { UnitFix } from '../units/unitSchema.ts';
import type { AnswerOf, InputOf, SocketCommandName } from './contract.ts';
import type { Result } from './result.ts';
import type { Delta, Fact, Snapshot, SyncAnswer, VersionTick } from './stateSchema.ts';

export { PROTOCOL_VERSION } from './contract.ts';

export type Ack<T> = (result: Result<T>) => void;

/** Commands, client → server: one event per contract entry sent over the socket, derived from the contract. [CM6] */
export type ClientToServerEvents = { [N in SocketCommandName]: (input: InputOf<N>, ack: Ack<AnswerOf<N>>) => void };

/** Why the server ended a console's session. */
export type SessionEndReason = 'signed_out' | 'disabled' | 'password_reset' | 'expired';

/**
 * Facts, server → client: one event per fact of the journal (shared/protocol/stateSchema.ts FACTS), each carrying
 * its delta and the journal version. [RT2]
 */
export type FactEvents = { [F in Fact]: (delta: Delta) => void };

/** Server → client: the facts, and the events that are not journal entries. */
export interface ServerToClientEvents extends FactEvents {
  'state:snapshot': (snapshot: Snapshot) => void;
  /**
   * [RT6] Instead of the snapshot, to a console that reconnected saying the version it holds (`resumeVersion`): the
   * changes it may see since, or a snapshot when it is too far behind, as `sync:since` answers.
   */
  'state:resumed': (answer: SyncAnswer) => void;
  /** [DK2] A version went by that does not concern this console. */
  'state:version': (tick: VersionTick) => void;
  /** [RT4] Position fixes coalesced into frames a few times a second. */
  'units:moved': (frame: UnitFix[]) => void;
  /** [CV5] The coverage, when the available units changed (at most once per check interval). */
  'coverage:updated': (coverage: Coverage) => void;
  /** [AU6] The session ended (signed out elsewhere, user disabled, password reset); the socket is dropped next. */
  'session:ended': (notice: { reason: SessionEndReason }) => void;
  /** [CR2] The session's vehicle changed (crew sign-on or sign-off): reconnect for the new rooms and snapshot. */
  'session:changed': (notice: Record<string, never>) => void;
  /** [CM7] An event that is not a command of the contract. */
  'command:unknown': (notice: { event: string; error: { code: 'unknown_command'; message: string } }) => void;
}

/** Nothing is kept per socket that another instance would need. */
export type InterServerEvents = Record<string, never>;
/** `resumeVersion`: [RT6] the version a reconnecting console holds (null: it wants a snapshot). */
export type SocketData = { session: Session; clientKey: string; resumeVersion: number | null };
