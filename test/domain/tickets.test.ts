import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/auth/roles.ts';
import { formatReference } from '../../shared/incidents/referenceNumber.ts';
import { formatTicketReference, isValidTicketReference, normalizeTicketReference } from '../../shared/tickets/ticketReference.ts';
import { isTicketClosed, isTicketTransitionAllowed, TICKET_STATUSES, type TicketCreateInput, type TicketStatus } from '../../shared/tickets/ticketSchema.ts';
import { buildTicket, isTicketOverdue, overdueCallbacks, publicTicket, ticketCaller, withCallbackOutcome, withLinkedTicketCaller, withTicketUpdate } from '../../shared/tickets/ticketSteps.ts';
import { careCatalogue, type CareService } from '../../shared/tickets/careServiceSchema.ts';
import { joburgCity } from '../support/testServer.ts';

const AGENT: Actor = { role: 'care_agent', operatorId: 'agent-1' };
const OFFICER: Actor = { role: 'department_officer', operatorId: 'water-1', department: 'joburg_water' };
const T0 = Date.UTC(2026, 10, 28, 8, 0, 0);
const HOUR = 3_600_000;

const file = joburgCity().care;
if (!file) throw new Error('the Johannesburg pack has no care-services.json');
const catalogue = careCatalogue(file);
const burst = catalogue.service('WATER-BURST') as CareService;

const input = (overrides: Partial<TicketCreateInput> = {}): TicketCreateInput => ({
  commandId: 'cmd-ticket-0001', serviceCode: 'WATER-BURST', channel: 'phone', callerName: 'Mpho', callbackNumber: '082 555 0311', email: '',
  description: 'burst pipe', location: [28.04, -26.2], address: '', extra: {}, fromIncidentCall: false, ...overrides,
});

describe('[CC2] ticket references', () => {
  it('reads CC-YYMMDD-NNNN-C, normalised as typed, its check digit covering the line so an EC number misheard as CC fails', () => {
    const reference = formatTicketReference('261128', 42);
    expect(reference).toMatch(/^CC-261128-0042-\d$/);
    expect(isValidTicketReference(reference)).toBe(true);
    expect(normalizeTicketReference(` ${reference.toLowerCase().replace(/-/g, ' ')} `)).toBe(reference);
    // An emergency reference heard as CC passes the ticket check only where the two check digits happen to agree.
    const misheard = Array.from({ length: 200 }, (_, i) => formatReference('261128', i + 1).replace(/^EC/, 'CC')).filter(isValidTicketReference);
    expect(misheard.length).toBeLessThan(40);
    expect([...Array(10).keys()].filter((d) => isValidTicketReference(reference.replace(/\d$/, String(d))))).toHaveLength(1);
  });
});

describe('[CC2] the states councils use', () => {
  const allowed: [TicketStatus, TicketStatus][] = [
    ['open', 'acknowledged'], ['open', 'in_progress'], ['open', 'action_scheduled'], ['acknowledged', 'in_progress'], ['acknowledged', 'action_scheduled'], ['in_progress', 'action_scheduled'],
    ['action_scheduled', 'in_progress'], ['closed_fixed', 'open'], ['closed_not_city', 'open'],
    ...(['open', 'acknowledged', 'in_progress', 'action_scheduled'] as const).flatMap((from) => (['closed_fixed', 'closed_not_city', 'closed_duplicate', 'referred'] as const).map((to): [TicketStatus, TicketStatus] => [from, to])),
  ];
  it('allows exactly the listed changes and refuses every other', () => {
    for (const from of TICKET_STATUSES) {
      for (const to of TICKET_STATUSES) {
        const isListed = allowed.some(([a, b]) => a === from && b === to);
        expect({ from, to, allowed: isTicketTransitionAllowed(from, to) }).toEqual({ from, to, allowed: isListed });
      }
    }
    expect(TICKET_STATUSES.filter(isTicketClosed)).toEqual(['closed_fixed', 'closed_not_city', 'closed_duplicate', 'referred']);
  });
});

describe('[CC2][CC3] callbacks owed, made and overdue', () => {
  it('owes the first caller a callback within the service\'s time, none to a withheld number, and every distinct number one on close', () => {
    const ticket = buildTicket(input(), burst, null, AGENT, T0);
    expect(ticket.callbacks).toEqual([{ id: 'cb1', callerIndex: 0, reason: 'logged', dueAt: T0 + burst.callbackWithinHours * HOUR, status: 'due', at: null, by: null, note: '' }]);
    expect(buildTicket(input({ callbackNumber: 'withheld' }), burst, null, AGENT, T0).callbacks).toEqual([]);
    const linked = withLinkedTicketCaller(ticket, ticketCaller({ callerName: 'Again', callbackNumber: '082 555 0311', email: '' }, 'phone', AGENT, T0 + HOUR), '', burst, AGENT, T0 + HOUR);
    const withOther = withLinkedTicketCaller(linked, ticketCaller({ callerName: 'Neighbour', callbackNumber: '083 555 0000', email: '' }, 'phone', AGENT, T0 + HOUR), '', burst, AGENT, T0 + HOUR);
    const closed = withTicketUpdate(withOther, { status: 'closed_fixed', publicNote: 'fixed', internalNote: '' }, burst, OFFICER, T0 + 2 * HOUR);
    // The same number twice is called back once.
    expect(closed.callbacks.filter((cb) => cb.reason === 'closed').map((cb) => cb.callerIndex)).toEqual([0, 2]);
    expect(closed.closedAt).toBe(T0 + 2 * HOUR);
    const made = withCallbackOutcome(closed, 'cb1', 'made', 'spoke to Mpho', OFFICER, T0 + 3 * HOUR);
    expect(made.callbacks[0]).toMatchObject({ status: 'made', by: 'water-1', at: T0 + 3 * HOUR });
    expect(overdueCallbacks(made, T0 + 1000 * HOUR).map((cb) => cb.id)).not.toContain('cb1');
    expect(overdueCallbacks(made, T0 + 1000 * HOUR).length).toBeGreaterThan(0);
  });

  it('is overdue only while open past its expected date', () => {
    const ticket = buildTicket(input(), burst, null, AGENT, T0);
    expect(isTicketOverdue(ticket, ticket.expectedBy)).toBe(false);
    expect(isTicketOverdue(ticket, ticket.expectedBy + 1)).toBe(true);
    expect(isTicketOverdue({ ...ticket, status: 'closed_fixed' }, ticket.expectedBy + 1)).toBe(false);
  });
});

describe('[CC5] the public view', () => {
  it('carries the public notes only, and nothing personal', () => {
    const ticket = withTicketUpdate(buildTicket(input({ callerName: 'Secret Name', email: 'secret@example.com' }), burst, { ward: 60, region: 'F', isInsideMetro: true }, AGENT, T0), { status: 'in_progress', publicNote: '', internalNote: 'internal only' }, burst, OFFICER, T0 + HOUR);
    const view = publicTicket({ ...ticket, id: 'CC-1', reference: 'CC-1' }, catalogue, 'Africa/Johannesburg');
    expect(view).toMatchObject({ service: burst.name, department: 'Joburg Water', status: 'in_progress', ward: 60 });
    expect(view.updates).toHaveLength(1);
    expect(JSON.stringify(view)).not.toMatch(/Secret Name|secret@example|internal only|082 555|agent-1|water-1/);
  });
});
