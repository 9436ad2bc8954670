import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Desk, PersonRole } from '../shared/auth/roles.ts';
import type { LngLat } from '../shared/geo/position.ts';
import { INCIDENT_TYPES, INCIDENT_TYPE_IDS, type IncidentTypeId } from '../shared/incidents/incidentTypes.ts';
import { CONTRACT, type AnswerOf, type CommandName } from '../shared/protocol/contract.ts';
import type { Result } from '../shared/protocol/result.ts';
import type { UnitStatus } from '../shared/units/unitStatus.ts';
import type { CadContext } from '../server/app/cadContext.ts';
import type { CommandCaller } from '../server/commands/commandCaller.ts';
import { runCommand } from '../server/commands/runCommand.ts';
import { pointInBbox, seededRandom } from './random.ts';

/** How one command fared over a shift: its end-to-end times and outcomes. */
export interface CommandTally {
  /** `runCommand` end to end, ms. */
  samples: number[];
  ok: number;
  /** Refusals by error code. */
  refused: Record<string, number>;
  /** Calls that `runCommand` appends to the audit record (every call, refusals, or reads of personal data). */
  audited: number;
}

export interface ShiftOptions {
  incidents: number;
  /** Incidents worked on at once; their steps interleave, one command at a time. */
  inFlight: number;
  seed: number;
  callTakers: number;
  dispatchers: number;
}

export interface ShiftResult {
  byCommand: Partial<Record<CommandName, CommandTally>>;
  commands: number;
  /** Commands `runCommand` should have appended to the audit record. */
  auditedExpected: number;
  incidentsCreated: number;
  incidentsClosed: number;
  unitsAssigned: number;
  elapsedMs: number;
}

/** The share of medical calls (the rest: every other incident type in turn). */
const MEDICAL_SHARE = 0.6;
const MEDICAL_TYPES = INCIDENT_TYPE_IDS.filter((id) => INCIDENT_TYPES[id].family === 'medical');
const OTHER_TYPES = INCIDENT_TYPE_IDS.filter((id) => INCIDENT_TYPES[id].family !== 'medical');
/** One call in this many: a call-taker tries `dispatch:assign` (refused: forbidden). */
const CALL_TAKER_ASSIGNS_EVERY = 20;
/** One incident in this many: the dispatcher reports on scene straight from dispatched (refused: transition not allowed). */
const SKIPPED_STATUS_EVERY = 25;

const NOTES = [
  'Caller reports elderly male collapsed in the kitchen, breathing, not responding to his name',
  'Two vehicles, one on its roof, driver still inside, bystanders on scene',
  'Smoke from the roof of a shack, neighbours using buckets, unknown if anyone inside',
  'Woman in labour, contractions two minutes apart, first baby, no transport',
  'Caller says three men with firearms entered the shop, caller hiding in the back',
];

/** A command id as the console makes one (a UUID's 32 hex digits). */
const newCommandId = (): string => randomUUID().replace(/-/g, '');

/** An in-process person: the benchmark measures the command path, so it builds the verified session itself (as bench 4 does). */
function person(role: PersonRole, username: string, extra: { desk?: Desk; unitId?: string } = {}): CommandCaller {
  const userId = `u${createHash('sha256').update(username).digest('hex').slice(0, 12)}`;
  return {
    session: { userId, username, displayName: username, role, sessionId: `s-${username}`, signedInAt: Date.now(), expiresAt: Number.MAX_SAFE_INTEGER, ...extra },
    transport: 'socket',
    clientKey: 'bench',
  };
}

/** A South African mobile number from a pool, so that some callers call again. */
function callbackNumber(random: () => number): string {
  const n = Math.floor(random() * 1_500);
  return `08${2 + (n % 3)} 555 ${String(1000 + n).padStart(4, '0')}`;
}

class Shift {
  readonly byCommand: Partial<Record<CommandName, CommandTally>> = {};
  readonly random: () => number;
  readonly callTakers: CommandCaller[];
  readonly dispatchers: CommandCaller[];
  readonly crews = new Map<string, CommandCaller>();
  commands = 0;
  auditedExpected = 0;
  incidentsCreated = 0;
  incidentsClosed = 0;
  unitsAssigned = 0;

  constructor(
    readonly ctx: CadContext,
    options: ShiftOptions,
  ) {
    this.random = seededRandom(options.seed);
    this.callTakers = Array.from({ length: options.callTakers }, (_, i) => person('call_taker', `ct-${String(i + 1).padStart(2, '0')}`));
    this.dispatchers = Array.from({ length: options.dispatchers }, (_, i) => person('dispatcher', `disp-${String(i + 1).padStart(2, '0')}`, { desk: 'combined' }));
  }

  crewOf(unitId: string): CommandCaller {
    const known = this.crews.get(unitId);
    if (known) return known;
    const crew = person('crew', `crew-${unitId}`, { unitId });
    this.crews.set(unitId, crew);
    return crew;
  }

  /** One command through `runCommand`, timed end to end and tallied. */
  async send<N extends CommandName>(name: N, caller: CommandCaller, payload: Record<string, unknown>): Promise<Result<AnswerOf<N>>> {
    const t0 = performance.now();
    const { result } = await runCommand(this.ctx, name, caller, payload);
    const ms = performance.now() - t0;
    const tally: CommandTally = this.byCommand[name] ?? { samples: [], ok: 0, refused: {}, audited: 0 };
    this.byCommand[name] = tally;
    tally.samples.push(ms);
    if (result.ok) tally.ok += 1;
    else tally.refused[result.error.code] = (tally.refused[result.error.code] ?? 0) + 1;
    // runCommand's rule for what goes into the audit record.
    const spec = CONTRACT[name];
    if (spec.audit === 'all' || !result.ok || ('readsPersonalData' in spec && spec.readsPersonalData === true)) {
      tally.audited += 1;
      this.auditedExpected += 1;
    }
    this.commands += 1;
    return result;
  }

  typeOf(i: number): IncidentTypeId {
    const pick = (list: readonly IncidentTypeId[]): IncidentTypeId => list[i % list.length] ?? 'medical_emergency';
    return this.random() < MEDICAL_SHARE ? pick(MEDICAL_TYPES) : pick(OTHER_TYPES);
  }

  pointInMetro(): LngLat {
    for (;;) {
      const at = pointInBbox(this.random);
      if (this.ctx.city.locate(at).isInsideMetro) return at;
    }
  }
}

/** The units to commit: the top candidates of each kind the plan still needs. */
function chosenUnits(recommendation: AnswerOf<'dispatch:recommend'>): string[] {
  return recommendation.byKind.flatMap((kind) => kind.candidates.slice(0, kind.needed).map((candidate) => candidate.unitId));
}

/**
 * One incident's life as the consoles drive it, a step per command: the call-taker looks up the number,
 * checks for duplicates and creates the incident; the combined desk recommends and assigns (again, if a
 * unit was taken meanwhile by another incident); each crew acknowledges; the dispatcher moves the units
 * en route, on scene and available; and closes the incident. Some refusals on the way.
 */
async function* incidentLife(shift: Shift, i: number): AsyncGenerator<void, void, void> {
  const callTaker = shift.callTakers[i % shift.callTakers.length];
  const dispatcher = shift.dispatchers[i % shift.dispatchers.length];
  if (!callTaker || !dispatcher) throw new Error('a shift needs at least one call-taker and one dispatcher');
  const number = callbackNumber(shift.random);
  const type = shift.typeOf(i);
  const location = shift.pointInMetro();

  await shift.send('caller:history', callTaker, { callbackNumber: number });
  yield;
  await shift.send('incident:duplicates', callTaker, { location, type });
  yield;
  const created = await shift.send('incident:create', callTaker, {
    commandId: newCommandId(),
    type,
    location,
    locationNotes: 'Corner of the street, opposite the spaza shop',
    callerName: 'Bench Caller',
    callbackNumber: number,
    notes: NOTES[i % NOTES.length] ?? '',
    callStartedAt: shift.ctx.now() - 45_000,
  });
  if (!created.ok) return;
  shift.incidentsCreated += 1;
  const incidentId = created.data.id;
  yield;

  if (i % CALL_TAKER_ASSIGNS_EVERY === CALL_TAKER_ASSIGNS_EVERY - 1) {
    await shift.send('dispatch:assign', callTaker, { commandId: newCommandId(), incidentId, unitIds: ['als-a01'] });
    yield;
  }

  let units: string[] = [];
  for (let attempt = 0; attempt < 3 && units.length === 0; attempt += 1) {
    const recommendation = await shift.send('dispatch:recommend', dispatcher, { incidentId });
    yield;
    if (!recommendation.ok) break;
    const chosen = chosenUnits(recommendation.data);
    if (chosen.length === 0) break;
    const assigned = await shift.send('dispatch:assign', dispatcher, { commandId: newCommandId(), incidentId, unitIds: chosen });
    yield;
    if (assigned.ok) units = chosen;
  }
  shift.unitsAssigned += units.length;

  for (const unitId of units) {
    await shift.send('unit:acknowledge', shift.crewOf(unitId), { commandId: newCommandId(), unitId });
    yield;
  }
  const first = units[0];
  if (first !== undefined && i % SKIPPED_STATUS_EVERY === SKIPPED_STATUS_EVERY - 1) {
    await shift.send('unit:status', dispatcher, { commandId: newCommandId(), unitId: first, status: 'on_scene' });
    yield;
  }
  const steps: UnitStatus[] = ['en_route', 'on_scene', 'available'];
  for (const status of steps) {
    for (const unitId of units) {
      await shift.send('unit:status', dispatcher, { commandId: newCommandId(), unitId, status });
      yield;
    }
  }
  const closed = await shift.send('incident:close', dispatcher, { commandId: newCommandId(), incidentId, disposition: 'treated_on_scene' });
  if (closed.ok) shift.incidentsClosed += 1;
}

/**
 * Drives `options.incidents` incidents through `runCommand` with in-process callers of each role,
 * `options.inFlight` at a time, their steps interleaved round-robin and run one command at a time.
 */
export async function driveShift(ctx: CadContext, options: ShiftOptions): Promise<ShiftResult> {
  const shift = new Shift(ctx, options);
  const running: AsyncGenerator<void, void, void>[] = [];
  let started = 0;
  const start = performance.now();
  while (started < options.incidents || running.length > 0) {
    while (running.length < options.inFlight && started < options.incidents) {
      running.push(incidentLife(shift, started));
      started += 1;
    }
    for (let k = running.length - 1; k >= 0; k -= 1) {
      const life = running[k];
      if (life && (await life.next()).done) running.splice(k, 1);
    }
  }
  return {
    byCommand: shift.byCommand,
    commands: shift.commands,
    auditedExpected: shift.auditedExpected,
    incidentsCreated: shift.incidentsCreated,
    incidentsClosed: shift.incidentsClosed,
    unitsAssigned: shift.unitsAssigned,
    elapsedMs: performance.now() - start,
  };
}
