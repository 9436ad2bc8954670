import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import { isValidTicketReference } from '../../shared/tickets/ticketReference.ts';
import type { Ticket } from '../../shared/tickets/ticketSchema.ts';
import { codeOf, dataOf } from '../support/answers.ts';
import { CBD, ticketInput } from '../support/builders.ts';
import { commandId, connectClient, send, waitForDelta, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { adminCookie, postJson } from '../support/testSession.ts';

/** A few hundred metres from the CBD point. */
const NEARBY: [number, number] = [CBD[0] + 0.002, CBD[1] + 0.001];

describe('[CC1]–[CC7] Care Connect tickets', () => {
  let app: TestServer;
  let agent: TestClient;
  let water: TestClient;
  let power: TestClient;
  let supervisor: TestClient;
  let callTaker: TestClient;
  let dispatcher: TestClient;
  let fireDesk: TestClient;

  beforeAll(async () => {
    app = await startTestServer();
    agent = await connectClient(app.url, { role: 'care_agent', operatorId: 'cc-agent' });
    water = await connectClient(app.url, { role: 'department_officer', operatorId: 'cc-water', department: 'joburg_water' });
    power = await connectClient(app.url, { role: 'department_officer', operatorId: 'cc-power', department: 'city_power' });
    supervisor = await connectClient(app.url, { role: 'supervisor', operatorId: 'cc-sup' });
    callTaker = await connectClient(app.url, { role: 'call_taker', operatorId: 'cc-ct' });
    dispatcher = await connectClient(app.url, { role: 'dispatcher', operatorId: 'cc-disp' });
    fireDesk = await connectClient(app.url, { role: 'dispatcher', operatorId: 'cc-fire', agency: 'fire' });
  });
  afterAll(async () => {
    for (const client of [agent, water, power, supervisor, callTaker, dispatcher, fireDesk]) client.close();
    await app.close();
  });

  const version = async (): Promise<number> => Number(await app.server.ctx.redis.get(app.server.ctx.keys.version));
  const create = async (overrides: Parameters<typeof ticketInput>[0] = {}, by: TestClient = agent): Promise<Ticket> => dataOf(await send(by.socket, 'ticket:create', ticketInput(overrides)));
  const update = (ticketId: string, status: Ticket['status'], extra: Record<string, unknown> = {}, by: TestClient = water) =>
    send(by.socket, 'ticket:update', { commandId: commandId(), ticketId, status, publicNote: `now ${status}`, ...extra });

  it('[CC2] logs a ticket under a check-digited CC reference, in its department\'s queue, with the callback it promised', async () => {
    const before = Date.now();
    const ticket = await create();
    expect(ticket.reference).toMatch(/^CC-\d{6}-\d{4}-\d$/);
    expect(isValidTicketReference(ticket.reference)).toBe(true);
    expect(ticket).toMatchObject({ department: 'joburg_water', status: 'open', serviceCode: 'WATER-BURST', channel: 'phone' });
    expect(typeof ticket.ward).toBe('number');
    const service = app.server.ctx.city.care?.service('WATER-BURST');
    expect(ticket.expectedBy - ticket.createdAt).toBe((service?.expectedHours ?? 0) * 3_600_000);
    expect(ticket.callbacks).toEqual([expect.objectContaining({ id: 'cb1', callerIndex: 0, reason: 'logged', status: 'due' })]);
    expect(ticket.createdAt).toBeGreaterThanOrEqual(before);
    const queue = dataOf(await send(water.socket, 'ticket:queue', {}));
    expect(queue.map((t) => t.id)).toContain(ticket.id);
    // The department's officers and the agents hear of it live; another department's officers only get a tick.
    await waitForDelta(water, (d) => d.fact === 'ticket:created' && d.tickets[0]?.id === ticket.id);
    await waitForDelta(supervisor, (d) => d.fact === 'ticket:created' && d.tickets[0]?.id === ticket.id);
    expect(power.deltas.some((d) => d.tickets.some((t) => t.id === ticket.id))).toBe(false);
  });

  it('[CC1][CC2] checks the service\'s extra fields and place, and refuses an unknown service, changing nothing', async () => {
    const at = await version();
    const billing = await send(agent.socket, 'ticket:create', ticketInput({ serviceCode: 'ACC-BILLING-QUERY', extra: { account_number: '12-34' } }));
    expect(codeOf(billing)).toBe('validation_failed');
    expect(billing.ok ? [] : billing.error.issues?.map((i) => i.path)).toEqual(['extra.account_number']);
    const placeless = await send(agent.socket, 'ticket:create', ticketInput({ location: undefined, address: '' }));
    expect(placeless.ok ? [] : placeless.error.issues?.map((i) => i.path)).toEqual(['location']);
    expect(codeOf(await send(agent.socket, 'ticket:create', ticketInput({ serviceCode: 'WATER-UNICORN' })))).toBe('service_not_found');
    expect(await version()).toBe(at);
    const good = await create({ serviceCode: 'ACC-BILLING-QUERY', extra: { account_number: '1234567890' }, location: undefined });
    expect(good).toMatchObject({ department: 'group_finance', extra: { account_number: '1234567890' }, location: null });
  });

  it('[CC2][CM1] a resent create answers the same ticket and issues no second reference', async () => {
    const input = ticketInput();
    const first = dataOf(await send(agent.socket, 'ticket:create', input));
    const again = dataOf(await send(agent.socket, 'ticket:create', input));
    expect(again.reference).toBe(first.reference);
  });

  it('[CC2] moves through the states councils use; an end owes callbacks; a closed ticket reopens, a referral is final', async () => {
    const ticket = await create();
    expect(dataOf(await update(ticket.id, 'acknowledged')).status).toBe('acknowledged');
    const scheduled = dataOf(await update(ticket.id, 'action_scheduled', { expectedBy: ticket.expectedBy + 86_400_000, internalNote: 'crew booked for tomorrow' }));
    expect(scheduled.expectedBy).toBe(ticket.expectedBy + 86_400_000);
    const fixed = dataOf(await update(ticket.id, 'closed_fixed'));
    expect(fixed.closedAt).not.toBeNull();
    expect(fixed.callbacks.filter((cb) => cb.reason === 'closed')).toHaveLength(1);
    expect(codeOf(await update(ticket.id, 'in_progress'))).toBe('ticket_transition_not_allowed');
    expect(dataOf(await update(ticket.id, 'open', { publicNote: 'resident says it is leaking again' })).closedAt).toBeNull();
    expect(dataOf(await update(ticket.id, 'referred', { publicNote: 'Rand Water main: referred to Rand Water' })).status).toBe('referred');
    expect(codeOf(await update(ticket.id, 'open'))).toBe('ticket_transition_not_allowed');

    const other = await create();
    expect(codeOf(await update(other.id, 'closed_duplicate', { duplicateOf: 'CC-000000-0000-0' }))).toBe('ticket_not_found');
    expect(dataOf(await update(other.id, 'closed_duplicate', { duplicateOf: ticket.reference })).duplicateOf).toBe(ticket.id);
  });

  it('[CC3] a second caller nearby is offered the open ticket, linked to it, and called back when it closes', async () => {
    const ticket = await create({ callbackNumber: '082 555 0400' });
    const offered = dataOf(await send(agent.socket, 'ticket:duplicates', { serviceCode: 'WATER-BURST', location: NEARBY }));
    expect(offered.map((d) => d.ticket.id)).toContain(ticket.id);
    const otherService = dataOf(await send(agent.socket, 'ticket:duplicates', { serviceCode: 'WATER-NO-SUPPLY', location: NEARBY }));
    expect(otherService.map((d) => d.ticket.id)).not.toContain(ticket.id);

    const linked = dataOf(await send(agent.socket, 'ticket:link_caller', { commandId: commandId(), ticketId: ticket.reference.toLowerCase(), callerName: 'Neighbour', callbackNumber: '082 555 0401', note: 'same pipe' }));
    expect(linked.callers).toHaveLength(2);
    expect(linked.callbacks.map((cb) => cb.callerIndex)).toEqual([0, 1]);
    // A withheld number is linked too, but is owed no callback.
    const withheld = dataOf(await send(agent.socket, 'ticket:link_caller', { commandId: commandId(), ticketId: ticket.id, callerName: '', callbackNumber: 'withheld' }));
    expect(withheld.callbacks).toHaveLength(2);

    const closed = dataOf(await update(ticket.id, 'closed_fixed', { publicNote: 'Pipe repaired.' }));
    const owed = closed.callbacks.filter((cb) => cb.reason === 'closed');
    expect(owed.map((cb) => cb.callerIndex)).toEqual([0, 1]);
    const made = dataOf(await send(water.socket, 'ticket:callback', { commandId: commandId(), ticketId: ticket.id, callbackId: owed[0]?.id, outcome: 'made', note: 'told her it is fixed' }));
    expect(made.callbacks.find((cb) => cb.id === owed[0]?.id)).toMatchObject({ status: 'made', by: 'cc-water' });
    expect(codeOf(await send(water.socket, 'ticket:callback', { commandId: commandId(), ticketId: ticket.id, callbackId: owed[0]?.id, outcome: 'failed' }))).toBe('callback_already_recorded');
    expect(codeOf(await send(water.socket, 'ticket:callback', { commandId: commandId(), ticketId: ticket.id, callbackId: 'cb99', outcome: 'made' }))).toBe('callback_not_found');
    expect(codeOf(await send(agent.socket, 'ticket:link_caller', { commandId: commandId(), ticketId: ticket.id, callerName: 'Late', callbackNumber: '' }))).toBe('ticket_closed');
    // A closed ticket is no longer offered as a duplicate.
    const after = dataOf(await send(agent.socket, 'ticket:duplicates', { serviceCode: 'WATER-BURST', location: NEARBY }));
    expect(after.map((d) => d.ticket.id)).not.toContain(ticket.id);
  });

  it('[CC6] an officer sees and changes only its department\'s tickets; roles outside Care Connect are refused', async () => {
    const pipe = await create();
    const light = await create({ serviceCode: 'POWER-STREETLIGHT', description: 'street light out for a week' });
    const at = await version();
    expect(codeOf(await update(light.id, 'acknowledged'))).toBe('forbidden');
    expect(codeOf(await send(water.socket, 'ticket:get', { reference: light.reference }))).toBe('forbidden');
    expect(codeOf(await send(water.socket, 'ticket:queue', { department: 'city_power' }))).toBe('forbidden');
    expect(codeOf(await update(pipe.id, 'acknowledged', {}, power))).toBe('forbidden');
    expect(codeOf(await update(pipe.id, 'acknowledged', {}, agent))).toBe('forbidden');
    expect(codeOf(await send(dispatcher.socket, 'ticket:get', { reference: pipe.reference }))).toBe('forbidden');
    expect(await version()).toBe(at);
    expect(dataOf(await update(light.id, 'acknowledged', {}, power)).status).toBe('acknowledged');
    expect(dataOf(await send(supervisor.socket, 'ticket:queue', { department: 'city_power' })).map((t) => t.id)).toContain(light.id);
  });

  it('[CC5] the resident reads progress by reference, without a session and without personal details; unknown and malformed look alike', async () => {
    const ticket = await create({ callerName: 'Private Person', callbackNumber: '082 555 0999', email: 'private@example.com' });
    dataOf(await update(ticket.id, 'in_progress', { publicNote: 'Team on site.', internalNote: 'valve key missing from truck 4' }));
    const response = await fetch(`${app.url}/api/public/tickets/${encodeURIComponent(ticket.reference)}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const secret of ['Private Person', '082 555 0999', 'private@example.com', 'valve key', 'cc-agent', 'cc-water', '12 Rissik']) expect(text).not.toContain(secret);
    const body = JSON.parse(text) as { ok: boolean; data: { status: string; updates: { note: string }[] } };
    expect(body.data.status).toBe('in_progress');
    expect(body.data.updates.map((u) => u.note)).toContain('Team on site.');
    const answers = await Promise.all(['CC-000000-0000-0', 'hello', ticket.reference.replace(/\d$/, (d) => String((Number(d) + 1) % 10))].map(async (reference) => {
      const r = await fetch(`${app.url}/api/public/tickets/${encodeURIComponent(reference)}`);
      return { status: r.status, body: await r.text() };
    }));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]?.status).toBe(404);
  });

  it('[CC4] a gas smell is escalated to an Emergency Connect incident in one step, linked both ways, and reaches the Fire desk', async () => {
    const gas = await create({ serviceCode: 'GAS-LEAK', description: 'strong gas smell in the block of flats, people feeling dizzy' });
    const escalated = dataOf(await send(agent.socket, 'ticket:escalate', { commandId: commandId(), ticketId: gas.id, type: 'gas_leak', reason: 'people dizzy: an emergency' }));
    const incident: Incident = escalated.incident;
    expect(incident.reference).toMatch(/^EC-/);
    expect(incident).toMatchObject({ type: 'gas_leak', careTicketId: gas.id, location: gas.location, callerName: 'Mpho Sithole' });
    expect(escalated.ticket.incidentId).toBe(incident.id);
    expect(escalated.ticket.history.at(-1)?.internalNote).toContain(incident.reference);
    await waitForDelta(fireDesk, (d) => d.fact === 'ticket:escalated' && d.incidents[0]?.id === incident.id);
    const board = dataOf(await send(fireDesk.socket, 'state:read', {}));
    expect(board.incidents.map((i) => i.id)).toContain(incident.id);
    expect(codeOf(await send(agent.socket, 'ticket:escalate', { commandId: commandId(), ticketId: gas.id, type: 'gas_leak', reason: 'again' }))).toBe('validation_failed');
    // The incident's reference finds the ticket behind it; another department's officer may not read it.
    expect(dataOf(await send(agent.socket, 'ticket:get', { reference: incident.reference })).id).toBe(gas.id);
    expect(codeOf(await send(water.socket, 'ticket:get', { reference: incident.reference }))).toBe('forbidden');
  });

  it('[CC4] an emergency call that is not an emergency becomes a ticket from the call-taker, marked as referred by Emergency Connect', async () => {
    const referral = await create({ serviceCode: 'ROAD-POTHOLE', channel: 'emergency_referral', description: 'caller reported a pothole on 112' }, callTaker);
    expect(referral).toMatchObject({ channel: 'emergency_referral', department: 'jra', createdBy: 'cc-ct' });
  });
  it('[CC6] an administrator makes a department officer only of one of the city\'s departments', async () => {
    const cookie = await adminCookie(app.url);
    const user = { displayName: 'Officer', role: 'department_officer', password: 'a long enough password' };
    const unknown = await postJson(app.url, '/api/users', cookie, { ...user, username: 'cc-officer-x', department: 'ministry_of_magic' });
    expect(unknown.body.error?.code).toBe('validation_failed');
    const none = await postJson(app.url, '/api/users', cookie, { ...user, username: 'cc-officer-y' });
    expect(none.body.error?.code).toBe('validation_failed');
    const good = await postJson(app.url, '/api/users', cookie, { ...user, username: 'cc-officer-z', department: 'pikitup' });
    expect(good.body.data).toMatchObject({ role: 'department_officer', department: 'pikitup' });
  });
});
