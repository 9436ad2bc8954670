import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditPageSchema, type AuditEntry } from '../../shared/audit/auditSchema.ts';
import { incidentInput, CALL_TAKER, DISPATCHER } from '../support/builders.ts';
import { commandId, connectClient, send, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { headersAs } from '../support/testSession.ts';

describe('[AD1][AD2] every command and every read of personal data is in the audit record, which is never trimmed', () => {
  let app: TestServer;
  let callTaker: TestClient;
  let dispatcher: TestClient;
  let supervisor: TestClient;
  let incidentId = '';

  beforeAll(async () => {
    app = await startTestServer();
    callTaker = await connectClient(app.url, CALL_TAKER);
    dispatcher = await connectClient(app.url, DISPATCHER);
    supervisor = await connectClient(app.url, { role: 'supervisor', operatorId: 'sup-audit' });
    const created = await send(callTaker.socket, 'incident:create', incidentInput({ callerName: '=HYPERLINK("http://x")' }));
    if (!created.ok) throw new Error(created.error.message);
    incidentId = created.data.id;
    await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId, unitIds: ['als-a01'] });
    // Refused: a call-taker may not assign; a unit that is busy.
    await send(callTaker.socket, 'dispatch:assign', { commandId: commandId(), incidentId, unitIds: ['als-a02'] });
    await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId, unitIds: ['als-a01'] });
    await send(callTaker.socket, 'caller:history', { callbackNumber: '082 555 0147' });
  });
  afterAll(async () => {
    for (const client of [callTaker, dispatcher, supervisor]) client.close();
    await app.close();
  });

  async function search(input: Record<string, unknown>): Promise<AuditEntry[]> {
    const answer = await send(supervisor.socket, 'audit:search', input);
    if (!answer.ok) throw new Error(answer.error.message);
    return AuditPageSchema.parse(answer.data).entries;
  }

  it('[AD1] accepted and refused commands are both recorded, with user, role, desk, outcome and a payload summary', async () => {
    const entries = await search({ incidentId });
    const byOutcome = entries.map((e) => `${e.command} ${e.username ?? ''} ${e.outcome}`);
    expect(byOutcome).toEqual(
      expect.arrayContaining([
        'incident:create ct-1 ok',
        'dispatch:assign disp-1 ok',
        'dispatch:assign ct-1 forbidden',
        'dispatch:assign disp-1 unit_not_available',
      ]),
    );
    const assign = entries.find((e) => e.command === 'dispatch:assign' && e.outcome === 'ok');
    expect(assign).toMatchObject({ role: 'dispatcher', desk: 'combined', unitIds: ['als-a01'], transport: 'socket' });
    expect(assign?.summary).toContain('als-a01');
    // Newest first.
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort((a, b) => b - a));
  });

  it('[AD1] a read of personal data is recorded; a password never is', async () => {
    const reads = await search({ username: 'ct-1' });
    expect(reads.some((e) => e.command === 'caller:history' && e.outcome === 'ok' && e.summary.includes('082 555 0147'))).toBe(true);
    await fetch(`${app.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'calltaker', password: 'a wrong guess' }) });
    const signIns = await search({ username: 'calltaker' });
    const failed = signIns.find((e) => e.command === 'session:sign_in');
    expect(failed?.outcome).toBe('sign_in_failed');
    expect(failed?.summary).not.toContain('a wrong guess');
    expect(failed?.summary).toContain('***');
  });

  it('[AD2] searches by unit, by user, by time range, and refusals only', async () => {
    expect((await search({ unitId: 'als-a02' })).map((e) => e.outcome)).toEqual(['forbidden']);
    const refusals = await search({ refusalsOnly: true, incidentId });
    expect(refusals.every((e) => e.outcome !== 'ok')).toBe(true);
    expect(refusals.length).toBe(2);
    const everything = await search({});
    const oldest = everything.at(-1)?.at ?? 0;
    expect(await search({ to: oldest - 1 })).toEqual([]);
    expect((await search({ from: oldest, limit: 2 })).length).toBe(2);
  });

  it('[AD2] exports CSV (formulas escaped) and JSON; only supervisors and administrators may read it', async () => {
    const headers = await headersAs(app.url, { role: 'supervisor', operatorId: 'sup-audit' });
    const csv = await fetch(`${app.url}/api/audit.csv?incidentId=${incidentId}`, { headers });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split('\n')[0]).toBe('time_utc,command,outcome,username,role,desk,crew_unit,incident,units,transport,summary');
    expect(text).toContain('dispatch:assign,forbidden,ct-1');
    const json = await fetch(`${app.url}/api/audit?incidentId=${incidentId}&refusalsOnly=true`, { headers });
    expect(AuditPageSchema.parse(((await json.json()) as { data: unknown }).data).entries).toHaveLength(2);
    const denied = await send(dispatcher.socket, 'audit:search', {});
    expect(denied.ok ? 'ok' : denied.error.code).toBe('forbidden');
  });

  it('[AD1] the audit stream is not capped: every entry appended stays', async () => {
    const { redis, keys } = app.server.ctx;
    const before = await redis.xlen(keys.audit);
    for (let i = 0; i < 50; i += 1) await send(callTaker.socket, 'dispatch:assign', { commandId: commandId(), incidentId, unitIds: ['als-a03'] });
    expect(await redis.xlen(keys.audit)).toBe(before + 50);
    const info = (await redis.call('XINFO', 'STREAM', keys.audit)) as unknown[];
    expect(info).toContain('entries-added');
    expect(Number(info[info.indexOf('entries-added') + 1])).toBe(await redis.xlen(keys.audit));
  });
});
