import { describe, expect, it } from 'vitest';
import { careCatalogue, type CareCatalogue, type CareService } from '../../shared/tickets/careServiceSchema.ts';
import { TicketCreateInputSchema, type Ticket } from '../../shared/tickets/ticketSchema.ts';
import { buildTicket, withCallbackOutcome, withTicketUpdate } from '../../shared/tickets/ticketSteps.ts';
import type { Actor } from '../../shared/auth/roles.ts';
import { menuOptionOf, searchServices } from '../../dispatch-console/src/care/serviceSearch.ts';
import { extraProblem, extraValue, newTicketDraft, ticketCallbackWarning, ticketCreatePayload, ticketLinkPayload, type TicketDraft } from '../../dispatch-console/src/care/ticketDraft.ts';
import { filterTickets, orderTickets, ticketGroupOf } from '../../dispatch-console/src/care/ticketQueueOrder.ts';
import { formatDue, formatSpan, fromLocalInput, spelledReference, toLocalInput } from '../../dispatch-console/src/care/ticketWords.ts';
import { referralNotes, referralTicketPayload } from '../../dispatch-console/src/care/referralTicket.ts';
import { nextStates } from '../../dispatch-console/src/care/TicketUpdateForm.tsx';
import { TICKET_DRAFTS } from '../../dispatch-console/src/care/ticketDraftStore.ts';
import { referenceInPath } from '../../dispatch-console/src/care/ResidentPage.tsx';
import { ticketsToFeatures } from '../../dispatch-console/src/care/ticketLayers.ts';
import { suggestedIncidentType } from '../../dispatch-console/src/care/escalationTypes.ts';
import { issueSentence } from '../../dispatch-console/src/realtime/issueSentences.ts';
import { INCIDENT_TYPE_IDS } from '../../shared/incidents/incidentTypes.ts';
import { joburgCity } from '../support/testServer.ts';
import { T0 } from './fixtures.ts';

const HOUR = 3_600_000;
const AGENT: Actor = { role: 'care_agent', operatorId: 'agent' };
const OFFICER: Actor = { role: 'department_officer', operatorId: 'water', department: 'joburg_water' };

function catalogue(): CareCatalogue {
  const file = joburgCity().care;
  if (!file) throw new Error('the Johannesburg pack has a Care Connect line');
  return careCatalogue(file);
}

function service(code: string): CareService {
  const found = catalogue().service(code);
  if (!found) throw new Error(`no service ${code}`);
  return found;
}

function ticket(code: string, at: number, overrides: Partial<Ticket> = {}, caller = { callerName: 'Mpho', callbackNumber: '082 555 0311' }): Ticket {
  const input = TicketCreateInputSchema.parse({ commandId: 'cmd-12345678', serviceCode: code, description: 'water everywhere', location: [28.05, -26.2], ...caller });
  const built = buildTicket(input, service(code), { ward: 60, region: 'F', isInsideMetro: true }, AGENT, at);
  const reference = overrides.reference ?? `CC-261128-${String(at % 10_000).padStart(4, '0')}-0`;
  return { ...built, id: reference, reference, ...overrides };
}

function draft(overrides: Partial<TicketDraft> = {}): TicketDraft {
  return { ...newTicketDraft(T0, '3'), ...overrides };
}

describe('[CS1] the service search of the ticket desk', () => {
  const services = catalogue().file.services;

  it('[CS1] an option-3 call starts in Joburg Water\'s services and finds the burst pipe by the caller\'s words', () => {
    const water = catalogue().file.phoneMenu.find((o) => o.digit === '3');
    expect(water?.group).toBe('water');
    expect(searchServices(services, 'water', 'burst')[0]?.code).toBe('WATER-BURST');
    expect(searchServices(services, 'water', 'pipe burst')[0]?.code).toBe('WATER-BURST');
    expect(searchServices(services, 'water', 'no water')[0]?.code).toBe('WATER-NO-SUPPLY');
    // Held to the group: City Power's meter is not offered to an option-3 caller, Joburg Water's is.
    expect(searchServices(services, 'water', 'meter').map((s) => s.code)).toEqual(['WATER-METER-LEAK']);
    expect(searchServices(services, 'water', '').every((s) => s.group === 'water')).toBe(true);
    expect(searchServices(services, 'water', 'pothole')).toEqual([]);
  });

  it('[CS1] without an option (or 0), every service is searched; the name wins over keywords', () => {
    expect(searchServices(services, null, 'gas smell')[0]?.code).toBe('GAS-LEAK');
    expect(searchServices(services, null, 'pothole')[0]?.code).toBe('ROAD-POTHOLE');
    expect(searchServices(services, null, 'robot')[0]?.code).toBe('ROAD-TRAFFIC-SIGNAL');
    expect(searchServices(services, 'other', 'gas').map((s) => s.code)).toEqual(['GAS-LEAK', 'GAS-NO-SUPPLY']);
    expect(searchServices(services, null, '').length).toBe(services.length);
  });

  it('[CS1] menu keys choose options; other keys choose nothing', () => {
    const menu = catalogue().file.phoneMenu;
    expect(menuOptionOf(menu, '3')?.label).toBe('Joburg Water');
    expect(menuOptionOf(menu, '0')?.group).toBe('other');
    expect(menuOptionOf(menu, '9')).toBeUndefined();
    expect(menuOptionOf(menu, 'x')).toBeUndefined();
  });
});

describe('[CS3] extra fields checked as they are typed', () => {
  const billing = service('ACC-BILLING-QUERY');
  const account = billing.extraFields.find((f) => f.key === 'account_number');
  if (!account) throw new Error('billing needs an account number');

  it('[CS3] an account number read out in groups is sent without its spaces; a bad one is named with its hint', () => {
    expect(extraValue(account, ' 1234 5678 90 ')).toBe('1234567890');
    expect(extraProblem(account, '1234 5678 90', false)).toBeNull();
    expect(extraProblem(account, '12345', false)).toBe(`${account.label}: ${account.hint}`);
    // A required field left empty is named only once the agent tries to create the ticket.
    expect(extraProblem(account, '', false)).toBeNull();
    expect(extraProblem(account, '', true)).toBe(`${account.label} is required`);
  });

  it('[CS3] the create payload carries the service\'s own fields only, and is refused with the field\'s words', () => {
    const refused = ticketCreatePayload(draft({ serviceCode: billing.code, description: 'bill too high', extra: { account_number: '12' } }), billing);
    expect(refused).toEqual({ ok: false, message: `${account.label}: ${account.hint}.` });
    const accepted = ticketCreatePayload(draft({ serviceCode: billing.code, description: 'bill too high', extra: { account_number: '1234 5678 90', stray: 'x' } }), billing);
    expect(accepted.ok && accepted.payload.extra).toEqual({ account_number: '1234567890' });
    expect(issueSentence({ path: 'extra.account_number', message: 'Account number: 10 digits' })).toBe('Account number: 10 digits.');
  });
});

describe('[CS1][CS2] the ticket draft', () => {
  const burst = service('WATER-BURST');

  it('[CS1] needs a service, a description and, for a service about a place, a point or an address', () => {
    expect(ticketCreatePayload(draft(), undefined)).toEqual({ ok: false, message: 'Still needed: service, description.' });
    expect(ticketCreatePayload(draft({ serviceCode: burst.code, description: 'burst' }), burst)).toEqual({ ok: false, message: 'Still needed: location or address.' });
    const byAddress = ticketCreatePayload(draft({ serviceCode: burst.code, description: 'burst', address: '12 Rissik St' }), burst);
    expect(byAddress.ok && byAddress.payload).toMatchObject({ serviceCode: 'WATER-BURST', channel: 'phone', address: '12 Rissik St' });
    expect(byAddress.ok && 'location' in byAddress.payload).toBe(false);
  });

  it('[CS1][IC9] an anonymous caller with no number still gets a ticket, with a warning only', () => {
    const anonymous = draft({ serviceCode: burst.code, description: 'burst', position: [28.05, -26.2] });
    const checked = ticketCreatePayload(anonymous, burst);
    expect(checked.ok && checked.payload).toMatchObject({ callerName: '', callbackNumber: '', location: [28.05, -26.2] });
    expect(ticketCallbackWarning(anonymous)).toMatch(/cannot call back/);
    expect(ticketCallbackWarning({ ...anonymous, callbackNumber: 'withheld' })).toMatch(/^Number withheld/);
    expect(ticketCallbackWarning(draft())).toBeNull();
    expect(ticketCreatePayload({ ...anonymous, email: 'not an address' }, burst)).toEqual({ ok: false, message: 'The email address is not valid: type it as name@example.com, or leave it empty.' });
  });

  it('[CC3] linking carries the caller and what they said, and refuses a description too long for a note', () => {
    const linked = ticketLinkPayload(draft({ callerName: 'Lindiwe', callbackNumber: '083 555 0412', description: 'same pipe' }), 'CC-261128-0001-6');
    expect(linked).toEqual({ ok: true, payload: { ticketId: 'CC-261128-0001-6', callerName: 'Lindiwe', callbackNumber: '083 555 0412', email: '', channel: 'phone', note: 'same pipe' } });
    const tooLong = ticketLinkPayload(draft({ description: 'x'.repeat(1001) }), 'CC-1');
    expect(tooLong.ok ? 'sent' : tooLong.message).toContain('1,001 of 1,000 characters');
  });

  it('[CS2] the draft is kept per agent and an unreadable one is dropped', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const kept = draft({ serviceCode: 'WATER-BURST', extra: { meter_number: '123456' }, channel: 'walk_in' });
    TICKET_DRAFTS.save(storage, 'u1', kept);
    expect(TICKET_DRAFTS.load(storage, 'u1')).toEqual(kept);
    expect(TICKET_DRAFTS.load(storage, 'u2')).toBeNull();
    store.set(TICKET_DRAFTS.key('u2'), JSON.stringify({ ...kept, channel: 'carrier pigeon' }));
    expect(TICKET_DRAFTS.load(storage, 'u2')).toBeNull();
    expect(store.has(TICKET_DRAFTS.key('u2'))).toBe(false);
    TICKET_DRAFTS.clear(storage, 'u1');
    expect(TICKET_DRAFTS.load(storage, 'u1')).toBeNull();
  });

  it('[CS2] a reference is spelt out for read-back', () => {
    expect(spelledReference('CC-261128-0001-6')).toBe('Charlie Charlie · two six one one two eight · zero zero zero one · six');
  });
});

describe('[CS6] the department queue', () => {
  const now = T0 + 100 * HOUR;
  const overdue = ticket('WATER-NO-SUPPLY', T0, { reference: 'CC-261128-0001-6' });
  const onTime = ticket('WATER-BURST', now - HOUR, { reference: 'CC-261128-0002-4', address: '12 Rissik Street' });
  const soonDue = ticket('WATER-SEWER', now - 2 * HOUR, { reference: 'CC-261128-0003-2' });
  const lateCallback = { ...ticket('WATER-BURST', now - 30 * HOUR, { reference: 'CC-261128-0004-0' }), expectedBy: now + 10 * HOUR };
  const closed = withTicketUpdate(ticket('WATER-BURST', now - 5 * HOUR, { reference: 'CC-261128-0005-7' }), { status: 'closed_fixed', publicNote: 'fixed', internalNote: '' }, service('WATER-BURST'), OFFICER, now - HOUR);
  const closedCalledBack = closed.callbacks.reduce((t, cb) => withCallbackOutcome(t, cb.id, 'made', '', OFFICER, now), closed);

  it('[CS6] overdue tickets lead, then callbacks overdue, then the rest by expected date, then the recently closed', () => {
    expect(ticketGroupOf(overdue, now)).toBe('overdue');
    expect(ticketGroupOf(lateCallback, now)).toBe('callback_overdue');
    expect(ticketGroupOf(onTime, now)).toBe('open');
    expect(ticketGroupOf(closedCalledBack, now)).toBe('closed');
    // A closed ticket whose callers are still owed a callback is not done with.
    expect(ticketGroupOf(closed, now + 25 * HOUR)).toBe('callback_overdue');
    const order = orderTickets([closedCalledBack, onTime, soonDue, lateCallback, overdue], now).map((t) => t.reference);
    expect(order).toEqual(['CC-261128-0001-6', 'CC-261128-0004-0', 'CC-261128-0003-2', 'CC-261128-0002-4', 'CC-261128-0005-7']);
  });

  it('[CS6] filters by state and by words in the reference, service, address or fields', () => {
    const all = [overdue, onTime, closedCalledBack];
    const name = (code: string) => catalogue().service(code)?.name ?? code;
    expect(filterTickets(all, { status: 'open_any', text: '' }, name)).toEqual([overdue, onTime]);
    expect(filterTickets(all, { status: 'closed_fixed', text: '' }, name)).toEqual([closedCalledBack]);
    expect(filterTickets(all, { status: 'all', text: 'rissik' }, name)).toEqual([onTime]);
    expect(filterTickets(all, { status: 'all', text: 'no water' }, name)).toEqual([overdue]);
    expect(filterTickets(all, { status: 'all', text: '0005' }, name)).toEqual([closedCalledBack]);
  });

  it('[CS6] the map marks each ticket with a place by how it stands', () => {
    const features = ticketsToFeatures([overdue, { ...onTime, location: null }], overdue.id, now).features;
    expect(features).toHaveLength(1);
    expect(features[0]?.properties).toMatchObject({ reference: overdue.reference, group: 'overdue', selected: true, rank: 0 });
  });

  it('[CS6] due times read in the words a department plans in', () => {
    expect(formatDue(now + 3 * HOUR, now)).toBe('due in 3 h');
    expect(formatDue(now - 50 * HOUR, now)).toBe('2 days 2 h overdue');
    expect(formatSpan(45 * 60_000)).toBe('45 min');
  });
});

describe('[CS7] moving a ticket on', () => {
  it('[CS7] offers only the states TICKET_TRANSITIONS allows, an open ticket its own state for a note', () => {
    expect(nextStates('open')[0]).toBe('open');
    expect(nextStates('in_progress')).not.toContain('acknowledged');
    expect(nextStates('closed_fixed')).toEqual(['open']);
    expect(nextStates('closed_duplicate')).toEqual([]);
  });

  it('[CS7] the expected date is edited in Johannesburg time', () => {
    const at = Date.UTC(2026, 10, 28, 10, 30);
    expect(toLocalInput(at, 'Africa/Johannesburg')).toBe('2026-11-28T12:30');
    expect(fromLocalInput('2026-11-28T12:30', 'Africa/Johannesburg')).toBe(at);
    expect(fromLocalInput('tomorrow', 'Africa/Johannesburg')).toBeNull();
  });

  it('[OP2] the expected date is edited on the city\'s clock, at the offset of that date (Andorra after the clocks go back)', () => {
    const summer = Date.UTC(2026, 9, 24, 10, 30);
    const winter = Date.UTC(2026, 9, 26, 10, 30);
    expect(toLocalInput(summer, 'Europe/Andorra')).toBe('2026-10-24T12:30');
    expect(toLocalInput(winter, 'Europe/Andorra')).toBe('2026-10-26T11:30');
    expect(fromLocalInput('2026-10-26T11:30', 'Europe/Andorra')).toBe(winter);
    expect(fromLocalInput('2026-02-30T11:30', 'Europe/Andorra')).toBeNull();
  });
});

describe('[CS4] escalation', () => {
  it('[CS4] every suggested incident type is one of the catalogue\'s', () => {
    expect(suggestedIncidentType('GAS-LEAK')).toBe('gas_leak');
    expect(suggestedIncidentType('LIBRARY-ENQUIRY')).toBeNull();
    for (const s of catalogue().file.services) {
      const type = suggestedIncidentType(s.code);
      if (type !== null) expect(INCIDENT_TYPE_IDS).toContain(type);
    }
  });
});

describe('[CS8] the resident page', () => {
  it('[CS8] opens the reference in its path', () => {
    expect(referenceInPath('/track/CC-261128-0001-6')).toBe('CC-261128-0001-6');
    expect(referenceInPath('/track/cc%20261128%200001%206')).toBe('cc 261128 0001 6');
    expect(referenceInPath('/track')).toBe('');
    expect(referenceInPath('/track/%E0%A4%A')).toBe('');
  });
});

describe('[CS11] referral from an emergency call', () => {
  const call = { callerName: 'Sizwe', callbackNumber: '082 555 0777', position: [28.03, -26.19] as [number, number], locationText: '-26.19, 28.03', locationNotes: 'outside the Spar', notes: 'pothole in the left lane' };

  it('[CS11] carries the caller, the place and the call\'s notes over, as a referral from Emergency Connect', () => {
    const checked = referralTicketPayload(call, { service: service('ROAD-POTHOLE'), extra: {}, description: '' });
    expect(checked).toEqual({
      ok: true,
      payload: {
        serviceCode: 'ROAD-POTHOLE',
        channel: 'emergency_referral',
        fromIncidentCall: true,
        callerName: 'Sizwe',
        callbackNumber: '082 555 0777',
        email: '',
        description: 'pothole in the left lane',
        location: [28.03, -26.19],
        address: 'outside the Spar',
        extra: {},
      },
    });
    expect(referralNotes({ reference: 'CC-261128-0003-2' }, ' caller calm ')).toBe('Referred to Care Connect CC-261128-0003-2: caller calm');
  });

  it('[CS11] says what is missing rather than sending a ticket a department cannot act on', () => {
    expect(referralTicketPayload({ ...call, notes: '' }, { service: service('ROAD-POTHOLE'), extra: {}, description: ' ' })).toEqual({ ok: false, message: 'Still needed: what the caller reports.' });
    const billing = referralTicketPayload(call, { service: service('ACC-BILLING-QUERY'), extra: {}, description: 'bill' });
    expect(billing).toEqual({ ok: false, message: 'Municipal account number is required.' });
  });
});
