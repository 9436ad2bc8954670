import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { CadServer } from '../server/app/createCadServer.ts';
import type { Archive } from '../server/archive/openArchive.ts';
import { ReplayClock } from '../server/clock/replayClock.ts';
import { deltaFromEntry } from '../server/journal/readJournalSince.ts';
import { planReplay } from '../server/replay/planReplay.ts';
import { readCallLog } from '../server/replay/readCallLog.ts';
import { intervalReport } from '../server/reports/intervalReport.ts';
import { basisFor, rebuildMeasurements } from '../server/reports/measurements.ts';
import { utilisationReport } from '../server/reports/utilisationReport.ts';
import { readUnits } from '../server/units/readUnits.ts';
import type { StreamEntry } from '../server/redis/streamEntry.ts';
import type { LngLat } from '../shared/geo/position.ts';
import type { IncidentCreatePayload } from '../shared/incidents/incidentSchema.ts';
import type { IntervalReport, ReportRangeInput } from '../shared/reports/intervalReportSchema.ts';
import { buildCallLog, callLogCsv } from '../test/replay/buildCallLog.ts';
import { replayAsDemo } from '../test/replay/replayAsDemo.ts';
import { processRssMiB, startBenchRedis } from './benchRedis.ts';
import { connectBenchSocket, type BenchSocket } from './benchSocket.ts';
import { startBenchPostgres } from './benchPostgres.ts';
import { startJoburgBenchServer } from './benchServer.ts';
import { pointInBbox, seededRandom } from './random.ts';
import { summarize, type Summary } from './stats.ts';
import { loadYearOfIncidents, type YearLoad } from './yearOfIncidents.ts';


export interface ArchiveBenchOptions {
  burst: {
    ratePerSecond: number;
    durationSeconds: number;
    /** Call-taker consoles the incidents are sent from, in turn. */
    callTakers: number;
    /** How often the lag is read during the burst. */
    sampleMs: number;
  };
  year: {
    incidents: number;
    days: number;
    /** Each report is timed `runs` times after `warmup` runs. */
    runs: number;
    warmup: number;
  };
  replay: { calls: number };
}

export interface BurstResult {
  /** The PostgreSQL server's version (`SHOW server_version`). */
  postgres: string;
  sent: number;
  acknowledged: number;
  refused: number;
  /** Acknowledged per second, first send to last acknowledgement. */
  achievedRate: number;
  /** Send → acknowledgement at the call-taker, with the archiver running. */
  ack: Summary;
  /** Lag samples read during the burst (first send to last acknowledgement). */
  samples: number;
  /** Journal entries not yet confirmed in PostgreSQL, over the samples. */
  lagEntries: Summary;
  /** Age of the oldest unconfirmed entry (ms, from its journal stamp), over the samples. */
  lagMs: Summary;
  /** The largest `seconds` `archiver.lag()` itself reported (whole seconds, as /api/health shows it). */
  reportedSecondsMax: number;
  /** From the last acknowledgement to the first read of a zero lag; null when it did not come within the timeout. */
  recoveryMs: number | null;
  headVersion: number;
  archived: { rows: number; distinct: number; min: number; max: number };
  /** Every version 1…head present once, and nothing else. */
  isExactlyOnce: boolean;
  incidentsArchived: number;
  processRssMiB: number;
}

export interface ReportSeries {
  label: string;
  latency: Summary;
  /** What the report answered (the last run), for scale. */
  incidents: number;
  unitResponses: number;
}

export interface YearReportResult {
  load: YearLoad;
  /** `pg_total_relation_size` (table, indexes, TOAST) of each table, bytes. */
  bytes: { incidents: number; unitResponses: number };
  year: ReportSeries;
  /** [RP2d] 300 days from mid-February at 07:00: parts of months and of days at both ends. */
  offset: ReportSeries;
  month: ReportSeries;
  day: ReportSeries;
  utilisation: { latency: Summary; units: number };
  /** The year report's own figures, for plausibility. */
  yearFigures: { flaggedRows: number; processingP50: number | null; processingP90: number | null; travelCount: number; travelP90: number | null };
  /** The year report counted every incident and unit response loaded. */
  isComplete: boolean;
}

export interface ReplayBenchResult {
  calls: number;
  rows: number;
  events: number;
  commandsSent: number;
  /** Rows refused by the reader plus commands refused by the server. */
  refused: number;
  refusalExamples: string[];
  /** runReplay end to end: sign-ins, fleet registration, every event, the wait for the archive and the report. */
  ms: number;
  /** From the replay's last event to the archive holding every change, ms (part of `ms`); null if not seen. */
  archiveWaitMs: number | null;
  rowsPerSecond: number;
  eventsPerSecond: number;
  replayedDays: number;
  reportIncidents: number | null;
}

export interface ArchiveBenchResult {
  options: ArchiveBenchOptions;
  postgres: string;
  burst: BurstResult;
  report: YearReportResult;
  replay: ReplayBenchResult;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, Math.max(0, ms)));

function archiveOf(server: CadServer): Archive {
  const archive = server.ctx.archive;
  if (!archive) throw new Error('the benchmark server started without its archive');
  return archive;
}

async function headVersion(server: CadServer): Promise<number> {
  return Number((await server.ctx.redis.get(server.ctx.keys.version)) ?? 0);
}

interface LagSample {
  at: number;
  entries: number;
  ageMs: number;
  reportedSeconds: number;
}

/** The lag as the server reports it, and the age of the oldest unconfirmed entry to the millisecond. */
async function sampleLag(server: CadServer): Promise<LagSample> {
  const lag = await archiveOf(server).archiver.lag();
  const at = performance.now();
  let ageMs = 0;
  if (lag.entries > 0) {
    const oldest = (await server.ctx.redis.xrange(server.ctx.keys.journal, `${lag.confirmedVersion + 1}-0`, '+', 'COUNT', 1)) as StreamEntry[];
    if (oldest[0]) ageMs = Math.max(0, Date.now() - deltaFromEntry(oldest[0]).at);
  }
  return { at, entries: lag.entries, ageMs, reportedSeconds: lag.seconds };
}

function pointInMetro(server: CadServer, random: () => number): LngLat {
  for (;;) {
    const at = pointInBbox(random);
    if (server.ctx.city.locate(at).isInsideMetro) return at;
  }
}

/**
 * [Bench 7.1] Incidents created at a steady rate from call-taker consoles (socket.io-client) against a server
 * with the archive; the archive's lag read every `sampleMs`; then the time until it is back to 0, and whether
 * PostgreSQL holds every journal version exactly once.
 */
async function benchBurst(options: ArchiveBenchOptions['burst']): Promise<BurstResult> {
  const redisServer = await startBenchRedis();
  const postgres = await startBenchPostgres();
  const server = await startJoburgBenchServer(redisServer.url, { databaseUrl: postgres.url, instanceId: 'bench' });
  const sockets: BenchSocket[] = [];
  try {
    const archive = archiveOf(server);
    // What start-up wrote (demo users, fleet) is archived before the burst, so the lag is the burst's alone.
    if (!(await archive.archiver.waitFor(await headVersion(server), 60_000))) throw new Error('the archive did not catch up with the start-up');
    for (let i = 0; i < options.callTakers; i += 1) sockets.push(await connectBenchSocket(server.url, 'calltaker'));

    const samples: LagSample[] = [];
    let isSampling = true;
    const sampler = (async () => {
      const start = performance.now();
      for (let tick = 0; isSampling; tick += 1) {
        samples.push(await sampleLag(server));
        await sleep(start + (tick + 1) * options.sampleMs - performance.now());
      }
    })();

    const random = seededRandom(50_060);
    const total = Math.round(options.ratePerSecond * options.durationSeconds);
    const intervalMs = 1000 / options.ratePerSecond;
    const ackMs: number[] = [];
    let refused = 0;
    let lastAckAt = 0;
    const runId = Date.now().toString(36);
    const start = performance.now();
    for (let i = 0; i < total; i += 1) {
      await sleep(start + i * intervalMs - performance.now());
      const socket = sockets[i % sockets.length];
      if (!socket) continue;
      const input: IncidentCreatePayload = {
        commandId: `bench-archive-${runId}-${String(i).padStart(5, '0')}`,
        type: 'medical_emergency',
        location: pointInMetro(server, random),
        locationNotes: 'benchmark',
        callerName: 'Bench Caller',
        callbackNumber: '082 555 0147',
        notes: 'synthetic incident for the archive benchmark',
      };
      const sentAt = performance.now();
      socket.emit('incident:create', input, (result) => {
        const at = performance.now();
        if (!result.ok) refused += 1;
        else ackMs.push(at - sentAt);
        lastAckAt = Math.max(lastAckAt, at);
      });
    }
    const drainDeadline = performance.now() + 60_000;
    while (ackMs.length + refused < total && performance.now() < drainDeadline) await sleep(10);
    const burstEnd = lastAckAt;

    // The recovery is read more often than the burst's samples, for its resolution.
    let recoveryMs: number | null = null;
    const recoveryDeadline = performance.now() + 120_000;
    while (performance.now() < recoveryDeadline) {
      const sample = await sampleLag(server);
      if (sample.entries === 0) {
        recoveryMs = Math.max(0, sample.at - burstEnd);
        break;
      }
      await sleep(20);
    }
    isSampling = false;
    await sampler;

    const head = await headVersion(server);
    await archive.archiver.waitFor(head, 60_000);
    const counts = await archive.pool.query<{ rows: string; distinct: string; min: string | null; max: string | null }>(
      'SELECT count(*) AS rows, count(DISTINCT version) AS distinct, min(version) AS min, max(version) AS max FROM journal',
    );
    const row = counts.rows[0];
    const archived = { rows: Number(row?.rows ?? 0), distinct: Number(row?.distinct ?? 0), min: Number(row?.min ?? 0), max: Number(row?.max ?? 0) };
    const incidentsArchived = Number((await archive.pool.query<{ n: string }>('SELECT count(*) AS n FROM incidents')).rows[0]?.n ?? 0);
    const during = samples.filter((sample) => sample.at >= start && sample.at <= burstEnd);
    return {
      postgres: postgres.version,
      sent: total,
      acknowledged: ackMs.length,
      refused,
      achievedRate: ackMs.length / ((burstEnd - start) / 1000),
      ack: summarize(ackMs),
      samples: during.length,
      lagEntries: summarize(during.map((sample) => sample.entries)),
      lagMs: summarize(during.map((sample) => sample.ageMs)),
      reportedSecondsMax: Math.max(0, ...during.map((sample) => sample.reportedSeconds)),
      recoveryMs,
      headVersion: head,
      archived,
      isExactlyOnce: archived.rows === head && archived.distinct === head && (head === 0 || (archived.min === 1 && archived.max === head)),
      incidentsArchived,
      processRssMiB: processRssMiB(),
    };
  } finally {
    for (const socket of sockets) socket.close();
    await server.close();
    await redisServer.cleanup();
    await postgres.cleanup();
  }
}

async function timeSeries<T>(options: ArchiveBenchOptions['year'], run: () => Promise<T>): Promise<{ latency: Summary; last: T }> {
  const samples: number[] = [];
  let last: T | null = null;
  for (let i = 0; i < options.warmup + options.runs; i += 1) {
    const t0 = performance.now();
    last = await run();
    const ms = performance.now() - t0;
    if (i >= options.warmup) samples.push(ms);
  }
  if (last === null) throw new Error('no run');
  return { latency: summarize(samples), last };
}

const DAY = 86_400_000;
/** The year the generated incidents fill: 2025 in Johannesburg (UTC+2, no daylight saving). */
const YEAR_FROM = Date.parse('2025-01-01T00:00:00+02:00');
const TIME_ZONE = 'Africa/Johannesburg';

async function tableBytes(pool: pg.Pool, table: string): Promise<number> {
  return Number((await pool.query<{ n: string }>('SELECT pg_total_relation_size($1::regclass) AS n', [table])).rows[0]?.n ?? 0);
}

/**
 * [Bench 7.2] The intervals report (and the utilisation report) over a year of incidents loaded into the
 * archive's tables in bulk: the whole year, 30 days and one day, each timed after a warm-up.
 */
async function benchYearReport(options: ArchiveBenchOptions['year']): Promise<YearReportResult> {
  const redisServer = await startBenchRedis();
  const postgres = await startBenchPostgres();
  const server = await startJoburgBenchServer(redisServer.url, { databaseUrl: postgres.url, instanceId: 'bench' });
  try {
    const { pool } = archiveOf(server);
    const city = server.ctx.city.data;
    const load = await loadYearOfIncidents(pool, { incidents: options.incidents, from: YEAR_FROM, days: options.days, seed: 2025 }, city.wards, city.fleet);
    // [RP2c] Rows loaded in bulk bypass the archiver: measured as an upgraded archive is at start (about 30 s for the year).
    await rebuildMeasurements(pool, basisFor(TIME_ZONE));
    const bytes = { incidents: await tableBytes(pool, 'incidents'), unitResponses: await tableBytes(pool, 'unit_responses') };
    const to = YEAR_FROM + options.days * DAY;
    const now = to + DAY;
    const middle = YEAR_FROM + Math.floor(options.days / 2) * DAY;
    const report = (range: ReportRangeInput) => () => intervalReport(pool, range, TIME_ZONE, now, 0);
    const series = async (label: string, range: ReportRangeInput): Promise<ReportSeries & { report: IntervalReport }> => {
      const { latency, last } = await timeSeries(options, report(range));
      return { label, latency, incidents: last.incidents, unitResponses: last.unitResponses, report: last };
    };
    const year = await series(`the whole range (${options.days} days)`, { from: YEAR_FROM, to });
    const offsetFrom = YEAR_FROM + 45 * DAY + 7 * 3_600_000;
    const offset = await series('300 days from 15 February 07:00', { from: offsetFrom, to: offsetFrom + 300 * DAY });
    const month = await series('30 days', { from: middle, to: middle + 30 * DAY });
    const day = await series('one day', { from: middle, to: middle + DAY });
    const ids = await server.ctx.redis.smembers(server.ctx.keys.unitIds);
    const fleet = (await readUnits(server.ctx, ids)).flatMap((unit) => (unit ? [unit] : []));
    const utilisation = await timeSeries(options, () => utilisationReport(pool, { from: YEAR_FROM, to }, fleet, now));
    const overall = (name: string) => year.report.overall.find((figure) => figure.interval === name);
    return {
      load,
      bytes,
      year: { label: year.label, latency: year.latency, incidents: year.incidents, unitResponses: year.unitResponses },
      offset: { label: offset.label, latency: offset.latency, incidents: offset.incidents, unitResponses: offset.unitResponses },
      month: { label: month.label, latency: month.latency, incidents: month.incidents, unitResponses: month.unitResponses },
      day: { label: day.label, latency: day.latency, incidents: day.incidents, unitResponses: day.unitResponses },
      utilisation: { latency: utilisation.latency, units: utilisation.last.units.length },
      yearFigures: {
        flaggedRows: year.report.flagged.rows,
        processingP50: overall('processing')?.p50 ?? null,
        processingP90: overall('processing')?.p90 ?? null,
        travelCount: overall('travel')?.count ?? 0,
        travelP90: overall('travel')?.p90 ?? null,
      },
      isComplete: year.incidents === load.incidents && year.unitResponses === load.unitResponses,
    };
  } finally {
    await server.close();
    await redisServer.cleanup();
    await postgres.cleanup();
  }
}

/** The generated log's unit kinds, as the replay test maps them. */
const KIND_MAP = { ALS: 'als', BLS: 'bls', ENGINE: 'fire_engine' };

/**
 * [Bench 7.3] A generated call log replayed through the public API (`runReplay`: HTTP sign-in, Socket.IO
 * commands) against a replay server with the archive, as fast as the server answers, to the report at the end.
 */
async function benchReplay(options: ArchiveBenchOptions['replay']): Promise<ReplayBenchResult> {
  const rows = buildCallLog(options.calls);
  const first = Math.min(...rows.map((row) => row.receivedAt));
  const redisServer = await startBenchRedis();
  const postgres = await startBenchPostgres();
  const server = await startJoburgBenchServer(redisServer.url, { databaseUrl: postgres.url, instanceId: 'bench', replayClock: new ReplayClock(first - 60_000) });
  try {
    const log = readCallLog(callLogCsv(rows), { kinds: KIND_MAP });
    const { events } = planReplay(log);
    let archiveWaitFrom: number | null = null;
    const t0 = performance.now();
    const result = await replayAsDemo(server.url, log, {
      // runReplay says this line once its last event is sent, before it waits for the archive.
      say: (line) => {
        if (line.startsWith('waiting for the archive')) archiveWaitFrom = performance.now();
      },
    });
    const end = performance.now();
    const ms = end - t0;
    const r = result.reconciliation;
    const commandsRefused = Object.values(r.commands.refused).reduce((sum, n) => sum + n, 0);
    const waitFrom: number | null = archiveWaitFrom;
    return {
      calls: r.calls,
      rows: rows.length,
      events: events.length,
      commandsSent: r.commands.sent,
      refused: r.rowsRefused.length + commandsRefused,
      refusalExamples: [...r.rowsRefused.slice(0, 5).map((row) => `line ${row.line}: ${row.reason}`), ...r.refusalExamples.slice(0, 5)],
      ms,
      archiveWaitMs: waitFrom === null ? null : end - waitFrom,
      rowsPerSecond: rows.length / (ms / 1000),
      eventsPerSecond: events.length / (ms / 1000),
      replayedDays: (result.to - result.from) / DAY,
      reportIncidents: result.report?.incidents ?? null,
    };
  } finally {
    await server.close();
    await redisServer.cleanup();
    await postgres.cleanup();
  }
}

/** [Bench 7] The record: the archive under a burst, the intervals report over a year, the replay's throughput. */
export async function benchArchive(options: ArchiveBenchOptions, say: (line: string) => void = () => undefined): Promise<ArchiveBenchResult> {
  say(`   7.1 archive lag under ${options.burst.ratePerSecond} incidents/s for ${options.burst.durationSeconds} s…`);
  const burst = await benchBurst(options.burst);
  say(`   7.2 intervals report over ${options.year.incidents.toLocaleString('en-US')} incidents…`);
  const report = await benchYearReport(options.year);
  say(`   7.3 replay of ${options.replay.calls.toLocaleString('en-US')} calls…`);
  const replay = await benchReplay(options.replay);
  return { options, postgres: burst.postgres, burst, report, replay };
}
