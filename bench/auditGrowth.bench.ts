import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { CONTRACT, type CommandName } from '../shared/protocol/contract.ts';
import type { CadContext } from '../server/app/cadContext.ts';
import { startJoburgBenchServer } from './benchServer.ts';
import { appendAudit } from '../server/audit/appendAudit.ts';
import { DEMO_PASSWORD } from '../server/auth/demoUsers.ts';
import { verifyPassword } from '../server/auth/passwordHash.ts';
import { issueToken, resolveSession } from '../server/auth/resolveSession.ts';
import { findUserByName } from '../server/auth/userStore.ts';
import { redisKeys, type RedisKeys } from '../server/redis/keys.ts';
import { nodeForKey } from '../server/redis/nodeForKey.ts';
import { aofGrowthSince, markAof } from './aofGrowth.ts';
import { addBytes, auditFootprint, footprintTotal, growthOf, patternBytes, AUDIT_KEY_FAMILIES, type AuditFootprint, type AuditKeyFamily, type KeyBytes } from './auditKeys.ts';
import { processRssMiB, redisUsedMemory, startBenchRedis } from './benchRedis.ts';
import { driveShift, type ShiftResult } from './shiftDrive.ts';
import { summarize, type Summary } from './stats.ts';


/**
 * The projection's basis, an assumption and not a measurement: Johannesburg's Emergency Connect
 * taking about 3,000 incidents a day.
 */
export const ASSUMED_INCIDENTS_PER_DAY = 3_000;

export interface AuditGrowthOptions {
  incidents: number;
  /** Incidents driven before the measured ones (JIT, script cache, the users' and units' index keys). */
  warmupIncidents: number;
  inFlight: number;
  callTakers: number;
  dispatchers: number;
  sessionResolves: number;
  passwordChecks: number;
  /** Samples of each single step of the command path, timed alone. */
  probes: number;
}

export interface CommandRow {
  name: CommandName;
  calls: number;
  audited: number;
  refused: number;
  latency: Summary;
}

/** The audit record's growth per day at the assumed load (MB = 10⁶ bytes, GB = 10⁹). */
export interface AuditProjection {
  incidentsPerDay: number;
  entriesPerDay: number;
  memoryMBPerDay: number;
  /** Audit commands appended to the AOF. */
  aofAuditMBPerDay: number;
  /** Everything the command path appends to the AOF (until a rewrite compacts what is not the audit). */
  aofTotalMBPerDay: number;
  /** The audit record as an RDB (a rewritten AOF's base) holds it. */
  serializedMBPerDay: number;
  memoryGBPerYear: number;
  aofAuditGBPerYear: number;
  serializedGBPerYear: number;
  /** Command-id keys (stored answer + fingerprint) held at once: they expire after 24 h. */
  commandIdMBHeld: number;
}

export interface AuditGrowthResult {
  options: AuditGrowthOptions;
  shift: Omit<ShiftResult, 'byCommand'> & { commandsPerSecond: number };
  commands: CommandRow[];
  /** XLEN of the audit stream after − before the measured incidents. */
  auditEntries: number;
  entriesPerIncident: number;
  refusals: number;
  refusalCodes: Record<string, number>;
  /** The audit keys' growth over the measured incidents, by family. */
  memory: Record<AuditKeyFamily, KeyBytes>;
  after: AuditFootprint;
  memoryPerEntry: number;
  serializedPerEntry: number;
  aof: { growthBytes: number; auditBytes: number; byFamily: Record<string, number>; commands: number; isRewritten: boolean; perIncident: number; auditPerEntry: number; fsType: string };
  commandIds: { journaledCommands: number; growth: KeyBytes; perJournaledCommand: number };
  projection: AuditProjection;
  unitStatus: Summary;
  incidentCreate: Summary;
  session: Summary;
  password: { log2N: number; latency: Summary };
  probes: { ping: Summary; rateLimit: Summary; fingerprint: Summary; storedAnswer: Summary; appendAudit: Summary };
  redisUsedBytes: { before: number; after: number };
  redisMemory: string;
  processRssMiB: number;
}

async function usedMemoryBytes(redis: Redis): Promise<number> {
  const match = /^used_memory:(\d+)/m.exec(await redis.info('memory'));
  return Number(match?.[1] ?? Number.NaN);
}

function fileSystemOf(dir: string): string {
  try {
    return execFileSync('stat', ['-f', '-c', '%T', dir], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** The AOF family of a key: the audit record, rate limits, command ids, the journal, or the live state. */
function aofFamily(keys: RedisKeys): (key: string) => string {
  const commandIds = [keys.command(''), keys.commandFingerprint('')];
  return (key) => {
    if (key === keys.audit || key.startsWith(`${keys.audit}:`)) return 'audit';
    if (key.startsWith(keys.rateLimitPrefix)) return 'rate limits';
    if (commandIds.some((prefix) => key.startsWith(prefix))) return 'command ids';
    if (key === keys.journal || key === keys.version) return 'journal';
    return 'state';
  };
}

async function timeEach(count: number, step: (i: number) => Promise<unknown>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t0 = performance.now();
    await step(i);
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/** Each single step of a journaled command's path, timed alone, against keys of their own. */
async function timeProbes(ctx: CadContext, count: number): Promise<AuditGrowthResult['probes']> {
  const keys = redisKeys('bench5probe');
  const probeCtx: CadContext = { ...ctx, keys };
  const runId = Date.now().toString(36);
  const summary = JSON.stringify({ commandId: 'f'.repeat(32), unitId: 'als-a01', status: 'en_route' });
  return {
    ping: await timeEach(count, () => ctx.redis.ping()),
    rateLimit: await timeEach(count, () => ctx.limits.consume('command', `probe-${runId}`)),
    fingerprint: await timeEach(count, (i) => ctx.redis.set(keys.commandFingerprint(`${runId}-${i}`), 'unit:status 0123456789abcdefghijkl', 'EX', 86_400, 'NX')),
    storedAnswer: await timeEach(count, (i) => ctx.redis.get(keys.command(`${runId}-${i}`))),
    appendAudit: await timeEach(count, () =>
      appendAudit(probeCtx, {
        at: ctx.now(),
        command: 'unit:status',
        transport: 'socket',
        userId: 'u0123456789ab',
        username: 'disp-01',
        role: 'dispatcher',
        desk: 'combined',
        unitId: null,
        outcome: 'ok',
        incidentId: null,
        unitIds: ['als-a01'],
        summary,
      }),
    ),
  };
}

function projectionOf(entriesPerIncident: number, memoryPerEntry: number, aofAuditPerEntry: number, aofPerIncident: number, serializedPerEntry: number, commandIdBytesPerIncident: number): AuditProjection {
  const incidentsPerDay = ASSUMED_INCIDENTS_PER_DAY;
  const entriesPerDay = incidentsPerDay * entriesPerIncident;
  const mb = (bytes: number): number => bytes / 1e6;
  const gb = (bytes: number): number => bytes / 1e9;
  return {
    incidentsPerDay,
    entriesPerDay,
    memoryMBPerDay: mb(entriesPerDay * memoryPerEntry),
    aofAuditMBPerDay: mb(entriesPerDay * aofAuditPerEntry),
    aofTotalMBPerDay: mb(incidentsPerDay * aofPerIncident),
    serializedMBPerDay: mb(entriesPerDay * serializedPerEntry),
    memoryGBPerYear: gb(365 * entriesPerDay * memoryPerEntry),
    aofAuditGBPerYear: gb(365 * entriesPerDay * aofAuditPerEntry),
    serializedGBPerYear: gb(365 * entriesPerDay * serializedPerEntry),
    commandIdMBHeld: mb(incidentsPerDay * commandIdBytesPerIncident),
  };
}

function commandRows(shift: ShiftResult): CommandRow[] {
  return (Object.keys(shift.byCommand) as CommandName[]).flatMap((name) => {
    const tally = shift.byCommand[name];
    if (!tally) return [];
    const refused = Object.values(tally.refused).reduce((sum, n) => sum + n, 0);
    return [{ name, calls: tally.samples.length, audited: tally.audited, refused, latency: summarize(tally.samples) }];
  });
}

/**
 * [Bench 5] A shift's mix of commands through `runCommand` (the one command path, audit append included)
 * against an in-process server on the Johannesburg city, with Redis's production AOF settings: how many
 * audit entries an incident leaves, what they cost in memory and on disk, the projection per day at city
 * load, and the cost of the command path, a session check and a sign-in's password check.
 */
export async function benchAuditGrowth(options: AuditGrowthOptions): Promise<AuditGrowthResult> {
  const redisServer = await startBenchRedis();
  // The rate limit is counted on every command; its ceiling is raised (see BENCH_RATE_LIMITS).
  const server = await startJoburgBenchServer(redisServer.url);
  try {
    const { ctx } = server;
    const { keys } = ctx;
    // The bench's Redis is one node; `nodeForKey` gives its connection with the node's own commands (INFO, SCAN, CONFIG).
    const redis = nodeForKey(ctx.redis, keys.version);
    // Measure what is appended: no automatic rewrite may fold the AOF meanwhile.
    await redis.call('CONFIG', 'SET', 'auto-aof-rewrite-percentage', '0');
    const shiftOptions = { inFlight: options.inFlight, callTakers: options.callTakers, dispatchers: options.dispatchers };
    await driveShift(ctx, { ...shiftOptions, incidents: options.warmupIncidents, seed: 5_000_011 });

    const commandIdBytes = async (): Promise<KeyBytes> => {
      const [answers, fingerprints] = await Promise.all([patternBytes(redis, `${keys.command('')}*`), patternBytes(redis, `${keys.commandFingerprint('')}*`)]);
      return addBytes(answers, fingerprints);
    };
    const xlenBefore = await redis.xlen(keys.audit);
    const footprintBefore = await auditFootprint(redis, keys);
    const commandIdsBefore = await commandIdBytes();
    const usedBefore = await usedMemoryBytes(redis);
    const aofMark = markAof(redisServer.dataDir);

    const shift = await driveShift(ctx, { ...shiftOptions, incidents: options.incidents, seed: 5_000_021 });

    const aof = aofGrowthSince(redisServer.dataDir, aofMark, aofFamily(keys));
    const usedAfter = await usedMemoryBytes(redis);
    const auditEntries = (await redis.xlen(keys.audit)) - xlenBefore;
    const footprintAfter = await auditFootprint(redis, keys);
    const commandIdsAfter = await commandIdBytes();

    const memory = Object.fromEntries(AUDIT_KEY_FAMILIES.map((family) => [family, growthOf(footprintAfter[family], footprintBefore[family])])) as Record<AuditKeyFamily, KeyBytes>;
    const growth = growthOf(footprintTotal(footprintAfter), footprintTotal(footprintBefore));
    const incidents = Math.max(1, shift.incidentsCreated);
    const entries = Math.max(1, auditEntries);
    const entriesPerIncident = auditEntries / incidents;
    const memoryPerEntry = growth.memoryBytes / entries;
    const serializedPerEntry = growth.serializedBytes / entries;
    const auditAofBytes = aof.byFamily.audit ?? 0;
    const aofPerIncident = aof.totalBytes / incidents;
    const rows = commandRows(shift);
    const journaledCommands = rows
      .filter((row) => CONTRACT[row.name].isJournaled)
      .reduce((sum, row) => sum + row.calls, 0);
    const commandIdGrowth = growthOf(commandIdsAfter, commandIdsBefore);
    const refusalCodes: Record<string, number> = {};
    for (const tally of Object.values(shift.byCommand)) {
      for (const [code, n] of Object.entries(tally.refused)) refusalCodes[code] = (refusalCodes[code] ?? 0) + n;
    }

    // A real token of a real user, checked as every command and read does.
    const user = await findUserByName(ctx, 'dispatcher');
    if (!user) throw new Error('the demo user `dispatcher` was not seeded');
    const { token } = await issueToken(ctx, user, 'combined');
    for (let i = 0; i < 100; i += 1) await resolveSession(ctx, token);
    let unresolved = 0;
    const session = await timeEach(options.sessionResolves, async () => {
      if ((await resolveSession(ctx, token)) === null) unresolved += 1;
    });
    if (unresolved > 0) throw new Error(`resolveSession refused a valid token ${unresolved} times`);

    const log2N = Number(user.passwordHash.split('$')[1]);
    let mismatched = 0;
    const password = await timeEach(options.passwordChecks, async () => {
      if (!(await verifyPassword(DEMO_PASSWORD, user.passwordHash))) mismatched += 1;
    });
    if (mismatched > 0) throw new Error(`verifyPassword rejected the demo password ${mismatched} times`);

    const probes = await timeProbes(ctx, options.probes);
    const { byCommand, ...shiftFigures } = shift;
    return {
      options,
      shift: { ...shiftFigures, commandsPerSecond: (shift.commands / shift.elapsedMs) * 1000 },
      commands: rows,
      auditEntries,
      entriesPerIncident,
      refusals: Object.values(refusalCodes).reduce((sum, n) => sum + n, 0),
      refusalCodes,
      memory,
      after: footprintAfter,
      memoryPerEntry,
      serializedPerEntry,
      aof: {
        growthBytes: aof.totalBytes,
        auditBytes: auditAofBytes,
        byFamily: aof.byFamily,
        commands: aof.commands,
        isRewritten: aof.isRewritten,
        perIncident: aofPerIncident,
        auditPerEntry: auditAofBytes / entries,
        fsType: fileSystemOf(redisServer.dataDir),
      },
      commandIds: { journaledCommands, growth: commandIdGrowth, perJournaledCommand: commandIdGrowth.memoryBytes / Math.max(1, journaledCommands) },
      projection: projectionOf(entriesPerIncident, memoryPerEntry, auditAofBytes / entries, aofPerIncident, serializedPerEntry, commandIdGrowth.memoryBytes / incidents),
      unitStatus: summarize(byCommand['unit:status']?.samples ?? []),
      incidentCreate: summarize(byCommand['incident:create']?.samples ?? []),
      session,
      password: { log2N, latency: password },
      probes,
      redisUsedBytes: { before: usedBefore, after: usedAfter },
      redisMemory: await redisUsedMemory(redis),
      processRssMiB: processRssMiB(),
    };
  } finally {
    await server.close();
    await redisServer.cleanup();
  }
}
