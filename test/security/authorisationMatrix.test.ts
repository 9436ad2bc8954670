import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_STATUS } from '../../server/http/httpStatus.ts';
import { PERSON_ROLES, type PersonRole } from '../../shared/auth/roles.ts';
import type { SessionInfo } from '../../shared/auth/userSchema.ts';
import type { ErrorCode } from '../../shared/errors/errorCodes.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import { COMMAND_NAMES, CONTRACT, isCommandAllowed, type CommandName } from '../../shared/protocol/contract.ts';
import { incidentInput } from '../support/builders.ts';
import { commandId, connectClient, connectWithCookie, ticksCover, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { adminCookie, sessionCookie, TEST_PASSWORD, type TestIdentity } from '../support/testSession.ts';
import { dataOf, outcomeOf, sendEvent, sendHttp, sendRaw } from './contractRequest.ts';
import { createPayloadFixture, CREW_UNIT, type PayloadFixture } from './payloadFixture.ts';
import { disconnected, handshakeOutcome, sessionEnded } from './socketProbe.ts';
import { VALID_PAYLOADS } from './validPayloads.ts';

/** The users the matrix sends as; a dispatcher at the combined desk and a crew signed on to its vehicle. */
const SHARED: Record<PersonRole, TestIdentity> = {
  call_taker: { role: 'call_taker', operatorId: 'mx-call-taker' },
  dispatcher: { role: 'dispatcher', operatorId: 'mx-dispatcher' },
  crew: { role: 'crew', operatorId: 'mx-crew', unitId: CREW_UNIT },
  supervisor: { role: 'supervisor', operatorId: 'mx-supervisor' },
  administrator: { role: 'administrator', operatorId: 'mx-admin' },
  care_agent: { role: 'care_agent', operatorId: 'mx-care-agent' },
  department_officer: { role: 'department_officer', operatorId: 'mx-water-officer', department: 'joburg_water' },
  avl_gateway: { role: 'avl_gateway', operatorId: 'mx-avl-gateway' },
};
const EMS_DESK: TestIdentity = { role: 'dispatcher', operatorId: 'ems-desk', agency: 'ems' };
const CREW_OFF_VEHICLE: TestIdentity = { role: 'crew', operatorId: 'mx-crew-off' };

type Transport = 'socket' | 'http';

/** The server's clock runs `offsetMs` ahead of the machine's while a test needs time to have passed. */
const clock = { offsetMs: 0 };

describe('[AU1][AU2] who may send what: the authorisation matrix, generated from the contract', () => {
  let app: TestServer;
  let fx: PayloadFixture;
  const sockets = new Map<PersonRole, TestClient>();
  const otherPayloads = new Map<CommandName, Promise<Record<string, unknown>>>();

  beforeAll(async () => {
    app = await startTestServer({ now: () => Date.now() + clock.offsetMs, withArchive: true });
    fx = createPayloadFixture(app.url);
    for (const role of PERSON_ROLES) sockets.set(role, await connectClient(app.url, SHARED[role]));
  }, 120_000);
  afterAll(async () => {
    for (const client of sockets.values()) client.close();
    await app.close();
  });

  const socketOf = (role: PersonRole): TestClient => {
    const client = sockets.get(role);
    if (!client) throw new Error(`no socket for ${role}`);
    return client;
  };

  /** A valid payload for senders the rule refuses (built once per command; a refused command changes nothing). */
  const otherPayload = (name: CommandName): Promise<Record<string, unknown>> => {
    let known = otherPayloads.get(name);
    if (!known) {
      known = Promise.resolve(VALID_PAYLOADS[name].build(fx, SHARED.call_taker));
      otherPayloads.set(name, known);
    }
    return known;
  };

  /** What `role` gets for `name` with a valid payload over `transport`: `ok` or the error code. */
  async function outcomeFor(name: CommandName, role: PersonRole, transport: Transport): Promise<string> {
    const entry = VALID_PAYLOADS[name];
    const isAllowed = isCommandAllowed(name, role);
    const isRun = transport === 'http' || CONTRACT[name].onSocket;
    const identity = isAllowed && isRun && entry.sender ? fx.ownIdentity(role, entry.sender === 'own_off_vehicle') : SHARED[role];
    const cookie = await sessionCookie(app.url, identity);
    const payload = isAllowed && isRun ? await entry.build(fx, identity) : await otherPayload(name);
    if (transport === 'http') {
      const answer = await sendHttp(app.url, name, payload, cookie);
      const outcome = outcomeOf(answer.body);
      expect(answer.status, `${name} as ${role} over HTTP answered ${outcome}`).toBe(outcome === 'ok' ? 200 : HTTP_STATUS[outcome as ErrorCode]);
      return outcome;
    }
    const client = identity === SHARED[role] ? socketOf(role) : await connectWithCookie(app.url, cookie);
    try {
      return outcomeOf(await sendEvent(client.socket, name, payload));
    } finally {
      if (client !== socketOf(role)) client.close();
    }
  }

  it('[AU1] every contract command has a valid payload in the table', () => {
    expect(Object.keys(VALID_PAYLOADS).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  for (const name of COMMAND_NAMES) {
    const spec = CONTRACT[name];
    const allowed = spec.isPublic ? 'anyone' : PERSON_ROLES.filter((role) => isCommandAllowed(name, role)).join(', ');

    it(`[AU1] ${name} over HTTP: ${allowed} succeed, every other role is forbidden, no session is unauthenticated`, async () => {
      const expected: Record<string, string> = {};
      const got: Record<string, string> = {};
      for (const role of PERSON_ROLES) {
        expected[role] = isCommandAllowed(name, role) ? (VALID_PAYLOADS[name].allowedAnswer ?? 'ok') : 'forbidden';
        got[role] = await outcomeFor(name, role, 'http');
      }
      const anonymous = await sendHttp(app.url, name, spec.isPublic ? await VALID_PAYLOADS[name].build(fx, SHARED.call_taker) : await otherPayload(name));
      expected.none = spec.isPublic ? 'ok' : 'unauthenticated';
      got.none = outcomeOf(anonymous.body);
      expect(anonymous.status).toBe(spec.isPublic ? 200 : 401);
      expect(got).toEqual(expected);
    });

    it(`[AU1] ${name} over the socket: ${spec.onSocket ? `${allowed} succeed, every other role is forbidden` : 'not a socket event: unknown_command'}`, async () => {
      const expected: Record<string, string> = {};
      const got: Record<string, string> = {};
      for (const role of PERSON_ROLES) {
        expected[role] = !spec.onSocket ? 'unknown_command' : isCommandAllowed(name, role) ? (VALID_PAYLOADS[name].allowedAnswer ?? 'ok') : 'forbidden';
        got[role] = await outcomeFor(name, role, 'socket');
      }
      expect(got).toEqual(expected);
    });
  }

  it('[AU3] a socket without a session is refused at the handshake with `unauthenticated`', async () => {
    expect(await handshakeOutcome(app.url)).toBe('unauthenticated');
    expect(await handshakeOutcome(app.url, 'cad_session=')).toBe('unauthenticated');
    expect(await handshakeOutcome(app.url, 'cad_session=not-a-token')).toBe('unauthenticated');
  });

  describe('[AU2] a crew acts only on its own vehicle', () => {
    const attempts = (unitId: string): [CommandName, Record<string, unknown>][] => [
      ['unit:status', { commandId: commandId(), unitId, status: 'out_of_service' }],
      ['unit:position', { commandId: commandId(), unitId, position: [28.05, -26.2], fixAt: Date.now() }],
      ['unit:acknowledge', { commandId: commandId(), unitId }],
      ['route:unit', { unitId }],
    ];

    it('[AU2] a crew acting on another vehicle is forbidden, over the socket and HTTP, and the vehicle is untouched', async () => {
      const crew = socketOf('crew');
      const cookie = await sessionCookie(app.url, SHARED.crew);
      const before = await fx.unitStatus('als-a02');
      for (const [name, payload] of attempts('als-a02')) {
        expect(outcomeOf(await sendEvent(crew.socket, name, payload)), `${name} over the socket`).toBe('forbidden');
        const answer = await sendHttp(app.url, name, { ...payload, commandId: commandId() }, cookie);
        expect(outcomeOf(answer.body), `${name} over HTTP`).toBe('forbidden');
        expect(answer.status).toBe(403);
      }
      expect(await fx.unitStatus('als-a02')).toBe(before);
    });

    it('[AU2] a crew that has not signed on to a vehicle gets not_signed_on', async () => {
      const offVehicle = await connectClient(app.url, CREW_OFF_VEHICLE);
      try {
        const cookie = await sessionCookie(app.url, CREW_OFF_VEHICLE);
        for (const [name, payload] of attempts('als-a02')) {
          expect(outcomeOf(await sendEvent(offVehicle.socket, name, payload)), `${name} over the socket`).toBe('not_signed_on');
          expect(outcomeOf((await sendHttp(app.url, name, { ...payload, commandId: commandId() }, cookie)).body), `${name} over HTTP`).toBe('not_signed_on');
        }
        expect(outcomeOf(await sendEvent(offVehicle.socket, 'crew:sign_off', { commandId: commandId() }))).toBe('not_signed_on');
      } finally {
        offVehicle.close();
      }
    });
  });

  describe('[DK3][AU7] an agency desk acts on its own units and sees its own incidents', () => {
    let ems: TestClient;
    let emsCookie: string;
    beforeAll(async () => {
      ems = await connectClient(app.url, EMS_DESK);
      emsCookie = await sessionCookie(app.url, EMS_DESK);
    });
    afterAll(() => ems.close());

    it('[DK3] the EMS desk assigning a fire engine is forbidden, even to an incident that goes to EMS', async () => {
      const incident = await fx.incident('road_accident_entrapment');
      expect(incident.agencies).toContain('ems');
      const payload = { commandId: commandId(), incidentId: incident.id, unitIds: ['eng-a01'] };
      expect(outcomeOf(await sendEvent(ems.socket, 'dispatch:assign', payload))).toBe('forbidden');
      expect(outcomeOf((await sendHttp(app.url, 'dispatch:assign', { ...payload, commandId: commandId() }, emsCookie)).body)).toBe('forbidden');
      expect(await fx.unitStatus('eng-a01')).toBe('available');
    });

    it("[DK3] the EMS desk setting a Metro Police unit's status is forbidden", async () => {
      const payload = { commandId: commandId(), unitId: 'jmpd-a01', status: 'out_of_service' };
      expect(outcomeOf(await sendEvent(ems.socket, 'unit:status', payload))).toBe('forbidden');
      expect(outcomeOf((await sendHttp(app.url, 'unit:status', { ...payload, commandId: commandId() }, emsCookie)).body)).toBe('forbidden');
      expect(await fx.unitStatus('jmpd-a01')).toBe('available');
    });

    it('[AU7] the EMS desk reading or acting on a police-only incident is forbidden', async () => {
      const theft = await fx.incident('theft');
      expect(theft.agencies).toEqual(['metro_police']);
      expect(outcomeOf(await sendEvent(ems.socket, 'incident:get', { reference: theft.reference }))).toBe('forbidden');
      expect(outcomeOf((await sendHttp(app.url, 'incident:get', { reference: theft.reference }, emsCookie)).body)).toBe('forbidden');
      expect(outcomeOf(await sendEvent(ems.socket, 'dispatch:recommend', { incidentId: theft.id }))).toBe('forbidden');
      expect(outcomeOf(await sendEvent(ems.socket, 'incident:close', { commandId: commandId(), incidentId: theft.id, disposition: 'false_alarm' }))).toBe('forbidden');
      expect(outcomeOf(await sendEvent(ems.socket, 'incident:link_caller', { commandId: commandId(), incidentId: theft.id, callerName: 'Nosy', callbackNumber: '0825550111' }))).toBe('forbidden');
    });

    it('[RT1] a made-up event asking to join the consoles room gets unknown_command and no other desk’s deltas follow', async () => {
      expect(await sendEvent(ems.socket, 'join', 'consoles')).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
      const callTaker = socketOf('call_taker');
      const created = await sendEvent(callTaker.socket, 'incident:create', incidentInput({ type: 'theft' }));
      const theft = dataOf<Incident>(created);
      const delta = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the call-taker never saw its incident')), 10_000);
        const look = (): void => {
          const found = callTaker.deltas.find((d) => d.incidents.some((i) => i.id === theft.id));
          if (found) {
            clearTimeout(timer);
            resolve(found.version);
          } else setTimeout(look, 10);
        };
        look();
      });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the EMS desk got no version tick for ${delta}`)), 10_000);
        const look = (): void => {
          if (ticksCover(ems.ticks, delta)) {
            clearTimeout(timer);
            resolve();
          } else setTimeout(look, 10);
        };
        look();
      });
      expect(ems.deltas.some((d) => d.incidents.some((i) => i.id === theft.id))).toBe(false);
      // Nor can the desk read it back through the journal or the board.
      const missed = dataOf<{ kind: string; deltas?: { incidents: { id: string }[] }[] }>(await sendEvent(ems.socket, 'sync:since', { version: delta - 1 }));
      expect(missed.kind).toBe('deltas');
      expect((missed.deltas ?? []).some((d) => d.incidents.some((i) => i.id === theft.id))).toBe(false);
      const board = dataOf<{ incidents: { id: string }[] }>(await sendEvent(ems.socket, 'state:read', {}));
      expect(board.incidents.some((i) => i.id === theft.id)).toBe(false);
    });
  });

  describe('[AU4][AU6] tokens that are not a live session are unauthenticated', () => {
    const tokenOf = (cookie: string): string => cookie.slice(cookie.indexOf('=') + 1);

    async function sessionOf(cookie: string): Promise<SessionInfo['session']> {
      return dataOf<SessionInfo>((await sendHttp(app.url, 'session:get', {}, cookie)).body).session;
    }

    async function expectUnauthenticated(cookie: string, why: string): Promise<void> {
      const answer = await sendHttp(app.url, 'session:get', {}, cookie);
      expect(answer.status, why).toBe(401);
      expect(outcomeOf(answer.body), why).toBe('unauthenticated');
      const bearer = await sendRaw(app.url, '/api/state', { headers: { authorization: `Bearer ${tokenOf(cookie)}` } });
      expect(bearer.status, `${why} (bearer)`).toBe(401);
      expect(await handshakeOutcome(app.url, cookie), `${why} (socket)`).toBe('unauthenticated');
    }

    it('[AU4] a token with one character of its payload changed is unauthenticated', async () => {
      const cookie = await sessionCookie(app.url, { role: 'call_taker', operatorId: 'tok-tampered' });
      const [header = '', payload = '', signature = ''] = tokenOf(cookie).split('.');
      const at = Math.floor(payload.length / 2);
      const tampered = `${payload.slice(0, at)}${payload[at] === 'A' ? 'B' : 'A'}${payload.slice(at + 1)}`;
      await expectUnauthenticated(`cad_session=${header}.${tampered}.${signature}`, 'tampered payload');
      expect(outcomeOf((await sendHttp(app.url, 'session:get', {}, cookie)).body)).toBe('ok');
    });

    it('[AU4] a token signed with another secret, or not signed at all, is unauthenticated', async () => {
      const session = await sessionOf(await sessionCookie(app.url, { role: 'supervisor', operatorId: 'tok-forged' }));
      const claims = { sid: session.sessionId, iam: Date.now() };
      const forged = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(session.userId)
        .setIssuer('emergency-connect-cad')
        .setAudience('emergency-connect-console')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('a secret that is not the server secret, 32+ bytes'));
      await expectUnauthenticated(`cad_session=${forged}`, 'another secret');
      const unsigned = new UnsecuredJWT(claims).setSubject(session.userId).setIssuer('emergency-connect-cad').setAudience('emergency-connect-console').setIssuedAt().setExpirationTime('1h').encode();
      await expectUnauthenticated(`cad_session=${unsigned}`, 'alg none');
    });

    it('[AU4] an expired token is unauthenticated, and an open socket is told its session ended', async () => {
      const cookie = await sessionCookie(app.url, { role: 'call_taker', operatorId: 'tok-expired' });
      const client = await connectWithCookie(app.url, cookie);
      try {
        clock.offsetMs = app.server.ctx.settings.sessionMinutes * 60_000 + 60_000;
        await expectUnauthenticated(cookie, 'expired');
        const ended = sessionEnded(client.socket);
        const gone = disconnected(client.socket);
        expect(outcomeOf(await sendEvent(client.socket, 'session:get', {}))).toBe('unauthenticated');
        expect(await ended).toEqual({ reason: 'expired' });
        await gone;
      } finally {
        clock.offsetMs = 0;
        client.close();
      }
    });

    it('[AU4] a console that renews its session over HTTP keeps its open socket past the first token’s expiry', async () => {
      const lifeMs = app.server.ctx.settings.sessionMinutes * 60_000;
      const first = await sessionCookie(app.url, { role: 'dispatcher', operatorId: 'tok-renewed' });
      const client = await connectWithCookie(app.url, first);
      try {
        clock.offsetMs = Math.round(lifeMs * 0.6);
        const renewal = await sendHttp(app.url, 'session:get', {}, first);
        const renewed = renewal.headers.getSetCookie().find((c) => c.startsWith('cad_session='))?.split(';')[0];
        expect(renewed, 'past half its life, session:get renews the cookie').toBeDefined();
        clock.offsetMs = lifeMs + 60_000;
        expect(outcomeOf((await sendHttp(app.url, 'session:get', {}, renewed)).body), 'the renewed cookie is good').toBe('ok');
        expect(outcomeOf(await sendEvent(client.socket, 'session:get', {})), 'the open socket of the renewed session').toBe('ok');
      } finally {
        clock.offsetMs = 0;
        client.close();
      }
    });

    it('[AU6] a signed-out token is unauthenticated over HTTP and the socket, and its open socket is dropped', async () => {
      const cookie = await sessionCookie(app.url, { role: 'dispatcher', operatorId: 'tok-revoked' });
      const client = await connectWithCookie(app.url, cookie);
      try {
        const ended = sessionEnded(client.socket);
        const gone = disconnected(client.socket);
        const signedOut = await sendHttp(app.url, 'session:sign_out', {}, cookie);
        expect(signedOut.body).toEqual({ ok: true, data: { signedOut: true } });
        expect(await ended).toEqual({ reason: 'signed_out' });
        await gone;
        await expectUnauthenticated(cookie, 'revoked');
      } finally {
        client.close();
      }
    });

    it("[AU6] a disabled user's open socket is told `disabled` and dropped, and their cookie no longer works", async () => {
      const identity: TestIdentity = { role: 'call_taker', operatorId: 'tok-disabled' };
      const cookie = await sessionCookie(app.url, identity);
      const { userId } = await sessionOf(cookie);
      const client = await connectWithCookie(app.url, cookie);
      try {
        const ended = sessionEnded(client.socket);
        const gone = disconnected(client.socket);
        const answer = await sendHttp(app.url, 'users:set_disabled', { userId, isDisabled: true }, await adminCookie(app.url));
        expect(outcomeOf(answer.body)).toBe('ok');
        expect(await ended).toEqual({ reason: 'disabled' });
        await gone;
        await expectUnauthenticated(cookie, 'disabled');
        const again = await sendRaw(app.url, '/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: identity.operatorId, password: TEST_PASSWORD }) });
        expect([again.status, outcomeOf(again.body)]).toEqual([401, 'sign_in_failed']);
      } finally {
        client.close();
      }
    });
  });
});
