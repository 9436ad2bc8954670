import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT, PROTOCOL_VERSION, type SocketCommandName } from '../../shared/protocol/contract.ts';
import type { PersonRole } from '../../shared/auth/roles.ts';
import { incidentInput, crewSession, CALL_TAKER, DISPATCHER } from '../support/builders.ts';
import { commandId, connectClient, handshakeAnswer, send, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/** For each socket command: payloads that must be refused with validation_failed. */
const BAD_PAYLOADS: Record<SocketCommandName, unknown[]> = {
  'session:get': [null, 'x', 42],
  'state:read': [null, [1, 2]],
  'users:list': [null],
  'users:create': [
    null,
    {},
    { username: 'a', displayName: 'A', role: 'call_taker', password: 'long enough password' },
    { username: 'newuser', displayName: 'A', role: 'wizard', password: 'long enough password' },
    { username: 'newuser', displayName: 'A', role: 'call_taker', password: 'short' },
    { username: 'newuser', displayName: 'A', role: 'dispatcher', desks: [], password: 'long enough password' },
    { username: 'newuser', displayName: 'A', role: 'call_taker', desks: ['ems'], password: 'long enough password' },
  ],
  'users:reset_password': [null, { userId: 'x', password: 'long enough password' }, { userId: 'u123456', password: 'short' }],
  'users:set_disabled': [null, { userId: 'u123456' }, { userId: 'u123456', isDisabled: 'yes' }],
  'crew:sign_on': [null, { commandId: commandId() }, { commandId: commandId(), unitId: 'ALS F03' }],
  'crew:sign_off': [null, {}, { commandId: 'x' }],
  'open311:key_create': [null, {}, { name: '' }, { name: 'a' }, { name: 'has spaces' }, { name: '-leading-dash' }, { name: 'x'.repeat(41) }, { name: 42 }],
  'open311:key_list': [null, 'x'],
  'fleet:list': [null, 'x', [1]],
  'open311:key_revoke': [null, {}, { name: 'no/slashes' }, { name: 'x'.repeat(41) }],
  'audit:search': [null, { limit: 0 }, { limit: 100_000 }, { from: -1 }, { username: 'x'.repeat(41) }],
  'incident:create': [
    null,
    'a string',
    {},
    { ...incidentInput(), type: 'alien_landing' },
    { ...incidentInput(), location: [28.04, -91] },
    { ...incidentInput(), location: [200, -26.2] },
    { ...incidentInput(), location: ['28', '-26'] },
    { ...incidentInput(), callbackNumber: 'call me' },
    { ...incidentInput(), callerName: 'x'.repeat(81) },
    { ...incidentInput(), callbackNumber: 'withheld!' },
    { ...incidentInput(), notes: 'x'.repeat(2001) },
    { ...incidentInput(), commandId: 'short' },
  ],
  'incident:close': [
    null,
    {},
    { commandId: commandId() },
    { commandId: commandId(), incidentId: '', disposition: 'transported' },
    { commandId: commandId(), incidentId: 'EC-x' },
    { commandId: commandId(), incidentId: 'EC-x', disposition: 'vanished' },
    { commandId: commandId(), incidentId: 'EC-x', disposition: 'transported', note: 'x'.repeat(501) },
  ],
  'incident:cancel': [null, { commandId: commandId(), incidentId: 'EC-x' }, { commandId: commandId(), incidentId: 'EC-x', reason: ' ' }],
  'incident:reopen': [null, { commandId: commandId(), incidentId: 'EC-x' }, { commandId: commandId(), incidentId: 'EC-x', reason: 'x'.repeat(501) }],
  'incident:update_type': [
    null,
    { commandId: commandId(), incidentId: 'EC-x', reason: 'no change given' },
    { commandId: commandId(), incidentId: 'EC-x', type: 'alien_landing', reason: 'bad type' },
    { commandId: commandId(), incidentId: 'EC-x', priority: 'zulu', reason: 'bad priority' },
    { commandId: commandId(), incidentId: 'EC-x', priority: 'echo' },
  ],
  'ticket:create': [
    null,
    { commandId: commandId(), serviceCode: 'water-burst', description: 'x' },
    { commandId: commandId(), serviceCode: 'WATER-BURST', description: '' },
    { commandId: commandId(), serviceCode: 'WATER-BURST', description: 'pipe', channel: 'carrier pigeon' },
    { commandId: commandId(), serviceCode: 'WATER-BURST', description: 'pipe', email: 'not an address' },
  ],
  'ticket:link_caller': [null, { commandId: commandId(), ticketId: '', callerName: '', callbackNumber: '' }, { commandId: commandId(), ticketId: 'CC-x', callbackNumber: 'call me maybe' }],
  'ticket:update': [
    null,
    { commandId: commandId(), ticketId: 'CC-x', status: 'fixed', publicNote: 'done' },
    { commandId: commandId(), ticketId: 'CC-x', status: 'closed_fixed' },
    { commandId: commandId(), ticketId: 'CC-x', status: 'closed_duplicate', publicNote: 'same as another' },
  ],
  'ticket:callback': [null, { commandId: commandId(), ticketId: 'CC-x', callbackId: 'cb1', outcome: 'maybe' }],
  'ticket:escalate': [null, { commandId: commandId(), ticketId: 'CC-x', type: 'not_a_type', reason: 'gas' }, { commandId: commandId(), ticketId: 'CC-x', type: 'gas_leak', reason: '' }],
  'ticket:get': [null, { reference: '' }],
  'ticket:queue': [null, { department: 'Joburg Water' }, { includeClosedDays: 90 }],
  'ticket:duplicates': [null, { serviceCode: 'WATER-BURST' }, { serviceCode: 'WATER-BURST', location: [200, 100] }],
  'ticket:summary': [null, { closedDays: 0 }, { closedDays: 91 }, { closedDays: 'a week' }],
  'dispatch:divert': [
    null,
    { commandId: commandId(), unitId: 'als-a01', fromIncidentId: 'EC-x', toIncidentId: 'EC-x', reason: 'same incident' },
    { commandId: commandId(), unitId: 'als-a01', fromIncidentId: 'EC-x', toIncidentId: 'EC-y', reason: '' },
    { commandId: commandId(), unitId: 'ALS A01', fromIncidentId: 'EC-x', toIncidentId: 'EC-y', reason: 'nearer' },
  ],
  'dispatch:release': [
    null,
    { commandId: commandId(), incidentId: 'EC-x', unitId: 'als-a01' },
    { commandId: commandId(), incidentId: 'EC-x', unitId: 'als-a01', reason: 'bored' },
    { commandId: commandId(), incidentId: 'EC-x', unitId: 'ALS A01', reason: 'not_needed' },
  ],
  'dispatch:recommend': [null, {}, { incidentId: 42 }],
  'coverage:read': [null, 'x', [1]],
  'dispatch:assign': [
    null,
    { commandId: commandId(), incidentId: 'EC-x' },
    { commandId: commandId(), incidentId: 'EC-x', unitIds: [] },
    { commandId: commandId(), incidentId: 'EC-x', unitIds: ['als-a01', 'als-a01'] },
    { commandId: commandId(), incidentId: 'EC-x', unitIds: ['ALS A01'] },
  ],
  'unit:status': [null, { commandId: commandId(), unitId: 'als-a01' }, { commandId: commandId(), unitId: 'als-a01', status: 'flying' }],
  'unit:position': [
    null,
    { commandId: commandId(), unitId: 'als-a01' },
    { commandId: commandId(), unitId: 'als-a01', position: [28.0, Number.NaN] },
    { commandId: commandId(), unitId: 'als-a01', position: [28.0] },
    { commandId: commandId(), unitId: 'als-a01', position: [28.0, -26.2], fixAt: -5 },
  ],
  'units:positions': [
    null,
    { commandId: commandId() },
    { commandId: commandId(), fixes: [] },
    { commandId: commandId(), fixes: 'als-a01' },
    { commandId: commandId(), fixes: [{ unitId: 'als-a01', position: [28.0, -26.2] }] },
    { commandId: commandId(), fixes: [{ unitId: 'als-a01', position: [28.0, Number.NaN], fixAt: Date.now() }] },
    { commandId: commandId(), fixes: [{ unitId: 'ALS A01', position: [28.0, -26.2], fixAt: Date.now() }] },
    { commandId: commandId(), fixes: [{ unitId: 'als-a01', position: [28.0, -26.2], fixAt: Date.now() }, { unitId: 'als-a01', position: [28.0], fixAt: Date.now() }] },
    { commandId: commandId(), fixes: Array.from({ length: 501 }, () => ({ unitId: 'als-a01', position: [28.0, -26.2], fixAt: Date.now() })) },
  ],
  'sync:since': [null, {}, { version: -1 }, { version: 'latest' }],
  'incident:get': [null, {}, { reference: '' }, { reference: 'x'.repeat(41) }, { reference: 'EC-261126' }, { reference: 'EC-261126-0001-0' }],
  'incident:eido': [null, {}, { incidentId: '' }, { incidentId: 'x'.repeat(41) }, { incidentId: 'EC-261126' }, { incidentId: 'EC-261126-0001-0' }, { incidentId: 42 }],
  'incident:duplicates': [null, {}, { location: [28, -26.2] }, { location: [28, -26.2], type: 'nope' }, { location: [999, 0], type: 'structure_fire' }],
  'incident:link_caller': [
    null,
    { commandId: commandId(), incidentId: 'EC-x', callerName: 'A', callbackNumber: 825550147 },
    { commandId: commandId(), incidentId: 'EC-x', callerName: 'x'.repeat(81), callbackNumber: '0825550147' },
    { commandId: commandId(), incidentId: 'EC-x', callerName: 'A', callbackNumber: 'none' },
  ],
  'incident:add_note': [
    null,
    { commandId: commandId(), text: 'no incident named' },
    { commandId: commandId(), incidentId: 'EC-x', text: '   \n  ' },
    { commandId: commandId(), incidentId: 'EC-x', text: 'x'.repeat(1001) },
    { commandId: commandId(), incidentId: 'EC-x', text: 'a tab\there' },
    { commandId: commandId(), incidentId: 'EC-x', text: 'an escape \u001b[31m' },
  ],
  'call:dispose': [
    null,
    { commandId: commandId(), callbackNumber: '0825550147' },
    { commandId: commandId(), callbackNumber: '0825550147', disposition: 'rude' },
    { commandId: commandId(), callbackNumber: 'x', disposition: 'hoax' },
  ],
  'caller:history': [null, {}, { callbackNumber: '' }, { callbackNumber: 'abc' }],
  'hoax:registry': [null, { sinceDays: 0 }, { sinceDays: 'all' }],
  'fleet:add_unit': [null, {}, { commandId: commandId(), unitId: 'ALS 1', callSign: 'x', kind: 'als', baseId: 'hf-charlotte-maxeke-hospital' }, { commandId: commandId(), unitId: 'als-x1', callSign: '', kind: 'als', baseId: 'b' }, { commandId: commandId(), unitId: 'als-x1', callSign: 'X', kind: 'tank', baseId: 'b' }, { commandId: commandId(), unitId: 'als-x1', callSign: 'X', kind: 'als', baseId: 'no-such-base' }],
  'clock:set': [null, {}, { at: -1 }, { at: 'now' }, { at: 1.5 }],
  'report:intervals': [null, {}, { from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' }, { from: '2026-01-01', to: '2026-01-02' }, { from: 0, to: 500 * 86_400_000 }, { from: -5, to: 10 }],
  'report:utilisation': [null, { from: 'yesterday', to: 'today' }, { from: 10, to: 10 }],
  'unit:acknowledge': [null, {}, { commandId: commandId() }, { commandId: commandId(), unitId: 'ALS 1' }],
  'route:unit': [null, {}, { unitId: '' }],
  'route:hospitals': [null, {}, { unitId: 42 }],
};

describe('[CM4] bad input on every command gets a coded error and changes nothing', () => {
  let app: TestServer;
  let dispatcher: TestClient;
  let crew: TestClient;
  let supervisor: TestClient;
  let admin: TestClient;
  let callTaker: TestClient;
  let gateway: TestClient;

  beforeAll(async () => {
    app = await startTestServer();
    dispatcher = await connectClient(app.url, DISPATCHER);
    supervisor = await connectClient(app.url, { role: 'supervisor', operatorId: 'sup-1' });
    crew = await connectClient(app.url, crewSession('als-a01'));
    admin = await connectClient(app.url, { role: 'administrator', operatorId: 'admin-1' });
    callTaker = await connectClient(app.url, CALL_TAKER);
    gateway = await connectClient(app.url, { role: 'avl_gateway', operatorId: 'avl-gateway-1' });
  });
  afterAll(async () => {
    for (const client of [dispatcher, crew, supervisor, admin, callTaker, gateway]) client.close();
    await app.close();
  });

  /** A sender whose role may send the command, so that the refusal is about the payload. */
  function senderFor(command: SocketCommandName): TestClient {
    const roles: readonly string[] = CONTRACT[command].roles;
    const byRole: [PersonRole, TestClient][] = [['dispatcher', dispatcher], ['supervisor', supervisor], ['crew', crew], ['administrator', admin], ['call_taker', callTaker], ['avl_gateway', gateway]];
    const found = byRole.find(([role]) => roles.includes(role));
    if (!found) throw new Error(`no test sender may send ${command}`);
    return found[1];
  }

  async function storeFingerprint(): Promise<string> {
    const { redis, keys } = app.server.ctx;
    const [version, journal, open, unit, hoax, keyCount] = await Promise.all([
      redis.get(keys.version), redis.xlen(keys.journal), redis.zcard(keys.openIncidents), redis.hgetall(keys.unit('als-a01')),
      redis.scard(keys.hoaxNumbers), redis.keys('*'),
    ]);
    // A stored refusal under its command id is the command's first answer, not a change of state; the
    // audit record and the rate-limit counters grow with every request, refused or not.
    const stateKeys = keyCount.filter((key) => !/:(cmd|cmdfp|audit|ratelimit)[:-]|:audit$/.test(key)).sort();
    return JSON.stringify({ version, journal, open, unit, hoax, stateKeys });
  }

  for (const [command, payloads] of Object.entries(BAD_PAYLOADS)) {
    it(`[CM4] ${command}: ${payloads.length} bad payloads answer validation_failed`, async () => {
      const before = await storeFingerprint();
      const name = command as SocketCommandName;
      const sender = senderFor(name);
      for (const payload of payloads) {
        const answer = await send(sender.socket, name, payload);
        expect(answer.ok, JSON.stringify(payload)?.slice(0, 80)).toBe(false);
        if (answer.ok) continue;
        expect(answer.error.code).toBe('validation_failed');
        expect(answer.error.message.length).toBeGreaterThan(0);
        expect(answer.error.issues?.length).toBeGreaterThan(0);
      }
      expect(await storeFingerprint()).toBe(before);
    });
  }

  it('[CM4] a unit that does not exist, an incident that does not exist: coded, nothing changed', async () => {
    const before = await storeFingerprint();
    const noIncident = await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: 'EC-000000-0000-0', unitIds: ['als-a01'] });
    expect(noIncident.ok ? 'ok' : noIncident.error.code).toBe('incident_not_found');
    const created = await send(dispatcher.socket, 'incident:create', incidentInput());
    if (!created.ok) throw new Error(created.error.message);
    const middle = await storeFingerprint();
    const noUnit = await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created.data.id, unitIds: ['als-a01', 'zzz-99'] });
    expect(noUnit.ok ? 'ok' : noUnit.error.code).toBe('unit_not_found');
    expect(await storeFingerprint()).toBe(middle);
    const noUnitStatus = await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId: 'zzz-99', status: 'en_route' });
    expect(noUnitStatus.ok ? 'ok' : noUnitStatus.error.code).toBe('unit_not_found');
    expect(before).not.toBe(middle);
  });

  it('[CM5] a position from the future is refused; an older fix than the stored one is ignored', async () => {
    const now = Date.now();
    const future = await send(crew.socket, 'unit:position', { commandId: commandId(), unitId: 'als-a01', position: [28.0, -26.2], fixAt: now + 3_600_000 });
    expect(future.ok ? 'ok' : future.error.code).toBe('validation_failed');
    const fresh = await send(crew.socket, 'unit:position', { commandId: commandId(), unitId: 'als-a01', position: [28.01, -26.21], fixAt: now });
    expect(fresh.ok && fresh.data.isAccepted).toBe(true);
    const stale = await send(crew.socket, 'unit:position', { commandId: commandId(), unitId: 'als-a01', position: [27.9, -26.3], fixAt: now - 60_000 });
    expect(stale.ok && stale.data.isAccepted).toBe(false);
    const stored = await app.server.ctx.redis.hmget(app.server.ctx.keys.unit('als-a01'), 'lng', 'lat');
    expect(stored).toEqual(['28.01', '-26.21']);
  });
});

describe('[AU1] the policy table decides who may send what', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer();
  });
  afterAll(async () => {
    await app.close();
  });

  it('[AU1] a call-taker may not assign; a supervisor may not create', async () => {
    const callTaker = await connectClient(app.url, CALL_TAKER);
    const supervisor = await connectClient(app.url, { role: 'supervisor', operatorId: 'sup-1' });
    const created = await send(callTaker.socket, 'incident:create', incidentInput());
    if (!created.ok) throw new Error(created.error.message);
    const assign = await send(callTaker.socket, 'dispatch:assign', { commandId: commandId(), incidentId: created.data.id, unitIds: ['als-a01'] });
    expect(assign.ok ? 'ok' : assign.error.code).toBe('forbidden');
    const create = await send(supervisor.socket, 'incident:create', incidentInput());
    expect(create.ok ? 'ok' : create.error.code).toBe('forbidden');
    expect(await app.server.ctx.redis.hget(app.server.ctx.keys.unit('als-a01'), 'status')).toBe('available');
    callTaker.close();
    supervisor.close();
  });

  it('[AU2] a crew may act only on its own unit', async () => {
    const crew = await connectClient(app.url, crewSession('bls-a01'));
    const other = await send(crew.socket, 'unit:status', { commandId: commandId(), unitId: 'bls-a02', status: 'out_of_service' });
    expect(other.ok ? 'ok' : other.error.code).toBe('forbidden');
    const own = await send(crew.socket, 'unit:status', { commandId: commandId(), unitId: 'bls-a01', status: 'out_of_service' });
    expect(own.ok).toBe(true);
    expect(crew.snapshot.units.map((u) => u.id)).toEqual(['bls-a01']);
    crew.close();
  });

  it('[AU3] a socket that declares its own role, or has no session, is refused at the handshake', async () => {
    const refusalOf = (auth: Record<string, unknown>): Promise<string> => handshakeAnswer(app.url, auth);
    expect(await refusalOf({ protocolVersion: PROTOCOL_VERSION, role: 'supervisor', operatorId: 'x' })).toBe('unauthenticated');
    expect(await refusalOf({ protocolVersion: PROTOCOL_VERSION, token: 'not-a-token' })).toBe('unauthenticated');
    expect(await refusalOf({ protocolVersion: PROTOCOL_VERSION - 1 })).toBe('protocol_outdated');
  });
});
