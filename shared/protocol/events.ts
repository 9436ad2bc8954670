import type { Session } from '../auth/roles.ts';
import type { UnitFix } from '../units/unitSchema.ts';
import type { AnswerOf, InputOf, SocketCommandName } from './contract.ts';
import type { Result } from './result.ts';
import type { Delta, Snapshot, VersionTick } from './stateSchema.ts';

export { PROTOCOL_VERSION } from './contract.ts';

export type Ack<T> = (result: Result<T>) => void;

/** Commands, client → server: one event per contract entry sent over the socket, derived from the contract. [CM6] */
export type ClientToServerEvents = { [N in SocketCommandName]: (input: InputOf<N>, ack: Ack<AnswerOf<N>>) => void };

/** Why the server ended a console's session. */
export type SessionEndReason = 'signed_out' | 'disabled' | 'password_reset' | 'expired';

/** Facts, server → client. Every delta event carries the journal version. */
export interface ServerToClientEvents {
  'state:snapshot': (snapshot: Snapshot) => void;
  'incident:created': (delta: Delta) => void;
  'incident:closed': (delta: Delta) => void;
  'dispatch:assigned': (delta: Delta) => void;
  'unit:status_changed': (delta: Delta) => void;
  'incident:caller_linked': (delta: Delta) => void;
  'unit:acknowledged': (delta: Delta) => void;
  'call:disposed': (delta: Delta) => void;
  'unit:crew_changed': (delta: Delta) => void;
  /** [LC3] A closed incident reopened, or one awaiting close sent back for more units. */
  'incident:reopened': (delta: Delta) => void;
  /** [LC6] An incident's type or priority changed. */
  'incident:updated': (delta: Delta) => void;
  /** [LC4] A desk stood a unit down from an incident. */
  'dispatch:released': (delta: Delta) => void;
  /** [DV1] A unit moved from one incident to a more urgent one. */
  'dispatch:diverted': (delta: Delta) => void;
  /** [NR3] A note added to an incident's narrative; the delta carries the incident. */
  'incident:note_added': (delta: Delta) => void;
  /** [DK2] A version went by that does not concern this console. */
  'state:version': (tick: VersionTick) => void;
  /** [RT4] Position fixes coalesced into frames a few times a second. */
  'units:moved': (frame: UnitFix[]) => void;
  /** [AU6] The session ended (signed out elsewhere, user disabled, password reset); the socket is dropped next. */
  'session:ended': (notice: { reason: SessionEndReason }) => void;
  /** [CR2] The session's vehicle changed (crew sign-on or sign-off): reconnect for the new rooms and snapshot. */
  'session:changed': (notice: Record<string, never>) => void;
  /** [CM7] An event that is not a command of the contract. */
  'command:unknown': (notice: { event: string; error: { code: 'unknown_command'; message: string } }) => void;
}

/** Nothing is kept per socket that another instance would need. */
export type InterServerEvents = Record<string, never>;
export type SocketData = { session: Session; clientKey: string };
