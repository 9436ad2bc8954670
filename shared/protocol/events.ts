import type { Session } from '../auth/roles.ts';
import type { CallerHistory, CallRecord, HoaxRegistry } from '../callers/callerSchema.ts';
import type { DuplicateCandidate, Incident } from '../incidents/incidentSchema.ts';
import type { Recommendation } from '../dispatch/dispatchSchema.ts';
import type { Unit, UnitFix } from '../units/unitSchema.ts';
import type { UnitPositionAnswer } from '../units/unitCommands.ts';
import type { Result } from './result.ts';
import type { Delta, Snapshot, SyncAnswer, VersionTick } from './stateSchema.ts';
import type { HospitalOption, Route } from '../routing/routeSchema.ts';

/** Bumped when an event's meaning changes; a console with another version reloads. */
export const PROTOCOL_VERSION = 1;

export type Ack<T> = (result: Result<T>) => void;

/** The outcome of an assignment: the incident and the units as committed. */
export interface AssignOutcome {
  incident: Incident;
  units: Unit[];
}

/**
 * Commands, client → server. Payloads are `unknown` on purpose: the server parses every one
 * with its shared schema; the console builds them from the inferred input types.
 */
export interface ClientToServerEvents {
  'incident:create': (input: unknown, ack: Ack<Incident>) => void;
  'incident:close': (input: unknown, ack: Ack<Incident>) => void;
  'dispatch:recommend': (input: unknown, ack: Ack<Recommendation>) => void;
  'dispatch:assign': (input: unknown, ack: Ack<AssignOutcome>) => void;
  'unit:status': (input: unknown, ack: Ack<Unit>) => void;
  'unit:position': (input: unknown, ack: Ack<UnitPositionAnswer>) => void;
  'sync:since': (input: unknown, ack: Ack<SyncAnswer>) => void;
  'incident:get': (input: unknown, ack: Ack<Incident>) => void;
  'incident:duplicates': (input: unknown, ack: Ack<DuplicateCandidate[]>) => void;
  'incident:link_caller': (input: unknown, ack: Ack<Incident>) => void;
  'call:dispose': (input: unknown, ack: Ack<CallRecord>) => void;
  'caller:history': (input: unknown, ack: Ack<CallerHistory>) => void;
  'hoax:registry': (input: unknown, ack: Ack<HoaxRegistry>) => void;
  'unit:acknowledge': (input: unknown, ack: Ack<Incident>) => void;
  'route:unit': (input: unknown, ack: Ack<Route>) => void;
  'route:hospitals': (input: unknown, ack: Ack<HospitalOption[]>) => void;
}

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
  /** [DK2] A version went by that does not concern this agency desk. */
  'state:version': (tick: VersionTick) => void;
  /** [RT4] Position fixes coalesced into frames a few times a second. */
  'units:moved': (frame: UnitFix[]) => void;
}

/** Nothing is kept per socket that another instance would need. */
export type InterServerEvents = Record<string, never>;
export type SocketData = Session;
