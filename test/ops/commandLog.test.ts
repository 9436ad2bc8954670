import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/auth/demoUsers.ts';
import { createLogger } from '../../server/ops/logger.ts';
import { CALL_TAKER, crewSession, DISPATCHER, incidentInput } from '../support/builders.ts';
import { commandId, connectClient, send } from '../support/testClient.ts';
import { signIn, TEST_PASSWORD } from '../support/testSession.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

type LogLine = Record<string, unknown> & { level: string; msg: string; time: string };

describe('[OPS1] one structured JSON line per command, with who, what came of it and how long it took', () => {
  const raw: string[] = [];
  const lines = (): LogLine[] => raw.map((line) => JSON.parse(line) as LogLine);
  const commandLines = (command: string): LogLine[] => lines().filter((line) => line.command === command);
  let t: TestServer;

  beforeAll(async () => {
    // The logger's destination is captured: every line the server writes lands here, as it would on stdout.
    t = await startTestServer({ logger: createLogger({ level: 'debug', destination: { write: (line: string) => void raw.push(line) } }) });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('[OPS1] a command logs its name, command id, user, role, transport, outcome and duration at info', async () => {
    const dispatcher = await connectClient(t.url, DISPATCHER);
    try {
      const input = incidentInput({ notes: 'log line test' });
      const created = await send(dispatcher.socket, 'incident:create', input);
      expect(created.ok).toBe(true);
      const line = commandLines('incident:create').find((l) => l.commandId === input.commandId);
      expect(line).toMatchObject({ level: 'info', msg: 'incident:create ok', commandId: input.commandId, username: DISPATCHER.operatorId, role: 'dispatcher', desk: 'combined', transport: 'socket', outcome: 'ok' });
      expect(typeof line?.userId).toBe('string');
      expect(typeof line?.ms).toBe('number');
      expect(Date.parse(String(line?.time))).not.toBeNaN();
    } finally {
      dispatcher.close();
    }
  });

  it('[OPS1] a refusal logs its code; a position fix logs at debug', async () => {
    const callTaker = await connectClient(t.url, CALL_TAKER);
    const crew = await connectClient(t.url, crewSession('als-d02'));
    try {
      const refused = await send(callTaker.socket, 'dispatch:assign', { commandId: commandId(), incidentId: 'EC-00000000-0001', unitIds: ['als-d02'] });
      expect(refused.ok).toBe(false);
      expect(commandLines('dispatch:assign').at(-1)).toMatchObject({ level: 'info', outcome: 'forbidden', role: 'call_taker', username: CALL_TAKER.operatorId });
      const fixId = commandId();
      const fix = await send(crew.socket, 'unit:position', { commandId: fixId, unitId: 'als-d02', position: [28.01, -26.2], fixAt: Date.now() });
      expect(fix.ok).toBe(true);
      expect(commandLines('unit:position').find((l) => l.commandId === fixId)).toMatchObject({ level: 'debug', outcome: 'ok', role: 'crew', unitId: 'als-d02' });
    } finally {
      callTaker.close();
      crew.close();
    }
  });

  it('[OPS1] no line carries a password, a session token or a cookie, for a sign-in over HTTP as for a user created with one', async () => {
    const cookie = await signIn(t.url, 'admin', DEMO_PASSWORD);
    const token = cookie.split('=')[1] ?? '';
    expect(token.length).toBeGreaterThan(20);
    // A user created with a password, and a failed sign-in that names the user tried.
    const createdUser = await fetch(`${t.url}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ commandId: commandId(), username: 'log-test-user', displayName: 'Log Test', role: 'call_taker', desks: [], password: TEST_PASSWORD }) });
    expect(createdUser.status).toBe(200);
    const failed = await fetch(`${t.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'log-test-user', password: 'not the password at all' }) });
    expect(failed.status).toBe(401);
    expect(commandLines('session:sign_in').at(-1)).toMatchObject({ outcome: 'sign_in_failed', username: 'log-test-user', transport: 'http', userId: null });
    expect(commandLines('users:create').at(-1)).toMatchObject({ outcome: 'ok', username: 'admin', role: 'administrator', transport: 'http' });
    const text = raw.join('');
    for (const secret of [DEMO_PASSWORD, TEST_PASSWORD, 'not the password at all', token]) expect(text).not.toContain(secret);
  });

  it('[OPS1] an unexpected failure logs at error with its stack, and the answer carries none', async () => {
    const dispatcher = await connectClient(t.url, DISPATCHER);
    try {
      const created = await send(dispatcher.socket, 'incident:create', incidentInput());
      if (!created.ok) throw new Error(created.error.message);
      // A record the server cannot read (as a hand edit of Redis would leave it) makes the read fail unexpectedly.
      const key = t.server.ctx.keys.incident(created.data.id);
      const doc = await t.server.ctx.redis.hget(key, 'doc');
      await t.server.ctx.redis.hset(key, 'doc', '{not json');
      const answer = await send(dispatcher.socket, 'incident:get', { reference: created.data.reference });
      if (doc !== null) await t.server.ctx.redis.hset(key, 'doc', doc);
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('internal_error');
        expect(JSON.stringify(answer)).not.toMatch(/JSON|at /);
      }
      const line = commandLines('incident:get').at(-1);
      expect(line).toMatchObject({ level: 'error', outcome: 'internal_error', username: DISPATCHER.operatorId });
      const err = line?.err as { type?: string; message?: string; stack?: string } | undefined;
      expect(err?.type).toBe('SyntaxError');
      expect(err?.stack).toMatch(/\n\s+at /);
    } finally {
      dispatcher.close();
    }
  });
});
