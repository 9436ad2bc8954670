import { z } from 'zod';
import type { CareCatalogue, CareService } from '../../shared/tickets/careServiceSchema.ts';
import { isTicketClosed, TICKET_STATUS_LABELS, type Ticket } from '../../shared/tickets/ticketSchema.ts';
import { offsetText, wallTime } from '../../shared/time/zonedTime.ts';
import type { CityData } from '../city/cityData.ts';

/**
 * [CC8][CC9] The Open311 GeoReport v2 documents, built from the Care Connect catalogue and tickets. Field names and
 * shapes are the standard's (wiki.open311.org/GeoReport_v2), so they are plain types here rather than contract schemas;
 * the tests validate them against the standard's own JSON Schemas (fixtures/standards/open311-georeport-v2/).
 */

export const GEOREPORT_V2_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

export type Open311Service = {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: 'realtime';
  keywords: string | null;
  group: string;
};

export type Open311Attribute = {
  variable: boolean;
  code: string;
  datatype: 'string';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
};

export type Open311ServiceDefinition = { service_code: string; attributes: Open311Attribute[] };

/** A service request as published; also the record stored beside each ticket (server/tickets/publicRecord.ts). */
export const Open311RequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.null(),
  agency_responsible: z.string(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.null(),
});
export type Open311Request = z.infer<typeof Open311RequestSchema>;

export type Open311Created = { service_request_id: string; service_notice: string; account_id: null };

export type Open311Error = { code: number; description: string };

export type Open311Discovery = {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: { specification: string; url: string; changeset: string; type: 'production'; formats: string[] }[];
};

/** A w3 date-time in UTC to the second ("2026-11-28T07:15:00Z"), as the standard asks (zone always given). */
export function w3DateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * [OP2] The city's wall clock as people read it in a notice, with the offset it has at that instant (a city with
 * daylight saving changes it): "2026-12-01 14:00 (UTC+02:00)".
 */
function localTime(ms: number, timeZone: string): string {
  return `${wallTime(ms, timeZone).slice(0, 16).replace('T', ' ')} (UTC${offsetText(ms, timeZone)})`;
}

/** [CC8] A service as GET services lists it: one service type, always answered at once (`realtime`). */
export function open311Service(service: CareService): Open311Service {
  return {
    service_code: service.code,
    service_name: service.name,
    description: service.description === '' ? null : service.description,
    metadata: service.extraFields.length > 0,
    type: 'realtime',
    keywords: service.keywords.length > 0 ? service.keywords.join(', ') : null,
    group: service.group,
  };
}

/** [CC8] A service's extra fields as the standard's attributes: free text checked for form, in the catalogue's order. */
export function open311ServiceDefinition(service: CareService): Open311ServiceDefinition {
  return {
    service_code: service.code,
    attributes: service.extraFields.map((field, index) => ({
      variable: true,
      code: field.key,
      datatype: 'string',
      required: field.isRequired,
      datatype_description: field.hint === '' ? null : field.hint,
      order: index + 1,
      description: field.label,
    })),
  };
}

/** What the resident is told to expect of an open ticket. */
function expectation(ticket: Ticket, catalogue: CareCatalogue, timeZone: string): string | null {
  if (isTicketClosed(ticket.status)) return null;
  return `${catalogue.department(ticket.department)?.name ?? ticket.department} expects to resolve it by ${localTime(ticket.expectedBy, timeZone)}.`;
}

/** [CC11] The notice a POST answers with: the reference, the expected date and, when a number was given, the callback promise. */
export function creationNotice(ticket: Ticket, service: CareService, catalogue: CareCatalogue, timeZone: string): string {
  const callback = ticket.callers[0]?.callbackNumber ? ` ${service.callbackPromise}` : '';
  return `Logged with ${catalogue.file.line.name} as ${ticket.reference}. ${expectation(ticket, catalogue, timeZone) ?? ''}${callback}`.trim();
}

/** Coordinates to 3 decimals (about 100 m): enough to put a pothole on a map, not to single out a front door. */
const coarse = (degrees: number): number => Math.round(degrees * 1000) / 1000;

/**
 * [CC9] A ticket as a service request: `closed` for every end (closed fixed, not the city's, duplicate, referred),
 * `open` otherwise, with the detailed state and the latest public note in `status_notes`. Nothing personal: no caller,
 * number, email, extra field, internal note nor the caller's own words (`description` is free text that may name
 * people); the place only for a service about a place, to about 100 m, and the ward. [CC5]
 */
export function open311Request(ticket: Ticket, catalogue: CareCatalogue, city: Pick<CityData, 'name' | 'timeZone'>): Open311Request {
  const service = catalogue.service(ticket.serviceCode);
  const latestNote = [...ticket.history].reverse().find((entry) => entry.publicNote !== '')?.publicNote;
  const lastChange = ticket.history.reduce((latest, entry) => Math.max(latest, entry.at), ticket.createdAt);
  const isAboutPlace = (service?.needsLocation ?? false) && ticket.location !== null;
  return {
    service_request_id: ticket.reference,
    status: isTicketClosed(ticket.status) ? 'closed' : 'open',
    status_notes: latestNote ? `${TICKET_STATUS_LABELS[ticket.status]}: ${latestNote}` : TICKET_STATUS_LABELS[ticket.status],
    service_name: service?.name ?? ticket.serviceCode,
    service_code: ticket.serviceCode,
    description: null,
    agency_responsible: catalogue.department(ticket.department)?.name ?? ticket.department,
    service_notice: expectation(ticket, catalogue, city.timeZone),
    requested_datetime: w3DateTime(ticket.createdAt),
    updated_datetime: w3DateTime(ticket.closedAt ?? lastChange),
    expected_datetime: w3DateTime(ticket.expectedBy),
    address: ticket.ward === null ? null : `Ward ${ticket.ward}, ${city.name}`,
    lat: isAboutPlace && ticket.location ? coarse(ticket.location[1]) : null,
    long: isAboutPlace && ticket.location ? coarse(ticket.location[0]) : null,
    media_url: null,
  };
}

/** [CC8] The service discovery document: this one production endpoint, in both formats. */
export function open311Discovery(catalogue: CareCatalogue, endpointUrl: string, changeset: string): Open311Discovery {
  return {
    changeset,
    contact: `${catalogue.file.line.name}, ${catalogue.file.line.phone}`,
    key_service: `API keys for submitting service requests are issued by the city's ${catalogue.file.line.name} administrators.`,
    endpoints: [{ specification: GEOREPORT_V2_SPECIFICATION, url: endpointUrl, changeset, type: 'production', formats: ['text/xml', 'application/json'] }],
  };
}
