import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { CareService } from '../shared/tickets/careServiceSchema.ts';
import { TicketCreateInputSchema, type TicketCreateInput } from '../shared/tickets/ticketSchema.ts';
import type { CadContext } from '../server/app/cadContext.ts';
import type { CommandCaller } from '../server/commands/commandCaller.ts';
import { runCommand } from '../server/commands/runCommand.ts';
import { createTicket } from '../server/tickets/createTicket.ts';
import { startJoburgBenchServer } from './benchServer.ts';
import { processRssMiB, redisUsedMemory, startBenchRedis } from './benchRedis.ts';
import { pointInBbox, seededRandom } from './random.ts';
import { summarize, type Summary } from './stats.ts';
import { nodeForKey } from '../server/redis/nodeForKey.ts';

export interface TicketBenchOptions {
  /** Tickets seeded before the queries, spread over the last 90 days. */
  tickets: number;
  /** Seeding: createTicket calls in flight at once. */
  inFlight: number;
  /** `ticket:create` through runCommand, timed one at a time, after the warm-up. */
  creates: number;
  createWarmup: number;
  /** Each Open311 query series, timed one at a time over HTTP, after the warm-up. */
  queries: number;
  queryWarmup: number;
}

export interface QuerySeries {
  label: string;
  latency: Summary;
  /** Requests answered per query, mean. */
  meanAnswered: number;
  /** Bytes of the answer, mean. */
  meanBytes: number;
}

export interface TicketBenchResult {
  options: TicketBenchOptions;
  seed: { tickets: number; ms: number; perSecond: number; services: number; refused: number };
  create: Summary;
  /** The goal's query: GET requests.json with a service_code over the default (90-day) window. */
  byService: QuerySeries;
  /** For scale: no filter (the 1000 newest of the window), and a status filter that pages a service's index. */
  all: QuerySeries;
  byStatus: QuerySeries;
  ticketsInIndex: number;
  redisMemory: string;
  processRssMiB: number;
}

const DAY = 86_400_000;
const DESCRIPTIONS = [
  'Water running down the street from under the pavement',
  'Street light out for a week on the corner by the school',
  'Bin not collected on Tuesday, whole street missed',
  'Deep pothole in the left lane, cars swerving round it',
  'No electricity in the house since last night, neighbours have power',
];

/** Values in form for the catalogue's required extra fields (account and meter numbers take the default, 10 digits). */
const EXTRA_VALUES: Readonly<Record<string, string>> = { meter_reading: '4521', stand_number: '1234', notice_number: 'AB12345' };

/** What an agent would type for `service`: its extra fields filled in form, a place when it is about one. */
function inputFor(service: CareService, random: () => number): TicketCreateInput {
  const extra = Object.fromEntries(service.extraFields.filter((field) => field.isRequired).map((field) => [field.key, EXTRA_VALUES[field.key] ?? '1234567890']));
  return TicketCreateInputSchema.parse({
    commandId: randomUUID().replace(/-/g, ''),
    serviceCode: service.code,
    callerName: 'Bench Caller',
    callbackNumber: `082 555 ${String(1000 + Math.floor(random() * 8999))}`,
    description: DESCRIPTIONS[Math.floor(random() * DESCRIPTIONS.length)] ?? 'bench',
    address: `${1 + Math.floor(random() * 200)} Bench Street`,
    extra,
    ...(service.needsLocation ? { location: pointInBbox(random) } : {}),
  });
}

/** An in-process Care Connect agent (the benchmark times the command path, as benchmark 5 builds its people). */
function agent(): CommandCaller {
  const username = 'bench-agent';
  return {
    session: { userId: `u${createHash('sha256').update(username).digest('hex').slice(0, 12)}`, username, displayName: username, role: 'care_agent', sessionId: 's-bench-agent', signedInAt: Date.now(), expiresAt: Number.MAX_SAFE_INTEGER },
    transport: 'socket',
    clientKey: 'bench',
  };
}

/** Seeds `count` tickets through `createTicket` (the server's own script), each at its own time in the last 90 days. */
async function seedTickets(ctx: CadContext, services: readonly CareService[], options: TicketBenchOptions, random: () => number): Promise<TicketBenchResult['seed']> {
  const now = Date.now();
  const actor = { role: 'care_agent' as const, operatorId: 'bench-seed' };
  let next = 0;
  let refused = 0;
  const worker = async (): Promise<void> => {
    while (next < options.tickets) {
      const i = next;
      next += 1;
      const service = services[i % services.length];
      if (!service) continue;
      const at = now - Math.floor(random() * 89 * DAY) - 60_000;
      const outcome = await createTicket({ ...ctx, now: () => at }, inputFor(service, random), actor);
      if (!outcome.result.ok) refused += 1;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: options.inFlight }, worker));
  const ms = performance.now() - t0;
  return { tickets: options.tickets, ms, perSecond: (options.tickets / ms) * 1000, services: services.length, refused };
}

async function timeQueries(url: string, label: string, paths: readonly string[], options: TicketBenchOptions): Promise<QuerySeries> {
  const samples: number[] = [];
  let answered = 0;
  let bytes = 0;
  for (let i = 0; i < options.queryWarmup + options.queries; i += 1) {
    const path = paths[i % paths.length] ?? '';
    const t0 = performance.now();
    const response = await fetch(`${url}${path}`);
    const text = await response.text();
    const ms = performance.now() - t0;
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 200)}`);
    if (i < options.queryWarmup) continue;
    samples.push(ms);
    answered += (JSON.parse(text) as unknown[]).length;
    bytes += Buffer.byteLength(text);
  }
  return { label, latency: summarize(samples), meanAnswered: answered / options.queries, meanBytes: bytes / options.queries };
}

/**
 * [Bench 6] Care Connect: `ticket:create` through `runCommand`, and Open311 `GET requests.json` over HTTP against a
 * store of many tickets (seeded through `createTicket`, spread over the last 90 days, every service in turn).
 */
export async function benchTickets(options: TicketBenchOptions): Promise<TicketBenchResult> {
  const redisServer = await startBenchRedis();
  const server = await startJoburgBenchServer(redisServer.url);
  try {
    const { ctx } = server;
    const catalogue = ctx.city.care;
    if (!catalogue) throw new Error('the Johannesburg pack has no Care Connect catalogue');
    const services = catalogue.file.services;
    const random = seededRandom(311);

    const seed = await seedTickets(ctx, services, options, random);

    const caller = agent();
    const samples: number[] = [];
    for (let i = 0; i < options.createWarmup + options.creates; i += 1) {
      const service = services[i % services.length];
      if (!service) continue;
      const payload = inputFor(service, random);
      const t0 = performance.now();
      const outcome = await runCommand(ctx, 'ticket:create', caller, payload);
      const ms = performance.now() - t0;
      if (!outcome.result.ok) throw new Error(`ticket:create refused: ${outcome.result.error.code} ${outcome.result.error.message}`);
      if (i >= options.createWarmup) samples.push(ms);
    }

    const byService = await timeQueries(server.url, 'service_code', services.map((s) => `/open311/v2/requests.json?service_code=${s.code}`), options);
    const all = await timeQueries(server.url, 'none', ['/open311/v2/requests.json'], options);
    const byStatus = await timeQueries(server.url, 'service_code + status=closed', services.map((s) => `/open311/v2/requests.json?service_code=${s.code}&status=closed`), options);

    return {
      options,
      seed,
      create: summarize(samples),
      byService,
      all,
      byStatus,
      ticketsInIndex: await ctx.redis.zcard(ctx.keys.ticketsCreated),
      redisMemory: await redisUsedMemory(nodeForKey(ctx.redis, ctx.keys.version)),
      processRssMiB: processRssMiB(),
    };
  } finally {
    await server.close();
    await redisServer.cleanup();
  }
}
