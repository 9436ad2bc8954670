import { loadavg } from 'node:os';
import { busyShare, machineCpu, stealShare } from './load/machineCpu.ts';
import { settledText, settleMachine, type Settled } from './load/settleMachine.ts';
import { benchAssignRace, ASSIGN_RACE_FULL, ASSIGN_RACE_QUICK, type AssignRaceResult } from './assignRace.bench.ts';
import { benchBurstUnderPositions, BURST_FULL, BURST_QUICK, type BurstUnderPositionsResult } from './burstUnderPositions.bench.ts';
import { benchConsoleFrames, type ConsoleFramesResult } from './console/consoleFrames.bench.ts';
import { CONSOLE_FRAMES_FULL, CONSOLE_FRAMES_QUICK } from './console/consoleFramesOptions.ts';
import { consoleFramesFacts, consoleFramesGoals, consoleFramesTable } from './console/consoleFramesReport.ts';
import { benchColdStart, type ColdStartResult } from './coldStart.bench.ts';
import { coldStartBreakdown, coldStartFacts, coldStartGoals, coldStartTable } from './coldStartReport.ts';
import type { GoalCheck } from './goals.ts';
import { benchNearestAvailable, type NearestResult } from './nearestAvailable.bench.ts';
import { nearestGoals, nearestRadiusTable, nearestScaleFacts } from './nearestScaleReport.ts';
import { nearestTable } from './report.ts';
import { benchIngest, INGEST_FULL, INGEST_QUICK, type IngestResult } from './ingest.bench.ts';
import { assignRaceFacts, assignRaceGoals, assignRaceTable } from './load/assignRaceReport.ts';
import { burstUnderPositionsFacts, burstUnderPositionsGoals, burstUnderPositionsTable } from './load/burstUnderPositionsReport.ts';
import { ingestFacts, ingestGoals, ingestTable } from './load/ingestReport.ts';
import { memoryAtScaleFacts, memoryAtScaleGoals, memoryAtScaleTable } from './load/memoryAtScaleReport.ts';
import { reconnectStormFacts, reconnectStormGoals, reconnectStormTable } from './load/reconnectStormReport.ts';
import { benchMemoryAtScale, MEMORY_AT_SCALE_FULL, MEMORY_AT_SCALE_QUICK, type MemoryAtScaleResult } from './memoryAtScale.bench.ts';
import { benchReconnectStorm, RECONNECT_STORM_FULL, RECONNECT_STORM_QUICK, type ReconnectStormResult } from './reconnectStorm.bench.ts';

/** One benchmark of the city-scale set: its section of docs/benchmarks.md and its goals. */
export interface ScaleSection {
  number: number;
  title: string;
  /** 1-minute load average before it ran. */
  loadBefore: number;
  /** How the machine was found before it ran (`sync`, then a wait for quiet). */
  settled: Settled;
  /** Over its run: the machine's busy share and the share the hypervisor took (steal), 0–1, null off Linux. */
  machine: { busy: number | null; steal: number | null };
  /** The markdown body (tables, then facts). */
  body: string;
  goals: GoalCheck[];
  /** The figures as measured, for docs/benchmarks.json. */
  result: unknown;
}

interface ScaleBench<R> {
  number: number;
  title: (result: R) => string;
  run: (quick: boolean, log: (line: string) => void) => Promise<R>;
  body: (result: R) => string;
  goals: (result: R) => GoalCheck[];
}

const define = <R>(bench: ScaleBench<R>): ScaleBench<R> => bench;
const both = (table: string, facts: string): string => `${table}\n\n${facts}`;

/**
 * [Issue 11, part 8] The city-scale benchmarks: the load from real socket.io-client connections in a process of its
 * own, the server alone in its process, each on its own Redis, loopback only, each bounded in time.
 */
const BENCHES = [
  define<NearestResult>({
    number: 8,
    title: (r) => `Nearest available unit of a kind over ${r.options.units.toLocaleString('en-US')} units`,
    run: (quick) => benchNearestAvailable(quick ? { units: 100_000, queries: 200, wanted: 5, warmup: 20 } : { units: 1_000_000, queries: 5_000, wanted: 5, warmup: 2_000 }),
    body: (r) => `${nearestTable(r)}\n\n${nearestRadiusTable(r)}\n\n${nearestScaleFacts(r)}`,
    goals: nearestGoals,
  }),
  define<IngestResult>({
    number: 9,
    title: () => 'Position ingest at rising rates, beside the raw GEOADD rate of the same Redis',
    run: (quick, log) => benchIngest(quick ? INGEST_QUICK : INGEST_FULL, log),
    body: (r) => both(ingestTable(r), ingestFacts(r)),
    goals: ingestGoals,
  }),
  define<BurstUnderPositionsResult>({
    number: 10,
    title: (r) => `Incident burst ${r.options.incidentsPerSecond}/s for ${r.options.durationSeconds} s beside positions at five times city load`,
    run: (quick, log) => benchBurstUnderPositions(quick ? BURST_QUICK : BURST_FULL, log),
    body: (r) => both(burstUnderPositionsTable(r), burstUnderPositionsFacts(r)),
    goals: burstUnderPositionsGoals,
  }),
  define<AssignRaceResult>({
    number: 11,
    title: () => 'Conflicting assignments: dispatchers racing for every unit',
    run: (quick, log) => benchAssignRace(quick ? ASSIGN_RACE_QUICK : ASSIGN_RACE_FULL, log),
    body: (r) => both(assignRaceTable(r), assignRaceFacts(r)),
    goals: assignRaceGoals,
  }),
  define<ReconnectStormResult>({
    number: 12,
    title: (r) => `Reconnect storm: ${r.options.crews} crews and ${r.options.consoles} consoles at once, ${r.options.openIncidents.toLocaleString('en-US')} open incidents`,
    run: (quick, log) => benchReconnectStorm(quick ? RECONNECT_STORM_QUICK : RECONNECT_STORM_FULL, log),
    body: (r) => both(reconnectStormTable(r), reconnectStormFacts(r)),
    goals: reconnectStormGoals,
  }),
  define<MemoryAtScaleResult>({
    number: 13,
    title: (r) => `Server memory at ${r.options.units.toLocaleString('en-US')} units and ${r.options.consoles} consoles`,
    run: (quick, log) => benchMemoryAtScale(quick ? MEMORY_AT_SCALE_QUICK : MEMORY_AT_SCALE_FULL, log),
    body: (r) => both(memoryAtScaleTable(r), memoryAtScaleFacts(r)),
    goals: memoryAtScaleGoals,
  }),
  define<ConsoleFramesResult>({
    number: 14,
    title: (r) => `The console in Chromium with ${r.options.units.toLocaleString('en-US')} moving units`,
    run: (quick, log) => benchConsoleFrames(quick ? CONSOLE_FRAMES_QUICK : CONSOLE_FRAMES_FULL, log),
    body: (r) => both(consoleFramesTable(r), consoleFramesFacts(r)),
    goals: consoleFramesGoals,
  }),
  define<ColdStartResult>({
    number: 15,
    title: () => 'Cold start of the built server to ready, on the Johannesburg demo city',
    run: (quick, log) => benchColdStart(quick ? { coldRuns: 1, warmRestarts: 1, tsxColdRuns: 0, embeddedRuns: 1 } : { coldRuns: 5, warmRestarts: 1, tsxColdRuns: 1, embeddedRuns: 2 }, log),
    body: (r) => `${coldStartTable(r)}\n\n${coldStartBreakdown(r)}\n\n${coldStartFacts(r)}`,
    goals: coldStartGoals,
  }),
];

/** The numbers of the city-scale benchmarks (their sections of docs/benchmarks.md). */
export const CITY_SCALE_NUMBERS: readonly number[] = BENCHES.map((bench) => bench.number);

/** Runs the city-scale set (those of `only`, when given), one after another; `log` hears their progress. */
export async function runCityScale(quick: boolean, log: (line: string) => void, only?: ReadonlySet<number>): Promise<ScaleSection[]> {
  const sections: ScaleSection[] = [];
  for (const bench of BENCHES as ScaleBench<unknown>[]) {
    if (only && !only.has(bench.number)) continue;
    const settled = await settleMachine();
    const loadBefore = loadavg()[0] ?? Number.NaN;
    log(`${bench.number}. … (load average ${loadBefore.toFixed(1)}; ${settledText(settled)})`);
    const cpuBefore = machineCpu();
    const result = await bench.run(quick, log);
    const cpuAfter = machineCpu();
    const machine = { busy: busyShare(cpuBefore, cpuAfter), steal: stealShare(cpuBefore, cpuAfter) };
    const section: ScaleSection = { number: bench.number, title: bench.title(result), loadBefore, settled, machine, body: bench.body(result), goals: bench.goals(result), result };
    log(`${bench.number}. ${section.title}\n\n${section.body}\n`);
    sections.push(section);
  }
  return sections;
}

/** The sections as they stand in docs/benchmarks.md. */
export function cityScaleMarkdown(sections: readonly ScaleSection[]): string {
  return sections.map((s) => `## ${s.number}. ${s.title}\n\n_${machineText(s)}._\n\n${s.body}`).join('\n\n');
}

/** The machine before and during a benchmark, for its section. */
function machineText(section: ScaleSection): string {
  const percent = (share: number | null): string => (share === null ? 'not read' : `${(share * 100).toFixed(0)} %`);
  return `Before: ${settledText(section.settled)}, load average ${section.loadBefore.toFixed(1)}. During: machine ${percent(section.machine.busy)} busy, hypervisor steal ${percent(section.machine.steal)}`;
}

/** The city-scale figures for docs/benchmarks.json: each benchmark's result as measured. */
export function cityScaleRecords(sections: readonly ScaleSection[], date: string): { name: string; date: string; result: unknown; settled: Settled; machine: ScaleSection['machine'] }[] {
  return sections.map((s) => ({ name: `${s.number}. ${s.title}`, date, result: s.result, settled: s.settled, machine: s.machine }));
}

/** Every goal of the city-scale set. */
export const cityScaleGoals = (sections: readonly ScaleSection[]): GoalCheck[] => sections.flatMap((s) => s.goals);
