import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/auth/demoUsers.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import { CLOCK_SKEW_ALLOWANCE_MS } from '../../shared/protocol/contract.ts';
import { incidentInput } from '../support/builders.ts';
import { commandId, connectClient, type TestClient } from '../support/testClient.ts';
import { startTestServer, TEST_RATE_LIMITS, type TestServer } from '../support/testServer.ts';
import { sessionCookie, TEST_PASSWORD, type TestIdentity } from '../support/testSession.ts';
import { resultShapeProblem } from './answerShape.ts';
import { dataOf, outcomeOf, sendEvent, sendHttp, sendRaw, type HttpAnswer } from './contractRequest.ts';
import { csvRows, formulaCells } from './csvRows.ts';

const CALL_TAKER: TestIdentity = { role: 'call_taker', operatorId: 'hd-call-taker' };
const SUPERVISOR: TestIdentity = { role: 'supervisor', operatorId: 'hd-supervisor' };
const CREW: TestIdentity = { role: 'crew', operatorId: 'hd-crew', unitId: 'als-a02' };

/** The error of a refused answer. */
function errorOf(answer: unknown): { code: string; message: string; issues?: { path: string; message: string }[] } {
  if (typeof answer === 'object' && answer !== null && 'ok' in answer && answer.ok === false && 'error' in answer) return answer.error as ReturnType<typeof errorOf>;
  throw new Error(`expected a refusal, got ${JSON.stringify(answer)?.slice(0, 300)}`);
}

describe('[HI2][HI3][CM1][CM5][CM7] hardening of the command path', () => {
  let app: TestServer;
  let callTaker: TestClient;
  let supervisor: TestClient;
  let crew: TestClient;
  let callTakerCookie: string;
  let supervisorCookie: string;
  let crewCookie: string;

  beforeAll(async () => {
    app = await startTestServer();
    callTaker = await connectClient(app.url, CALL_TAKER);
    supervisor = await connectClient(app.url, SUPERVISOR);
    crew = await connectClient(app.url, CREW);
    [callTakerCookie, supervisorCookie, crewCookie] = await Promise.all([sessionCookie(app.url, CALL_TAKER), sessionCookie(app.url, SUPERVISOR), sessionCookie(app.url, CREW)]);
  }, 120_000);
  afterAll(async () => {
    for (const client of [callTaker, supervisor, crew]) client.close();
    await app.close();
  });

  it('[RT5] sync:since a version ahead of the server answers version_ahead', async () => {
    expect(outcomeOf(await sendEvent(supervisor.socket, 'sync:since', { version: 1e12 }))).toBe('version_ahead');
    const answer = await sendHttp(app.url, 'sync:since', { version: 1e12 }, supervisorCookie);
    expect([answer.status, outcomeOf(answer.body)]).toEqual([409, 'version_ahead']);
  });

  describe('[CM1] a command id is bound to its first payload', () => {
    it('[CM1] over the socket: a resend gets the first answer; the id with another payload is command_id_reused', async () => {
      const payload = incidentInput({ notes: 'first payload' });
      const first = dataOf<Incident>(await sendEvent(callTaker.socket, 'incident:create', payload));
      const resent = dataOf<Incident>(await sendEvent(callTaker.socket, 'incident:create', payload));
      expect(resent.id).toBe(first.id);
      const changed = await sendEvent(callTaker.socket, 'incident:create', { ...payload, notes: 'another payload' });
      expect(errorOf(changed).code).toBe('command_id_reused');
      const otherCommand = await sendEvent(callTaker.socket, 'call:dispose', { commandId: payload.commandId, callbackNumber: '0825550123', disposition: 'test' });
      expect(errorOf(otherCommand).code).toBe('command_id_reused');
      // The same payload over HTTP is the same command: the first answer again.
      expect(dataOf<Incident>((await sendHttp(app.url, 'incident:create', payload, callTakerCookie)).body).id).toBe(first.id);
    });

    it('[CM1] over HTTP: a resend gets the first answer; the id with another payload is command_id_reused (409)', async () => {
      const payload = incidentInput({ notes: 'http payload' });
      const first = await sendHttp(app.url, 'incident:create', payload, callTakerCookie);
      const resent = await sendHttp(app.url, 'incident:create', payload, callTakerCookie);
      expect(resent.body).toEqual(first.body);
      const changed = await sendHttp(app.url, 'incident:create', { ...payload, callerName: 'Someone Else' }, callTakerCookie);
      expect([changed.status, outcomeOf(changed.body)]).toEqual([409, 'command_id_reused']);
      // The refusal did not replace the first answer.
      expect((await sendHttp(app.url, 'incident:create', payload, callTakerCookie)).body).toEqual(first.body);
    });
  });

  it('[CM7] an unknown socket event gets unknown_command on its ack, or command:unknown without one', async () => {
    expect(await sendEvent(callTaker.socket, 'incident:delete_everything', { all: true })).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    const notice = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no command:unknown')), 10_000);
      callTaker.socket.once('command:unknown', (n) => {
        clearTimeout(timer);
        resolve(n);
      });
    });
    (callTaker.socket as unknown as { emit(event: string, payload: unknown): void }).emit('admin:shell', 'rm -rf /');
    expect(await notice).toMatchObject({ event: 'admin:shell', error: { code: 'unknown_command' } });
  });

  describe('[CM5] client times may not lie in the future beyond the clock-skew allowance', () => {
    it('[CM5] incident:create with callStartedAt an hour ahead is validation_failed on callStartedAt', async () => {
      expect(CLOCK_SKEW_ALLOWANCE_MS).toBe(10_000);
      const ahead = incidentInput({ callStartedAt: Date.now() + 3_600_000 });
      for (const answer of [await sendEvent(callTaker.socket, 'incident:create', ahead), (await sendHttp(app.url, 'incident:create', { ...ahead, commandId: commandId() }, callTakerCookie)).body]) {
        const error = errorOf(answer);
        expect(error.code).toBe('validation_failed');
        expect(error.issues?.map((issue) => issue.path)).toEqual(['callStartedAt']);
      }
      expect(outcomeOf(await sendEvent(callTaker.socket, 'incident:create', incidentInput({ callStartedAt: Date.now() + 5_000 })))).toBe('ok');
    });

    it('[CM5] unit:position with fixAt 59 s ahead is validation_failed; 5 s ahead is accepted', async () => {
      const fix = (aheadMs: number): Record<string, unknown> => ({ commandId: commandId(), unitId: 'als-a02', position: [28.04, -26.2], fixAt: Date.now() + aheadMs });
      const overSocket = errorOf(await sendEvent(crew.socket, 'unit:position', fix(59_000)));
      expect([overSocket.code, overSocket.issues?.[0]?.path]).toEqual(['validation_failed', 'fixAt']);
      const overHttp = await sendHttp(app.url, 'unit:position', fix(59_000), crewCookie);
      expect([overHttp.status, errorOf(overHttp.body).issues?.[0]?.path]).toEqual([400, 'fixAt']);
      expect(dataOf<{ isAccepted: boolean }>(await sendEvent(crew.socket, 'unit:position', fix(5_000))).isAccepted).toBe(true);
      expect(outcomeOf((await sendHttp(app.url, 'unit:position', fix(5_000), crewCookie)).body)).toBe('ok');
    });
  });

  describe('[HI3] CSV exports escape cells a spreadsheet would run', () => {
    it('[HI3] the hoax registry CSV prefixes caller names and notes starting with =, +, - or @ with a quote', async () => {
      const hoaxes = [
        { callerName: '=HYPERLINK("http://evil.example","click")', notes: '@SUM(A1:A9)' },
        { callerName: '+27 is not a name', notes: '-2+3' },
        { callerName: '@import', notes: '=1+1' },
      ];
      for (const hoax of hoaxes) {
        expect(outcomeOf(await sendEvent(callTaker.socket, 'call:dispose', { commandId: commandId(), callbackNumber: '082 555 0666', disposition: 'hoax', ...hoax }))).toBe('ok');
      }
      const csv = await sendRaw(app.url, '/api/callers/hoax-registry.csv', { headers: { cookie: supervisorCookie } });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const rows = csvRows(csv.text);
      expect(formulaCells(rows)).toEqual([]);
      const cells = rows.flat();
      for (const hoax of hoaxes) {
        expect(cells).toContain(`'${hoax.callerName}`);
        expect(cells).toContain(`'${hoax.notes}`);
      }
    });

    it('[HI3] the audit CSV prefixes incident and unit ids starting with =, +, - or @ with a quote (a username cannot start so)', async () => {
      for (const username of ['=1+2', '@sum(a1)']) {
        const answer = await sendRaw(app.url, '/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'x' }) });
        expect(outcomeOf(answer.body)).toBe('validation_failed');
      }
      expect(outcomeOf(await sendEvent(supervisor.socket, 'incident:close', { commandId: commandId(), incidentId: '+SUM(1)', disposition: 'false_alarm' }))).toBe('incident_not_found');
      expect(outcomeOf(await sendEvent(supervisor.socket, 'route:unit', { unitId: '-12' }))).toBe('unit_not_found');
      const csv = await sendRaw(app.url, '/api/audit.csv?limit=200', { headers: { cookie: supervisorCookie } });
      expect(csv.status).toBe(200);
      const rows = csvRows(csv.text);
      expect(formulaCells(rows)).toEqual([]);
      const cells = rows.flat();
      for (const escaped of ["'+SUM(1)", "'-12"]) expect(cells).toContain(escaped);
      // A username that does not parse is not filed as a username; it is in the payload summary, quoted as JSON.
      expect(cells.some((cell) => cell.includes('=1+2'))).toBe(true);
    });
  });

  it('[HI2] answers carry Content-Security-Policy, X-Frame-Options DENY and X-Content-Type-Options nosniff', async () => {
    const answers: HttpAnswer[] = [
      await sendRaw(app.url, '/api/health'),
      await sendRaw(app.url, '/api/state'),
      await sendRaw(app.url, '/api/no-such-route'),
      await sendHttp(app.url, 'incident:create', incidentInput(), callTakerCookie),
      await sendRaw(app.url, '/'),
    ];
    for (const answer of answers) {
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-powered-by')).toBeNull();
    }
  });

  describe('[HT2] unreadable bodies answer validation_failed with a plain message', () => {
    const post = (body: string, contentType = 'application/json'): Promise<HttpAnswer> =>
      sendRaw(app.url, '/api/incidents', { method: 'POST', headers: { 'content-type': contentType, cookie: callTakerCookie }, body });

    it('[HT2] a body that is not JSON', async () => {
      for (const body of ['{"commandId": ', 'not json at all', '{"a":1}}', '\u0000\u0001', '[1,2', 'null', '"a string"']) {
        const answer = await post(body);
        expect(resultShapeProblem(answer.body)).toBeNull();
        const error = errorOf(answer.body);
        expect([answer.status, error.code], body).toEqual([400, 'validation_failed']);
        expect(error.message).not.toMatch(/ at |\/|\\|Error:|SyntaxError|Unexpected token/);
      }
    });

    it('[HT2] a body over 64 kB', async () => {
      const answer = await post(JSON.stringify({ ...incidentInput(), notes: 'x'.repeat(70_000) }));
      const error = errorOf(answer.body);
      expect([answer.status, error.code]).toEqual([413, 'validation_failed']);
      expect(error.message).toBe('the request body is over 64 kB');
    });

    it('[AD1] a refused payload nested 5,000 deep is still in the audit record', async () => {
      const sender: TestIdentity = { role: 'call_taker', operatorId: 'hd-deep-nesting' };
      const deep = await sendRaw(app.url, '/api/incidents', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: await sessionCookie(app.url, sender) },
        body: `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      });
      expect(errorOf(deep.body).code).toBe('validation_failed');
      const audit = await sendEvent(supervisor.socket, 'audit:search', { username: sender.operatorId });
      const entries = dataOf<{ entries: { command: string; outcome: string }[] }>(audit).entries;
      expect(entries.map((entry) => `${entry.command} ${entry.outcome}`)).toContain('incident:create validation_failed');
    });

    it('[HT2] a path with malformed percent-encoding', async () => {
      const answer = await sendRaw(app.url, '/api/units/%E0%A4%A/route', { headers: { cookie: callTakerCookie } });
      expect([answer.status, outcomeOf(answer.body)]).toEqual([400, 'validation_failed']);
      expect(errorOf(answer.body).message).not.toMatch(/URIError|decode| at /);
    });

    it('[HT2] a body of another type is read as no payload', async () => {
      const answer = await post(JSON.stringify(incidentInput()), 'text/plain');
      expect([answer.status, errorOf(answer.body).code]).toEqual([400, 'validation_failed']);
    });
  });
});

describe('[HI1] rate limits', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer({ settings: { rateLimits: { ...TEST_RATE_LIMITS, failedSignInsPer15Minutes: 3, commandsPer10Seconds: 20 } } });
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  const signIn = (username: string, password: string): Promise<HttpAnswer> =>
    sendRaw(app.url, '/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

  it('[HI1] after 3 wrong passwords for one username, even the right password is refused with 429 rate_limited', async () => {
    const victim: TestIdentity = { role: 'call_taker', operatorId: 'rl-victim' };
    await sessionCookie(app.url, victim);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const answer = await signIn(victim.operatorId, `wrong password ${attempt}`);
      expect([answer.status, outcomeOf(answer.body)], `attempt ${attempt}`).toEqual([401, 'sign_in_failed']);
    }
    const blocked = await signIn(victim.operatorId, 'wrong password 4');
    expect([blocked.status, outcomeOf(blocked.body)]).toEqual([429, 'rate_limited']);
    const right = await signIn(victim.operatorId, TEST_PASSWORD);
    expect([right.status, outcomeOf(right.body)]).toEqual([429, 'rate_limited']);
    expect(right.headers.getSetCookie()).toEqual([]);
    // Another username from the same address is not locked out.
    expect((await signIn('supervisor', DEMO_PASSWORD)).status).toBe(200);
  });

  it('[HI1] after 20 commands in 10 s one user is rate_limited (429), over the socket and HTTP together; another user is not', async () => {
    const busy: TestIdentity = { role: 'supervisor', operatorId: 'rl-busy' };
    const calm: TestIdentity = { role: 'supervisor', operatorId: 'rl-calm' };
    const client = await connectClient(app.url, busy);
    try {
      const outcomes: string[] = [];
      for (let i = 0; i < 20; i += 1) outcomes.push(outcomeOf(await sendEvent(client.socket, 'session:get', {})));
      expect(outcomes).toEqual(Array<string>(20).fill('ok'));
      expect(outcomeOf(await sendEvent(client.socket, 'session:get', {}))).toBe('rate_limited');
      const overHttp = await sendHttp(app.url, 'session:get', {}, await sessionCookie(app.url, busy));
      expect([overHttp.status, outcomeOf(overHttp.body)]).toEqual([429, 'rate_limited']);
      const other = await sendHttp(app.url, 'session:get', {}, await sessionCookie(app.url, calm));
      expect([other.status, outcomeOf(other.body)]).toEqual([200, 'ok']);
    } finally {
      client.close();
    }
  });
});

describe('[AD2] the audit record stays searchable whatever a refused payload held', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('[AD2] a refused unit:status with a unit id that is not a string is audited, and the audit search still answers', async () => {
    const crew = await connectClient(app.url, { role: 'crew', operatorId: 'poison-crew', unitId: 'als-a01' });
    const supervisor = await connectClient(app.url, { role: 'supervisor', operatorId: 'poison-supervisor' });
    try {
      expect(outcomeOf(await sendEvent(supervisor.socket, 'audit:search', { limit: 5 }))).toBe('ok');
      expect(outcomeOf(await sendEvent(crew.socket, 'unit:status', { commandId: commandId(), unitId: 5, status: 'available' }))).toBe('validation_failed');
      const search = await sendEvent(supervisor.socket, 'audit:search', { username: 'poison-crew', refusalsOnly: true });
      expect(outcomeOf(search)).toBe('ok');
      const csv = await sendRaw(app.url, '/api/audit.csv?limit=20', { headers: { cookie: await sessionCookie(app.url, { role: 'supervisor', operatorId: 'poison-supervisor' }) } });
      expect(csv.status).toBe(200);
    } finally {
      crew.close();
      supervisor.close();
    }
  });

  it('[AD1] a refused payload’s raw fields are not filed in the audit record: a 200 kB unit id makes no 200 kB index key', async () => {
    const crew = await connectClient(app.url, { role: 'crew', operatorId: 'bloat-crew', unitId: 'als-a02' });
    try {
      const huge = 'a'.repeat(200_000);
      expect(outcomeOf(await sendEvent(crew.socket, 'unit:status', { commandId: commandId(), unitId: huge, status: 'out_of_service' }))).toBe('validation_failed');
      expect(outcomeOf(await sendEvent(crew.socket, 'incident:close', { commandId: commandId(), incidentId: huge, disposition: 'false_alarm' }))).toBe('forbidden');
      const { redis, keys } = app.server.ctx;
      const indexes = [...(await redis.keys(keys.auditIndex('unit', '*'))), ...(await redis.keys(keys.auditIndex('incident', '*')))];
      expect(indexes.filter((key) => key.length > 200).map((key) => `${key.slice(0, 60)}… (${key.length} characters)`)).toEqual([]);
    } finally {
      crew.close();
    }
  });
});
