import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/auth/roles.ts';
import { careCatalogue, type CareService } from '../../shared/tickets/careServiceSchema.ts';
import type { TicketCreateInput } from '../../shared/tickets/ticketSchema.ts';
import { buildTicket } from '../../shared/tickets/ticketSteps.ts';
import { creationNotice, open311Request } from '../../server/open311/open311Documents.ts';
import { joburgCity } from '../support/testServer.ts';

const AGENT: Actor = { role: 'care_agent', operatorId: 'agent-1' };
const file = joburgCity().care;
if (!file) throw new Error('the Johannesburg pack has no care-services.json');
const catalogue = careCatalogue(file);
const burst = catalogue.service('WATER-BURST') as CareService;
const input: TicketCreateInput = {
  commandId: 'cmd-notice-0001', serviceCode: 'WATER-BURST', channel: 'open311', callerName: '', callbackNumber: '', email: '',
  description: 'burst pipe', location: [28.04, -26.2], address: '', extra: {}, fromIncidentCall: false,
};

/** A ticket expected at `expectedBy` (the service's hours after it was logged). */
function ticketExpectedAt(expectedBy: number) {
  const ticket = buildTicket(input, burst, null, AGENT, expectedBy - burst.expectedHours * 3_600_000);
  expect(ticket.expectedBy).toBe(expectedBy);
  return { ...ticket, reference: 'CC-261201-0001-5' };
}

describe('[CC11][OP2] the expected date in a notice is the city\'s wall clock with its offset at that instant', () => {
  it('Johannesburg: UTC+02:00, as before', () => {
    const ticket = ticketExpectedAt(Date.UTC(2026, 11, 1, 12, 0));
    expect(creationNotice(ticket, burst, catalogue, 'Africa/Johannesburg')).toContain('expects to resolve it by 2026-12-01 14:00 (UTC+02:00).');
  });

  it('a city with daylight saving (Andorra): UTC+01:00 in winter, UTC+02:00 in summer', () => {
    const winter = open311Request(ticketExpectedAt(Date.UTC(2026, 11, 1, 12, 0)), catalogue, { name: 'Andorra', timeZone: 'Europe/Andorra' });
    expect(winter.service_notice).toContain('by 2026-12-01 13:00 (UTC+01:00).');
    const summer = open311Request(ticketExpectedAt(Date.UTC(2026, 6, 1, 12, 0)), catalogue, { name: 'Andorra', timeZone: 'Europe/Andorra' });
    expect(summer.service_notice).toContain('by 2026-07-01 14:00 (UTC+02:00).');
    // The machine-readable date stays UTC, as the standard asks.
    expect(summer.expected_datetime).toBe('2026-07-01T12:00:00Z');
  });
});
