import type { User } from '../../shared/auth/userSchema.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import type { IncidentTypeId } from '../../shared/incidents/incidentTypes.ts';
import type { Snapshot } from '../../shared/protocol/stateSchema.ts';
import type { UnitStatus } from '../../shared/units/unitStatus.ts';
import { incidentInput, ticketInput } from '../support/builders.ts';
import type { Ticket } from '../../shared/tickets/ticketSchema.ts';
import { commandId } from '../support/testClient.ts';
import { adminCookie, sessionCookie, TEST_PASSWORD, type TestIdentity } from '../support/testSession.ts';
import { joburgCity } from '../support/testServer.ts';
import { dataOf, sendHttp } from './contractRequest.ts';

/** The Johannesburg vehicle a shared crew identity is signed on to. */
export const CREW_UNIT = 'als-a01';
/** Units the targeted tests act on; never handed out as spares. */
export const RESERVED_UNITS: readonly string[] = ['als-a01', 'als-a02', 'als-a03', 'als-a04', 'als-a05', 'eng-a01', 'jmpd-a01'];

/**
 * What a valid payload may need from the live system, all done through the public API by the
 * fixture's own users: incidents to act on, spare vehicles no other test touches, units committed
 * to incidents, users for the administrator's commands, and identities of their own for senders
 * whose command ends or changes their session.
 */
export interface PayloadFixture {
  url: string;
  /** A new open incident (created by the fixture's call-taker), classified from `answers` when given. */
  incident(type?: IncidentTypeId, answers?: Record<string, 'yes' | 'no'>): Promise<Incident>;
  /** An available EMS vehicle that nothing else in the file uses. */
  spareUnit(): string;
  /** Commits a unit to an incident (the fixture's combined-desk dispatcher). */
  assign(incidentId: string, unitId: string): Promise<void>;
  /** Closes an incident with no unit on it (the fixture's supervisor). */
  close(incidentId: string): Promise<void>;
  /** [CC2] A new Joburg Water ticket (a burst pipe, logged by the fixture's Care Connect agent). */
  ticket(): Promise<Ticket>;
  /** A new user (a call-taker) for the administrator's commands to act on. */
  user(): Promise<User>;
  /** A unit's status now, as the supervisor's board shows it. */
  unitStatus(unitId: string): Promise<UnitStatus>;
  /** A username not used before on this server. */
  uniqueName(prefix: string): string;
  /** A new identity of the role; a crew is signed on to a spare vehicle unless `isOffVehicle`. */
  ownIdentity(role: TestIdentity['role'], isOffVehicle?: boolean): TestIdentity;
}

const FIXTURE_CALL_TAKER: TestIdentity = { role: 'call_taker', operatorId: 'fx-call-taker' };
const FIXTURE_DISPATCHER: TestIdentity = { role: 'dispatcher', operatorId: 'fx-dispatcher' };
const FIXTURE_SUPERVISOR: TestIdentity = { role: 'supervisor', operatorId: 'fx-supervisor' };
const FIXTURE_AGENT: TestIdentity = { role: 'care_agent', operatorId: 'fx-care-agent' };

let names = 0;

/** The fixture for one server. */
export function createPayloadFixture(url: string): PayloadFixture {
  const spares = joburgCity()
    .fleet.filter((unit) => (unit.kind === 'bls' || unit.kind === 'als') && !RESERVED_UNITS.includes(unit.id))
    .map((unit) => unit.id);
  const uniqueName = (prefix: string): string => {
    names += 1;
    return `${prefix}-${Date.now().toString(36)}-${names}`.slice(0, 40);
  };
  const spareUnit = (): string => {
    const unitId = spares.shift();
    if (!unitId) throw new Error('the fixture ran out of spare vehicles');
    return unitId;
  };
  return {
    url,
    uniqueName,
    spareUnit,
    async incident(type = 'injured_person', answers = {}) {
      return dataOf<Incident>((await sendHttp(url, 'incident:create', incidentInput({ type, answers }), await sessionCookie(url, FIXTURE_CALL_TAKER))).body);
    },
    async assign(incidentId, unitId) {
      dataOf((await sendHttp(url, 'dispatch:assign', { commandId: commandId(), incidentId, unitIds: [unitId] }, await sessionCookie(url, FIXTURE_DISPATCHER))).body);
    },
    async close(incidentId) {
      dataOf((await sendHttp(url, 'incident:close', { commandId: commandId(), incidentId, disposition: 'false_alarm' }, await sessionCookie(url, FIXTURE_SUPERVISOR))).body);
    },
    async ticket() {
      return dataOf<Ticket>((await sendHttp(url, 'ticket:create', ticketInput(), await sessionCookie(url, FIXTURE_AGENT))).body);
    },
    async user() {
      const payload = { username: uniqueName('fx-user'), displayName: 'Fixture user', role: 'call_taker', desks: [], password: TEST_PASSWORD };
      return dataOf<User>((await sendHttp(url, 'users:create', payload, await adminCookie(url))).body);
    },
    async unitStatus(unitId) {
      const snapshot = dataOf<Snapshot>((await sendHttp(url, 'state:read', {}, await sessionCookie(url, FIXTURE_SUPERVISOR))).body);
      const unit = snapshot.units.find((u) => u.id === unitId);
      if (!unit) throw new Error(`no unit ${unitId} on the board`);
      return unit.status;
    },
    ownIdentity(role, isOffVehicle = false) {
      const operatorId = uniqueName(`own-${role.replace('_', '')}`);
      return role === 'crew' && !isOffVehicle ? { role, operatorId, unitId: spareUnit() } : { role, operatorId };
    },
  };
}
