import { DEMO_PASSWORD } from '../../server/auth/demoUsers.ts';
import type { CommandName } from '../../shared/protocol/contract.ts';
import { CBD, incidentInput, ticketInput } from '../support/builders.ts';
import { commandId } from '../support/testClient.ts';
import { adminCookie, TEST_PASSWORD, type TestIdentity } from '../support/testSession.ts';
import { dataOf, sendHttp } from './contractRequest.ts';
import type { PayloadFixture } from './payloadFixture.ts';

/**
 * One valid payload per contract command, built against the live system for a sender: with it, a
 * sender whose role the contract allows gets `{ ok: true }`. The table is typed by `CommandName`,
 * and a test checks it covers the contract, so a new command without a payload here fails.
 */
export interface ValidPayload {
  /**
   * `own`: the command ends or changes the sender's session or vehicle (or needs the vehicle in a
   * state of its own), so each allowed sender gets an identity of its own, a crew on a spare vehicle;
   * `own_off_vehicle`: the same, with a crew not yet signed on to any vehicle.
   */
  sender?: 'own' | 'own_off_vehicle';
  /**
   * The answer an allowed sender gets on the matrix's server when it is not `ok`: the command passed
   * authorisation and the server refused it for what it is (a server on the real clock refuses `clock:set`).
   */
  allowedAnswer?: string;
  build(fx: PayloadFixture, sender: TestIdentity): Record<string, unknown> | Promise<Record<string, unknown>>;
}

/** The sender's own vehicle (a crew), or a spare one (anyone else). */
const unitOf = (fx: PayloadFixture, sender: TestIdentity): string => sender.unitId ?? fx.spareUnit();

export const VALID_PAYLOADS: Record<CommandName, ValidPayload> = {
  'session:sign_in': { build: () => ({ username: 'supervisor', password: DEMO_PASSWORD }) },
  'session:get': { build: () => ({}) },
  'session:sign_out': { sender: 'own', build: () => ({}) },
  'users:list': { build: () => ({}) },
  'users:create': {
    build: (fx) => ({ username: fx.uniqueName('new-user'), displayName: 'New Call Taker', role: 'call_taker', desks: [], password: TEST_PASSWORD }),
  },
  'users:reset_password': { build: async (fx) => ({ userId: (await fx.user()).id, password: 'a brand new long password' }) },
  'users:set_disabled': { build: async (fx) => ({ userId: (await fx.user()).id, isDisabled: true }) },
  'crew:sign_on': { sender: 'own_off_vehicle', build: (fx) => ({ commandId: commandId(), unitId: fx.spareUnit() }) },
  'crew:sign_off': { sender: 'own', build: () => ({ commandId: commandId() }) },
  'state:read': { build: () => ({}) },
  'sync:since': { build: () => ({ version: 0 }) },
  'incident:create': { build: () => incidentInput() },
  'incident:close': { build: async (fx) => ({ commandId: commandId(), incidentId: (await fx.incident()).id, disposition: 'false_alarm', note: 'nobody there' }) },
  'incident:cancel': { build: async (fx) => ({ commandId: commandId(), incidentId: (await fx.incident()).id, reason: 'caller rang back: not needed' }) },
  'incident:reopen': {
    build: async (fx) => {
      const incident = await fx.incident();
      await fx.close(incident.id);
      return { commandId: commandId(), incidentId: incident.id, reason: 'second call: patient worse' };
    },
  },
  'incident:update_type': { build: async (fx) => ({ commandId: commandId(), incidentId: (await fx.incident()).id, priority: 'charlie', reason: 'more detail from the caller' }) },
  'incident:get': { build: async (fx) => ({ reference: (await fx.incident()).reference }) },
  'incident:eido': { build: async (fx) => ({ incidentId: (await fx.incident()).id }) },
  'incident:duplicates': { build: () => ({ location: CBD, type: 'medical_emergency' }) },
  'incident:link_caller': {
    build: async (fx) => ({ commandId: commandId(), incidentId: (await fx.incident()).id, callerName: 'Second Caller', callbackNumber: '082 555 0199', notes: 'same collision' }),
  },
  'incident:add_note': {
    // A crew notes only the incident its own vehicle is committed to.
    sender: 'own',
    build: async (fx, sender) => {
      const incident = await fx.incident();
      if (sender.unitId) await fx.assign(incident.id, sender.unitId);
      return { commandId: commandId(), incidentId: incident.id, text: 'Patient conscious, bleeding controlled.\nFamily on the way.' };
    },
  },
  'call:dispose': { build: () => ({ commandId: commandId(), callbackNumber: '082 555 0100', callerName: 'Pocket Dial', disposition: 'accidental', callStartedAt: Date.now() - 30_000 }) },
  'caller:history': { build: () => ({ callbackNumber: '+27 82 555 0147' }) },
  'hoax:registry': { build: () => ({ sinceDays: 30 }) },
  'dispatch:recommend': { build: async (fx) => ({ incidentId: (await fx.incident()).id }) },
  'dispatch:assign': { build: async (fx) => ({ commandId: commandId(), incidentId: (await fx.incident()).id, unitIds: [fx.spareUnit()] }) },
  'dispatch:release': {
    build: async (fx) => {
      const incident = await fx.incident();
      const unitId = fx.spareUnit();
      await fx.assign(incident.id, unitId);
      return { commandId: commandId(), incidentId: incident.id, unitId, reason: 'not_needed' };
    },
  },
  'coverage:read': { build: () => ({}) },
  'dispatch:divert': {
    build: async (fx) => {
      // [DV1] A unit on its way to a minor injury goes to an unconscious patient instead.
      const minor = await fx.incident('injured_person', { minor_only: 'yes' });
      const urgent = await fx.incident('injured_person', { conscious: 'no' });
      const unitId = fx.spareUnit();
      await fx.assign(minor.id, unitId);
      return { commandId: commandId(), unitId, fromIncidentId: minor.id, toIncidentId: urgent.id, reason: 'unconscious patient nearby' };
    },
  },
  'unit:status': {
    sender: 'own',
    build: async (fx, sender) => {
      const unitId = unitOf(fx, sender);
      return { commandId: commandId(), unitId, status: (await fx.unitStatus(unitId)) === 'out_of_service' ? 'available' : 'out_of_service' };
    },
  },
  'unit:position': { build: (fx, sender) => ({ commandId: commandId(), unitId: unitOf(fx, sender), position: [28.05, -26.19], fixAt: Date.now() }) },
  'units:positions': { build: (fx) => ({ commandId: commandId(), fixes: [{ unitId: fx.spareUnit(), position: [28.05, -26.19], fixAt: Date.now() }] }) },
  'unit:acknowledge': {
    sender: 'own',
    build: async (fx, sender) => {
      const unitId = unitOf(fx, sender);
      // A crew's vehicle another payload already committed (a note on its incident) acknowledges that assignment.
      if ((await fx.unitStatus(unitId)) === 'available') await fx.assign((await fx.incident()).id, unitId);
      return { commandId: commandId(), unitId };
    },
  },
  'route:unit': { build: (_fx, sender) => ({ unitId: sender.unitId ?? 'als-a03' }) },
  'route:hospitals': { build: (_fx, sender) => ({ unitId: sender.unitId ?? 'als-a03' }) },
  'care:services': { build: () => ({}) },
  'ticket:create': { build: () => ticketInput() },
  'ticket:link_caller': { build: async (fx) => ({ commandId: commandId(), ticketId: (await fx.ticket()).id, callerName: 'Neighbour', callbackNumber: '082 555 0312', note: 'same pipe' }) },
  'ticket:update': { build: async (fx) => ({ commandId: commandId(), ticketId: (await fx.ticket()).id, status: 'acknowledged', publicNote: 'A team is on its way.' }) },
  'ticket:callback': {
    build: async (fx) => {
      const ticket = await fx.ticket();
      return { commandId: commandId(), ticketId: ticket.id, callbackId: ticket.callbacks[0]?.id ?? 'cb1', outcome: 'made', note: 'told the caller' };
    },
  },
  'ticket:escalate': { build: async (fx) => ({ commandId: commandId(), ticketId: (await fx.ticket()).id, type: 'flood_rescue', reason: 'water flooding a house with people inside' }) },
  'ticket:get': { build: async (fx) => ({ reference: (await fx.ticket()).reference }) },
  'ticket:queue': { build: () => ({ department: 'joburg_water' }) },
  'ticket:duplicates': { build: () => ({ serviceCode: 'WATER-BURST', location: CBD }) },
  'ticket:public': { build: async (fx) => ({ reference: (await fx.ticket()).reference }) },
  'ticket:summary': { build: () => ({ closedDays: 7 }) },
  'open311:key_create': { build: (fx) => ({ name: fx.uniqueName('fx-app') }) },
  'open311:key_list': { build: () => ({}) },
  'open311:key_revoke': {
    build: async (fx) => {
      const name = fx.uniqueName('fx-app');
      dataOf((await sendHttp(fx.url, 'open311:key_create', { name }, await adminCookie(fx.url))).body);
      return { name };
    },
  },
  'fleet:add_unit': { build: () => ({ commandId: commandId(), unitId: `als-new-${commandId().toLowerCase()}`, callSign: 'ALS NEW', kind: 'als', baseId: 'hf-charlotte-maxeke-hospital' }) },
  'fleet:list': { build: () => ({}) },
  'clock:set': { allowedAnswer: 'clock_not_settable', build: () => ({ at: Date.now() }) },
  'report:intervals': { build: () => ({ from: '2026-01-01T00:00:00+02:00', to: '2026-01-08T00:00:00+02:00' }) },
  'report:utilisation': { build: () => ({ from: 0, to: 86_400_000 }) },
  'audit:search': { build: () => ({ limit: 5, refusalsOnly: false }) },
};
