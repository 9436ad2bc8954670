import { randomBytes } from 'node:crypto';
import type { Actor } from '../../shared/auth/roles.ts';
import type { CareCatalogue, CareService } from '../../shared/tickets/careServiceSchema.ts';
import { TicketCreateInputSchema, type Ticket, type TicketCreatePayload } from '../../shared/tickets/ticketSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { CommandOutcome } from '../commands/commandOutcome.ts';
import { createTicket } from '../tickets/createTicket.ts';
import { creationNotice, type Open311Created, type Open311Error } from './open311Documents.ts';

/** What a POST requests came to: the created request, or the standard's errors; `outcome` when a ticket was tried. */
export type NewRequestAnswer =
  | { status: 200; body: Open311Created[]; ticket: Ticket; outcome: CommandOutcome<Ticket> }
  | { status: 400 | 404 | 500 | 503; body: Open311Error[]; ticket: null; outcome: CommandOutcome<Ticket> | null };

type Body = Readonly<Record<string, unknown>>;

const errorsOf = (status: 400 | 404 | 500 | 503, descriptions: readonly string[], outcome: CommandOutcome<Ticket> | null = null): NewRequestAnswer => ({
  status,
  body: descriptions.map((description) => ({ code: status, description })),
  ticket: null,
  outcome,
});

/** A form or JSON field as one string: a JSON number is taken as its digits; a field sent twice is refused. */
function textField(body: Body, name: string, problems: string[]): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  problems.push(`${name}: send one text value`);
  return undefined;
}

/** A coordinate field: a decimal number of degrees. */
function degreesField(body: Body, name: 'lat' | 'long', problems: string[]): number | undefined {
  const text = textField(body, name, problems);
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(text) || !Number.isFinite(value)) {
    problems.push(`${name}: a decimal number of degrees (WGS84), e.g. ${name === 'lat' ? '-26.2044' : '28.0456'}`);
    return undefined;
  }
  return value;
}

/**
 * The attributes sent, by code: `attribute[code]=value` form fields (the standard's form), or in JSON an `attribute`
 * object or the same bracketed names. A list of values (`attribute[code][]`) is refused: every attribute here is one
 * `string`. A code the service does not define is refused, so a misspelt one is not silently lost.
 */
function attributesOf(body: Body, service: CareService, problems: string[]): Record<string, string> {
  const sent: Record<string, unknown> = {};
  const nested = body.attribute;
  if (typeof nested === 'object' && nested !== null && !Array.isArray(nested)) Object.assign(sent, nested);
  else if (nested !== undefined) problems.push('attribute: send attribute[code]=value for each attribute of the service definition');
  for (const [name, value] of Object.entries(body)) {
    const match = /^attribute\[([^\]]*)\](\[\])?$/.exec(name);
    if (!match) continue;
    sent[match[1] ?? ''] = match[2] === undefined ? value : [value];
  }
  const attributes: Record<string, string> = {};
  for (const [code, value] of Object.entries(sent)) {
    if (!service.extraFields.some((field) => field.key === code)) {
      problems.push(`attribute[${code}]: ${service.code} has no such attribute (see services/${service.code}.json)`);
    } else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      attributes[code] = String(value);
    } else {
      problems.push(`attribute[${code}]: one text value`);
    }
  }
  return attributes;
}

/** The standard's name for a field of the ticket input, for an error a third-party app can act on. */
function open311Field(path: string): string {
  if (path.startsWith('extra.')) return `attribute[${path.slice('extra.'.length)}]`;
  const names: Record<string, string> = {
    callerName: 'first_name/last_name',
    callbackNumber: 'phone',
    email: 'email',
    description: 'description',
    address: 'address_string',
    'location.0': 'long',
    'location.1': 'lat',
    location: 'lat/long or address_string',
    serviceCode: 'service_code',
  };
  return names[path] ?? path;
}

/** A refusal's issues in the standard's terms: each problem named by its Open311 field, without the internal name. */
function issueDescriptions(issues: readonly { path: string; message: string }[]): string[] {
  return issues.map((issue) => `${open311Field(issue.path)}: ${issue.message.replace(/^[A-Za-z]+: /, '')}`);
}

/**
 * [CC11] POST requests: the standard's fields mapped onto `ticket:create`'s input and logged by the same
 * `createTicket` as a call, on channel `open311`, by `open311:<key name>`. `service_code` (404 when unknown); a place
 * as `lat` and `long` or `address_string` for a service about a place (`address_id` is not used here: no master
 * address list); `attribute[code]` for the service's extra fields (checked for form as for an agent);
 * `first_name`, `last_name`, `phone`, `email`, `description` (the service's name when left out). `jurisdiction_id`,
 * `device_id`, `account_id` and `media_url` are accepted and not kept. Any refusal changes nothing.
 */
export async function createOpen311Request(ctx: CadContext, catalogue: CareCatalogue, body: Body, keyName: string): Promise<NewRequestAnswer> {
  const problems: string[] = [];
  const code = textField(body, 'service_code', problems)?.trim();
  if (!code) return errorsOf(400, [...problems, 'service_code: required (see services.json)']);
  const service = catalogue.service(code);
  if (!service) return errorsOf(404, [`service_code ${code} is not a service of this city: see services.json`]);

  const lat = degreesField(body, 'lat', problems);
  const long = degreesField(body, 'long', problems);
  if ((lat === undefined) !== (long === undefined)) problems.push('lat and long: send both, or neither and an address_string');
  const first = textField(body, 'first_name', problems)?.trim() ?? '';
  const last = textField(body, 'last_name', problems)?.trim() ?? '';
  const description = textField(body, 'description', problems)?.trim();
  const payload: TicketCreatePayload = {
    commandId: `open311-${randomBytes(16).toString('base64url')}`,
    serviceCode: service.code,
    channel: 'open311',
    callerName: `${first} ${last}`.trim(),
    callbackNumber: textField(body, 'phone', problems) ?? '',
    email: textField(body, 'email', problems)?.trim() ?? '',
    description: description === undefined || description === '' ? service.name : description,
    address: textField(body, 'address_string', problems) ?? '',
    extra: attributesOf(body, service, problems),
    ...(lat !== undefined && long !== undefined ? { location: [long, lat] as [number, number] } : {}),
  };
  if (problems.length > 0) return errorsOf(400, problems);
  const input = TicketCreateInputSchema.safeParse(payload);
  if (!input.success) return errorsOf(400, issueDescriptions(input.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))));

  const actor: Actor = { role: 'system', operatorId: `open311:${keyName}` };
  const outcome = await createTicket(ctx, input.data, actor);
  const { result } = outcome;
  if (result.ok) return { status: 200, body: [{ service_request_id: result.data.reference, service_notice: creationNotice(result.data, service, catalogue, ctx.city.data.timeZone), account_id: null }], ticket: result.data, outcome };
  const { error } = result;
  if (error.code === 'validation_failed') return errorsOf(400, issueDescriptions(error.issues ?? [{ path: '', message: error.message }]), outcome);
  if (error.code === 'service_not_found' || error.code === 'care_not_offered') return errorsOf(404, [error.message], outcome);
  // [OPS10] The live store did not take it in time: nothing was logged, and the app may send it again.
  if (error.code === 'unavailable') return errorsOf(503, [`the request was not logged (${error.message}); send it again in a moment`], outcome);
  return errorsOf(500, [`the request could not be logged (${error.code}); it is safe to send it again`], outcome);
}
