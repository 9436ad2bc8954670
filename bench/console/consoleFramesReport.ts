import type { GoalCheck } from '../goals.ts';
import type { ConsoleFramesResult } from './consoleFrames.bench.ts';
import type { SummaryP95 } from './summaryP95.ts';
import { int } from '../markdown.ts';

/** The goal, as the product states it. */
export const CONSOLE_FRAMES_GOAL_MS = 50;

const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)} ms` : '—');

function row(what: string, s: SummaryP95): string {
  return `| ${what} | ${int(s.count)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${ms(s.mean)} |`;
}

/** Per-frame times in the console, as a markdown table. */
export function consoleFramesTable(result: ConsoleFramesResult): string {
  return [
    '| per position frame, from its arrival in the page | frames | p50 | p95 | p99 | max | mean |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row('**applied**: live state, React render, map unit source fed (synchronous)', result.applied),
    row('next animation frame after it', result.paint),
    row("map's worker holds the new unit data", result.worker),
  ].join('\n');
}

/** How the figures were made, as markdown lines. */
export function consoleFramesFacts(result: ConsoleFramesResult): string {
  const { options, fleet, unitsPerFrame } = result;
  const heap = result.pageHeap ? `${result.pageHeap.usedMiB} MiB used of ${result.pageHeap.totalMiB} MiB` : 'not read';
  const lines = [
    `- The dispatch console (production build) in headless Chromium (SwiftShader WebGL, 1600×900), a dispatcher at the combined desk, map loaded; an in-process server on Johannesburg with ${int(result.unitsInStore)} units in the live store (${int(options.units)} synthetic units placed inside the metro, the rest the city's parked fleet); ${int(result.unitsOnMap)} on the map at the end.`,
    `- Every synthetic unit moves: a fix each ${(options.fixPeriodMs / 1000).toFixed(1)} s (spread evenly), ${int(fleet.fixesPerSecond)} fixes/s through the server's position path (\`recordPosition\`, then \`publishOutcome\` into the coalesced \`units:moved\` frames every 250 ms, as the AVL feed and the simulator send them); ${int(fleet.accepted)} stored, ${int(fleet.notStored)} not stored, ${int(fleet.failed)} failed; the feeder ran at most ${ms(fleet.maxScheduleLagMs)} behind.`,
    `- ${options.warmupSeconds} s of warm-up, then ${options.durationSeconds} s timed: ${int(result.frames)} frames (${result.framesPerSecond.toFixed(2)}/s; ${int(result.framesTimedTogether)} more arrived before the one before them was shown and were timed with it), ${int(unitsPerFrame.mean)} units per frame on average (p50 ${int(unitsPerFrame.p50)}, max ${int(unitsPerFrame.max)}).`,
    `- The server sent ${int(result.server.frames)} frames (${result.server.framesPerSecond.toFixed(2)}/s, ${int(result.server.fixes / Math.max(1, result.server.frames))} fixes each) to a Node Socket.IO client at the same desk; the newest fix's age on arrival there: p50 ${ms(result.server.newestFixAge.p50)}, p95 ${ms(result.server.newestFixAge.p95)}.`,
    `- Age of a frame's newest fix once applied in the page (server frame interval 250 ms, Socket.IO, the wait for the page's main thread): p50 ${ms(result.fixAgeApplied.p50)}, p95 ${ms(result.fixAgeApplied.p95)}, max ${ms(result.fixAgeApplied.max)}.`,
    '- Timed in the page with the console\'s own User Timing measures (`cad:position-frame`, `-paint`, `-worker`, see `dispatch-console/src/realtime/positionFrameTiming.ts`), from the `units:moved` handler (after Socket.IO decoded the message) to the end of the map update; read with a PerformanceObserver.',
    `- Console open (sign-in → map loaded with every unit): ${(result.consoleOpenMs / 1000).toFixed(1)} s. Page JavaScript heap at the end: ${heap}.`,
  ];
  if (result.pageErrors.length > 0) lines.push(`- **Page errors**: ${result.pageErrors.slice(0, 3).join('; ')}`);
  if (result.profile) {
    const top = result.profile.hotspots
      .slice(0, 8)
      .map((h) => `${h.where} ${(h.share * 100).toFixed(1)} %`)
      .join('; ');
    lines.push(`- CPU profile of the page (${result.profile.seconds.toFixed(0)} s, main thread busy ${(result.profile.busyMs / 1000).toFixed(1)} s): ${top}.`);
  }
  return lines.join('\n');
}

/** The console's goal: one position frame applied (state and map) in < 50 ms at p95 with 10,000 moving units. */
export function consoleFramesGoals(result: ConsoleFramesResult): GoalCheck[] {
  const units = result.options.units.toLocaleString('en-US');
  const isMeasured = result.frames > 0;
  return [
    {
      goal: `console in Chromium, ${units} moving units: one position frame applied (state and map source) p95 < ${CONSOLE_FRAMES_GOAL_MS} ms`,
      measured: isMeasured ? `${ms(result.applied.p95)} (${int(result.frames)} frames, ${int(result.unitsPerFrame.mean)} units per frame)` : 'no frame timed',
      met: isMeasured ? result.applied.p95 < CONSOLE_FRAMES_GOAL_MS : false,
    },
    {
      goal: `console in Chromium, ${units} moving units: every unit on the map (set with the console benchmark)`,
      measured: `${int(result.unitsOnMap)} / ${int(result.unitsInStore)} units`,
      met: result.unitsOnMap === result.unitsInStore,
    },
  ];
}
