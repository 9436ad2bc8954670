import { Redis } from 'ioredis';
import { redisKeys } from '../server/redis/keys.ts';
import { withBenchProcesses } from './load/benchProcesses.ts';
import { cpuProfileDirIf, summarizeCpuProfile, type ProfileSummary } from './load/cpuProfileSummary.ts';
import { redisCpuMs } from './load/redisCpu.ts';
import type { RunSummary } from './load/loadProtocol.ts';

export interface AssignRaceOptions {
  /** Synthetic units seeded, all available: each is raced once. */
  units: number;
  /** Dispatcher consoles (combined desk), every one racing for every unit. */
  dispatchers: number;
  /** Incidents each dispatcher assigns to, in turn (created first, by the dispatchers). */
  incidentsPerDispatcher: number;
  /** Assigns outstanding per dispatcher socket (closed loop: the next goes as an answer comes). */
  inFlightPerSocket: number;
  /** The race stops after this long, or once every unit has been raced. */
  durationSeconds: number;
}

export interface AssignRaceCheck {
  /** Units for which some dispatcher got ok. */
  unitsWon: number;
  /** Units with more than one ok answer (a double booking by the answers). */
  unitsWonTwice: number;
  /** Ok answers whose unit record does not name their incident as `dispatched`. */
  okNotInUnitRecord: number;
  /** Ok answers whose incident does not list the unit. */
  okNotInIncident: number;
  /** Units listed on more than one incident. */
  unitsOnSeveralIncidents: number;
  /** Units committed (not available) in the store that no ok answer accounts for. */
  committedWithoutOk: number;
  /** `dispatch:assigned` entries in the journal, against ok answers. */
  journalAssigned: number;
  isConsistent: boolean;
}

export interface AssignRaceResult {
  options: AssignRaceOptions;
  incidentsCreated: number;
  race: Omit<RunSummary, 'okKeys'>;
  /** Every answer (ok or refused) per second. */
  assignsPerSecond: number;
  okAnswers: number;
  check: AssignRaceCheck;
  serverCpuMs: number;
  /** CPU the Redis server and the load generator used during the race (the three share the machine's CPUs). */
  redisCpuMs: number;
  generatorCpuMs: number;
  serverPeakRssMiB: number;
  /** Where the server's time went (`ASSIGN_PROFILE=1`), or null. */
  profile: ProfileSummary | null;
}

export const ASSIGN_RACE_QUICK: AssignRaceOptions = { units: 2_000, dispatchers: 5, incidentsPerDispatcher: 40, inFlightPerSocket: 8, durationSeconds: 5 };
export const ASSIGN_RACE_FULL: AssignRaceOptions = { units: 10_000, dispatchers: 5, incidentsPerDispatcher: 200, inFlightPerSocket: 8, durationSeconds: 20 };

interface StoredIncidentDoc {
  assignments?: { unitId: string }[];
}

/** Reads the store after the race: every ok answer is one commitment, no unit is on two incidents. */
async function checkStore(redis: Redis, tag: string, okKeys: readonly string[], racedUnits: readonly string[], incidentIds: readonly string[]): Promise<AssignRaceCheck> {
  const keys = redisKeys(tag);
  const winsByUnit = new Map<string, string[]>();
  for (const key of okKeys) {
    const [unitId = '', incidentId = ''] = key.split('>');
    winsByUnit.set(unitId, [...(winsByUnit.get(unitId) ?? []), incidentId]);
  }
  const unitReplies = await redis.pipeline(racedUnits.map((id) => ['hmget', keys.unit(id), 'status', 'incidentId'])).exec();
  const unitState = new Map<string, { status: string; incidentId: string }>();
  racedUnits.forEach((id, i) => {
    const reply = unitReplies?.[i]?.[1];
    const [status = '', incidentId = ''] = Array.isArray(reply) ? reply.map((v) => (typeof v === 'string' ? v : '')) : [];
    unitState.set(id, { status, incidentId });
  });
  const docReplies = await redis.pipeline(incidentIds.map((id) => ['hget', keys.incident(id), 'doc'])).exec();
  const incidentsOfUnit = new Map<string, Set<string>>();
  incidentIds.forEach((incidentId, i) => {
    const doc = docReplies?.[i]?.[1];
    if (typeof doc !== 'string') return;
    for (const assignment of (JSON.parse(doc) as StoredIncidentDoc).assignments ?? []) {
      const set = incidentsOfUnit.get(assignment.unitId) ?? new Set<string>();
      set.add(incidentId);
      incidentsOfUnit.set(assignment.unitId, set);
    }
  });
  let okNotInUnitRecord = 0;
  let okNotInIncident = 0;
  for (const [unitId, incidents] of winsByUnit) {
    for (const incidentId of incidents) {
      const state = unitState.get(unitId);
      if (state?.status !== 'dispatched' || state.incidentId !== incidentId) okNotInUnitRecord += 1;
      if (!incidentsOfUnit.get(unitId)?.has(incidentId)) okNotInIncident += 1;
    }
  }
  const committedWithoutOk = racedUnits.filter((id) => unitState.get(id)?.status !== 'available' && !winsByUnit.has(id)).length;
  const journal = await redis.xrange(keys.journal, '-', '+');
  const journalAssigned = journal.filter(([, fields]) => fields[1] === 'dispatch:assigned').length;
  const unitsWonTwice = [...winsByUnit.values()].filter((incidents) => incidents.length > 1).length;
  const unitsOnSeveralIncidents = [...incidentsOfUnit.values()].filter((set) => set.size > 1).length;
  return {
    unitsWon: winsByUnit.size,
    unitsWonTwice,
    okNotInUnitRecord,
    okNotInIncident,
    unitsOnSeveralIncidents,
    committedWithoutOk,
    journalAssigned,
    isConsistent: unitsWonTwice === 0 && okNotInUnitRecord === 0 && okNotInIncident === 0 && unitsOnSeveralIncidents === 0 && committedWithoutOk === 0 && journalAssigned === okKeys.length,
  };
}

/**
 * [Bench: conflicting assignments] `dispatchers` consoles (real socket.io-client connections in a load-generator
 * process) race for every one of `units` available units in the same order, each assigning it to one of its own
 * incidents, closed-loop, as fast as the server answers, against a server in its own process. Counts every answer
 * (ok or `unit_not_available`) per second, then reads the store: each unit on at most one incident, each ok answer
 * exactly one commitment (unit record, incident, journal).
 */
export async function benchAssignRace(options: AssignRaceOptions, log: (line: string) => void = () => undefined): Promise<AssignRaceResult> {
  // `ASSIGN_PROFILE=1`: the server is CPU-profiled, for a look at where the time goes.
  const profileDir = cpuProfileDirIf(process.env.ASSIGN_PROFILE === '1', 'assign');
  const result = await withBenchProcesses({ syntheticUnits: options.units, ...(profileDir ? { cpuProfileDir: profileDir } : {}) }, async ({ redisPort, host, load }) => {
    const sessions = await host.call('sessions', { crewUnitIds: [], dispatchers: options.dispatchers, callTakers: 0 });
    await load.call('connect', { group: 'dispatchers', url: host.ready.url, sockets: sessions.dispatchers, concurrency: 10, timeoutMs: 20_000 });
    const incidentCount = options.dispatchers * options.incidentsPerDispatcher;
    const points = await host.call('metroPoints', { count: incidentCount, seed: 44_021 });
    const createRate = 200;
    const created = await load.call('run', {
      group: 'dispatchers',
      plan: { kind: 'incident', type: 'medical_emergency', points },
      pace: { kind: 'rate', ratePerSecond: createRate },
      durationSeconds: incidentCount / createRate,
      drainMs: 10_000,
      maxInFlightPerSocket: 32,
      collectOk: true,
    });
    const incidentIds = created.okKeys;
    log(`  ${incidentIds.length} incidents created (${JSON.stringify(created.outcomes)})`);
    const incidentIdsBySocket = Array.from({ length: options.dispatchers }, (_, s) => incidentIds.filter((_id, i) => i % options.dispatchers === s));
    const racedUnits = host.ready.syntheticUnitIds;
    const redis = new Redis({ port: redisPort, host: '127.0.0.1', lazyConnect: false });
    try {
      const redisCpuBefore = await redisCpuMs(redis);
      await host.call('probe', { reset: true });
      const { okKeys, ...race } = await load.call('run', {
        group: 'dispatchers',
        plan: { kind: 'assign', unitIds: racedUnits, incidentIdsBySocket },
        pace: { kind: 'closed', inFlightPerSocket: options.inFlightPerSocket },
        durationSeconds: options.durationSeconds,
        drainMs: 10_000,
        maxInFlightPerSocket: 32,
        collectOk: true,
      });
      const probe = await host.call('probe', { reset: false });
      const redisCpu = (await redisCpuMs(redis)) - redisCpuBefore;
      const check = await checkStore(redis, 'jhb', okKeys, racedUnits, incidentIds);
      const assignsPerSecond = race.answeredPerSecond;
      log(`  ${race.answered} assigns answered in ${(race.elapsedMs / 1000).toFixed(1)} s: ${Math.round(assignsPerSecond)}/s, ${JSON.stringify(race.outcomes)}, ack p50 ${race.ack.p50.toFixed(1)} p99 ${race.ack.p99.toFixed(1)} ms; check ${JSON.stringify(check)}; CPU (ms): server ${Math.round(probe.cpuMs)}, Redis ${Math.round(redisCpu)}, load generator ${Math.round(race.generatorCpuMs)}`);
      return { options, incidentsCreated: incidentIds.length, race, assignsPerSecond, okAnswers: okKeys.length, check, serverCpuMs: probe.cpuMs, redisCpuMs: redisCpu, generatorCpuMs: race.generatorCpuMs, serverPeakRssMiB: probe.peakRssMiB, profile: null };
    } finally {
      redis.disconnect();
    }
  });
  if (!profileDir) return result;
  const profile = summarizeCpuProfile(profileDir);
  log(`  server CPU profile: ${JSON.stringify(profile)}`);
  return { ...result, profile };
}
