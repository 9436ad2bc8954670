import type { CareCatalogue } from '../../shared/tickets/careServiceSchema.ts';
import { open311Request, Open311RequestSchema, type Open311Request } from './open311Documents.ts';
import { isValidTicketReference, normalizeTicketReference } from '../../shared/tickets/ticketReference.ts';
import type { CadContext } from '../app/cadContext.ts';
import { readTickets } from '../tickets/readTicket.ts';
import type { Open311Error } from './open311Documents.ts';

/** [CC10] The standard's response volume: at most 1000 requests, over at most 90 days (the default span). */
export const OPEN311_MAX_REQUESTS = 1000;
export const OPEN311_MAX_SPAN_MS = 90 * 86_400_000;
/** Ids read from an index per round trip while a status filter is applied. */
const PAGE = 1000;

export type Open311Status = 'open' | 'closed';

/** [CC10] A parsed GET requests: named requests (overriding everything else), or services, statuses and a window. */
export type RequestQuery =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'window'; serviceCodes: string[]; statuses: Open311Status[]; from: number; to: number };

/** A query value as sent once, several times, or comma separated ("can be declared multiple times, comma delimited"). */
export function listValue(raw: unknown): string[] | null {
  if (raw === undefined) return [];
  const parts = Array.isArray(raw) ? raw : [raw];
  if (!parts.every((part): part is string => typeof part === 'string')) return null;
  return parts
    .flatMap((part) => part.split(','))
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const W3_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * [CC10] A w3 date-time with its zone ("2026-01-01T00:00:00Z", "2026-01-01T02:00+02:00"), as epoch ms; null when it is
 * not one or names no real instant (a 30 February). A `+` sent unencoded in a URL arrives as a space and is read as `+`.
 */
export function parseW3DateTime(text: string): number | null {
  const match = W3_DATE_TIME.exec(text.trim().replace(/ (\d{2}:\d{2})$/, '+$1'));
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)];
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  const offsetMinutes = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (Math.abs(offsetMinutes) > 14 * 60) return null;
  return local - offsetMinutes * 60_000 + Math.floor(Number(`0${fraction}`) * 1000);
}

const bad = (description: string): Open311Error => ({ code: 400, description });

/**
 * [CC10] GET requests' arguments: `service_request_id` (comma separated, overrides the rest), `service_code` and
 * `status` (each once, several times or comma separated), `start_date` and `end_date` (w3 date-times; the span
 * defaults to the 90 days up to the end, or from the start, and may not exceed 90 days). Unknown arguments
 * (`jurisdiction_id`: one jurisdiction here) are ignored, as the standard allows.
 */
export function parseRequestQuery(raw: Readonly<Record<string, unknown>>, catalogue: CareCatalogue, now: number): RequestQuery | Open311Error[] {
  const ids = listValue(raw.service_request_id);
  if (ids === null) return [bad('service_request_id: a comma-separated list of request ids')];
  if (ids.length > OPEN311_MAX_REQUESTS) return [bad(`service_request_id: at most ${OPEN311_MAX_REQUESTS} ids at once`)];
  // An id that cannot be a reference (or fails its check digit) is simply not found, like an unknown one.
  const references = ids.flatMap((id) => {
    const reference = normalizeTicketReference(id);
    return reference !== null && isValidTicketReference(reference) ? [reference] : [];
  });
  if (ids.length > 0) return { kind: 'ids', ids: [...new Set(references)] };

  const errors: Open311Error[] = [];
  const serviceCodes = listValue(raw.service_code);
  if (serviceCodes === null) errors.push(bad('service_code: a comma-separated list of service codes'));
  for (const code of serviceCodes ?? []) if (!catalogue.service(code)) errors.push({ code: 404, description: `service_code ${code} is not a service of this city: see services.json` });
  const statuses = listValue(raw.status);
  if (statuses === null || statuses.some((status) => status !== 'open' && status !== 'closed')) errors.push(bad('status: open, closed, or both comma separated'));

  const dates: Record<'start_date' | 'end_date', number | undefined> = { start_date: undefined, end_date: undefined };
  for (const field of ['start_date', 'end_date'] as const) {
    const value = raw[field];
    if (value === undefined || value === '') continue;
    const at = typeof value === 'string' ? parseW3DateTime(value) : null;
    if (at === null) errors.push(bad(`${field}: a w3 date-time with its time zone, e.g. 2026-01-01T00:00:00Z`));
    else dates[field] = at;
  }
  const { start_date: start, end_date: end } = dates;
  const to = end ?? (start === undefined ? now : start + OPEN311_MAX_SPAN_MS);
  const from = start ?? to - OPEN311_MAX_SPAN_MS;
  if (to < from) errors.push(bad('end_date is before start_date'));
  else if (to - from > OPEN311_MAX_SPAN_MS) errors.push(bad('start_date to end_date may not span more than 90 days'));
  if (errors.length > 0 || serviceCodes === null || statuses === null) return errors;
  return { kind: 'window', serviceCodes: [...new Set(serviceCodes)], statuses: [...new Set(statuses)] as Open311Status[], from, to };
}

interface Hit {
  id: string;
  at: number;
}

function hitsOf(reply: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i + 1 < reply.length; i += 2) hits.push({ id: reply[i] ?? '', at: Number(reply[i + 1]) });
  return hits;
}

/** Which of `ids` are open: members of one of the departments' open queues (kept in step by the ticket scripts). */
async function openFlags(ctx: CadContext, ids: readonly string[], departments: readonly string[]): Promise<boolean[]> {
  const pipeline = ctx.redis.pipeline();
  for (const department of departments) pipeline.zmscore(ctx.keys.openTickets(department), ...ids);
  const replies = (await pipeline.exec()) ?? [];
  return ids.map((_, i) => replies.some(([error, scores]) => error === null && Array.isArray(scores) && scores[i] !== null && scores[i] !== undefined));
}

/**
 * The newest tickets of one creation-time index inside the window, up to the limit. With a status filter the index
 * is read a page at a time and each page's open/closed state looked up in the open queues, so only the answer's
 * tickets are ever read, never every ticket of the window.
 */
async function newestOf(ctx: CadContext, index: string, query: Extract<RequestQuery, { kind: 'window' }>, departments: readonly string[]): Promise<Hit[]> {
  const only = query.statuses.length === 1 ? query.statuses[0] : undefined;
  const hits: Hit[] = [];
  for (let offset = 0; hits.length < OPEN311_MAX_REQUESTS; offset += PAGE) {
    const count = only === undefined ? OPEN311_MAX_REQUESTS : PAGE;
    const page = hitsOf(await ctx.redis.zrange(index, query.to, String(query.from), 'BYSCORE', 'REV', 'LIMIT', offset, count, 'WITHSCORES'));
    if (only === undefined) return page;
    const open = page.length > 0 ? await openFlags(ctx, page.map((hit) => hit.id), departments) : [];
    page.forEach((hit, i) => {
      if (open[i] === (only === 'open')) hits.push(hit);
    });
    if (page.length < count) break;
  }
  return hits.slice(0, OPEN311_MAX_REQUESTS);
}

/**
 * [CC10] The tickets a query names, newest first: by id, or from the creation-time index of each service asked for
 * (all tickets' index when none is), by score range over the window, at most 1000.
 */
export async function findRequests(ctx: CadContext, catalogue: CareCatalogue, query: RequestQuery): Promise<PublishedRequest[]> {
  if (query.kind === 'ids') return (await readTickets(ctx, query.ids)).map((ticket) => published(JSON.stringify(open311Request(ticket, catalogue, ctx.city.data))));
  const sources =
    query.serviceCodes.length > 0
      ? query.serviceCodes.map((code) => ({ index: ctx.keys.ticketsCreatedByService(code), departments: [catalogue.service(code)?.department ?? ''] }))
      : [{ index: ctx.keys.ticketsCreated, departments: catalogue.file.departments.map((d) => d.code) }];
  const found = await Promise.all(sources.map((source) => newestOf(ctx, source.index, query, source.departments)));
  const newest = found
    .flat()
    .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, OPEN311_MAX_REQUESTS);
  const records = await readPublicRecords(ctx, catalogue, newest.map((hit) => hit.id));
  // The state may have moved between the index read and the record read: the record itself decides.
  const only = query.statuses.length === 1 ? query.statuses[0] : undefined;
  return only === undefined ? records : records.filter((record) => record.record().status === only);
}

/**
 * A published request as stored: its JSON text, sent as it is in a JSON answer (a listing of a thousand requests
 * parses nothing), and the record read from it, validated, for XML and the status filter.
 */
export interface PublishedRequest {
  json: string;
  record(): Open311Request;
}

function published(json: string): PublishedRequest {
  let parsed: Open311Request | undefined;
  return { json, record: () => (parsed ??= Open311RequestSchema.parse(JSON.parse(json))) };
}

/**
 * [CC10] The published records of `ids`, in order: the small record each ticket script writes beside the document
 * (a ticket stored without one is read whole and published as it is now).
 */
async function readPublicRecords(ctx: CadContext, catalogue: CareCatalogue, ids: readonly string[]): Promise<PublishedRequest[]> {
  if (ids.length === 0) return [];
  const pipeline = ctx.redis.pipeline();
  for (const id of ids) pipeline.hget(ctx.keys.ticket(id), 'open311');
  const replies = (await pipeline.exec()) ?? [];
  const records = await Promise.all(
    replies.map(async ([error, text], i): Promise<PublishedRequest[]> => {
      if (error === null && typeof text === 'string' && text !== '') return [published(text)];
      const [ticket] = await readTickets(ctx, [ids[i] ?? '']);
      return ticket ? [published(JSON.stringify(open311Request(ticket, catalogue, ctx.city.data)))] : [];
    }),
  );
  return records.flat();
}
