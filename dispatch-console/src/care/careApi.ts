import { CONTRACT } from '../../../shared/protocol/contract.ts';
import type { Result } from '../../../shared/protocol/result.ts';
import { CareServicesFileSchema, type CareServicesFile } from '../../../shared/tickets/careServiceSchema.ts';
import { PublicTicketSchema, type PublicTicket } from '../../../shared/tickets/ticketSchema.ts';
import { callApi } from '../session/sessionApi.ts';

/**
 * The two Care Connect reads that are public HTTP routes (no socket, no sign-in): the catalogue every screen
 * needs, and a ticket's progress for the resident page. Paths come from the contract.
 */

/** [CC1] The line, departments, services and phone menu. */
export function fetchCareServices(): Promise<Result<CareServicesFile>> {
  return callApi(CONTRACT['care:services'].http.path, { method: 'GET' }, CareServicesFileSchema);
}

/** [CC5] What anyone holding `reference` may read of its ticket. */
export function fetchPublicTicket(reference: string): Promise<Result<PublicTicket>> {
  const path = CONTRACT['ticket:public'].http.path.replace(':reference', encodeURIComponent(reference.trim()));
  return callApi(path, { method: 'GET' }, PublicTicketSchema);
}
