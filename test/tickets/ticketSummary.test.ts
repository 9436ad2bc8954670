import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/tickets/ticketSchema.ts';
import { closedInTimeShare, type DepartmentSummary } from '../../shared/tickets/ticketSummarySchema.ts';
import { codeOf, dataOf } from '../support/answers.ts';
import { CBD, ticketInput } from '../support/builders.ts';
import { commandId, connectClient, send, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const HOUR_MS = 3_600_000;

describe('[CS9] Care Connect on the supervisor\'s board', () => {
  const clock = { offsetMs: 0 };
  let app: TestServer;
  let agent: TestClient;
  let water: TestClient;
  let gas: TestClient;
  let supervisor: TestClient;

  beforeAll(async () => {
    app = await startTestServer({ now: () => Date.now() + clock.offsetMs });
    agent = await connectClient(app.url, { role: 'care_agent', operatorId: 'sum-agent' });
    water = await connectClient(app.url, { role: 'department_officer', operatorId: 'sum-water', department: 'joburg_water' });
    gas = await connectClient(app.url, { role: 'department_officer', operatorId: 'sum-gas', department: 'egoli_gas' });
    supervisor = await connectClient(app.url, { role: 'supervisor', operatorId: 'sum-sup' });
  });
  afterAll(async () => {
    for (const client of [agent, water, gas, supervisor]) client.close();
    await app.close();
  });

  const create = async (serviceCode: string, east = 0): Promise<Ticket> => dataOf(await send(agent.socket, 'ticket:create', ticketInput({ serviceCode, location: [CBD[0] + east, CBD[1]] })));
  const close = async (by: TestClient, ticket: Ticket, status: Ticket['status'] = 'closed_fixed', extra: Record<string, unknown> = {}) =>
    dataOf(await send(by.socket, 'ticket:update', { commandId: commandId(), ticketId: ticket.id, status, publicNote: 'done', ...extra }));
  const summary = async (closedDays = 30): Promise<Map<string, DepartmentSummary>> => {
    const answer = dataOf(await send(supervisor.socket, 'ticket:summary', { closedDays }));
    return new Map(answer.departments.map((line) => [line.department, line]));
  };

  it('[CS9] counts each department\'s open and overdue tickets, and the resolved ones closed by their expected date', async () => {
    const burst = await create('WATER-BURST');
    const noSupply = await create('WATER-NO-SUPPLY', 0.01);
    const duplicate = await create('WATER-BURST', 0.02);
    const leak = await create('GAS-LEAK');
    await create('GAS-LEAK', 0.03);
    await close(water, burst);
    // A duplicate's work is the other ticket's: closing it says nothing about how fast the department works.
    await close(water, duplicate, 'closed_duplicate', { duplicateOf: noSupply.reference });
    // A gas leak is expected within 4 hours: five hours on, both are overdue, and the one closed now was late.
    clock.offsetMs = 5 * HOUR_MS;
    await close(gas, leak);
    const lines = await summary();
    expect(lines.get('joburg_water')).toMatchObject({ name: 'Joburg Water', open: 1, overdue: 0, closed: 1, closedInTime: 1 });
    expect(lines.get('egoli_gas')).toMatchObject({ open: 1, overdue: 1, closed: 1, closedInTime: 0 });
    expect(lines.get('city_power')).toMatchObject({ open: 0, overdue: 0, closed: 0, closedInTime: 0 });
    expect(lines.size).toBe(app.server.ctx.city.care?.file.departments.length);
    expect(closedInTimeShare({ closed: 0, closedInTime: 0 })).toBeNull();
    expect(closedInTimeShare({ closed: 4, closedInTime: 3 })).toBe(0.75);
  });

  it('[CS9] is the supervisor\'s: an officer or an agent is refused, and a bad window changes nothing', async () => {
    expect(codeOf(await send(water.socket, 'ticket:summary', {}))).toBe('forbidden');
    expect(codeOf(await send(agent.socket, 'ticket:summary', {}))).toBe('forbidden');
    expect(codeOf(await send(supervisor.socket, 'ticket:summary', { closedDays: 365 }))).toBe('validation_failed');
    const defaulted = dataOf(await send(supervisor.socket, 'ticket:summary', {}));
    expect(defaulted.closedDays).toBe(30);
  });
});
