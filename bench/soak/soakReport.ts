import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { GoalCheck } from '../goals.ts';
import type { SoakResult } from './runSoak.ts';
import { f1, f3, int, table } from '../markdown.ts';

const f2 = (value: number): string => value.toFixed(2);


/** The soak's goals: memory growth < 1 MB/min and event-loop delay p99 < 20 ms, after the warm-up. */
export function soakGoals(s: SoakResult): GoalCheck[] {
  return [
    {
      goal: `soak (${s.options.minutes} min of city load): server RSS growth < 1 MB/min (least squares after ${f1(s.warmupMinutes)} min of warm-up)`,
      measured: `${f3(s.rssGrowthMBPerMin)} MB/min (heap ${f3(s.heapGrowthMBPerMin)} MB/min; RSS ${f1(s.rssFirstMB)} → ${f1(s.rssLastMB)} MB)`,
      met: Number.isFinite(s.rssGrowthMBPerMin) ? s.rssGrowthMBPerMin < 1 : null,
    },
    {
      goal: `soak (${s.options.minutes} min of city load): event-loop delay p99 < 20 ms (p99 of the ${s.options.sampleMs / 1000}-s windows' p99 after the warm-up, less the monitor's 10 ms interval)`,
      measured: `${f1(s.eventLoopDelayP99Ms)} ms (as prom-client reports it, interval included: ${f1(s.eventLoopP99Ms)} ms; worst window ${f1(s.eventLoopWorstWindowP99Ms)} ms, largest ${f1(s.eventLoopMaxMs)} ms)`,
      met: Number.isFinite(s.eventLoopDelayP99Ms) ? s.eventLoopDelayP99Ms < 20 : null,
    },
  ];
}

export function soakFacts(s: SoakResult): string {
  const l = s.options.load;
  return table(
    ['', ''],
    [
      ['Duration / warm-up left out / samples', `${s.options.minutes} min / ${f1(s.warmupMinutes)} min / ${s.samples.length} every ${s.options.sampleMs / 1000} s`],
      ['**Server RSS growth after the warm-up (least squares)**', `**${f3(s.rssGrowthMBPerMin)} MB/min**`],
      ['V8 heap used growth after the warm-up (least squares)', `${f3(s.heapGrowthMBPerMin)} MB/min`],
      ['Server RSS first / last sample', `${f1(s.rssFirstMB)} / ${f1(s.rssLastMB)} MB`],
      ['**Event-loop delay p99 (p99 over the windows after the warm-up, less the 10 ms monitor interval)**', `**${f1(s.eventLoopDelayP99Ms)} ms**`],
      ['The same as prom-client reports it (`nodejs_eventloop_lag_p99_seconds`, interval included: an idle loop reads ~10 ms)', `${f1(s.eventLoopP99Ms)} ms`],
      ['Event-loop delay: worst window p99 / largest single delay', `${f1(s.eventLoopWorstWindowP99Ms)} / ${f1(s.eventLoopMaxMs)} ms`],
      ['Consoles (socket.io-client): call-takers / desks and supervisor / crews', `${s.sockets.callTakers} / ${s.sockets.watchers} / ${s.sockets.crews}`],
      ['Load', `1 incident every ${f1(l.incidentEveryMs / 1000)} s; ${l.crews} crews × 1 position every ${f1(l.positionEveryMs / 1000)} s (${f1((l.crews * 1000) / l.positionEveryMs)} fixes/s); demo AVL on, simulator off`],
      ['Incidents created / closed / cancelled (no unit free) / most open at once / open at the end', `${int(s.incidents.created)} / ${int(s.incidents.closed)} / ${int(s.incidents.cancelled)} / ${int(s.incidents.maxOpen)} / ${int(s.incidents.openAtEnd)}`],
      ['Setup before the load (stores, server ready, sign-ins, sockets)', `${f1(s.setupSeconds)} s`],
      ['1-minute load average at the start / end', `${f1(s.load1.start)} / ${f1(s.load1.end)}`],
    ],
  );
}

export function soakCommandTable(s: SoakResult): string {
  return table(
    ['command', 'sent', 'ok', 'refused', 'unanswered (10 s)', 'p50 (ms)', 'p99 (ms)', 'max (ms)'],
    s.commands.map((c) => [
      `\`${c.command}\``,
      int(c.sent),
      int(c.ok),
      Object.entries(c.refused).map(([code, n]) => `${code} ${n}`).join(', ') || '0',
      int(c.unanswered),
      f2(c.latency.p50),
      f2(c.latency.p99),
      f2(c.latency.max),
    ]),
  );
}

export function soakSamplesTable(s: SoakResult): string {
  return table(
    ['minute', 'RSS (MB)', '/proc VmRSS (MB)', 'heap used (MB)', 'event-loop p99 (ms)', 'event-loop max (ms)', 'open incidents'],
    s.samples.map((x) => [f2(x.minute), f1(x.rssMB), x.procRssMB === null ? '—' : f1(x.procRssMB), f1(x.heapUsedMB), f1(x.eventLoopP99Ms), f1(x.eventLoopMaxMs), String(x.openIncidents)]),
  );
}

export function soakMarkdown(s: SoakResult, command: string): string {
  const m = s.machine;
  const verdicts = soakGoals(s).map((g) => `- ${g.goal}: ${g.measured} — **${g.met === null ? 'not measured' : g.met ? 'met' : 'not met'}**`).join('\n');
  return `# Soak: the server under a steady city load

Measured ${s.date} on ${m.nproc} CPUs (${m.cpu}), ${m.ramGiB} GiB RAM, Node ${m.node}, Redis ${m.redis}. Command: \`${command}\`.

${verdicts}

## Figures

${soakFacts(s)}

## Commands

${soakCommandTable(s)}

## Method

The soak starts its own \`redis-server\` (AOF, \`appendfsync always\`) and PostgreSQL (fsync on) in fresh temporary folders
and the server as \`npm start\` runs it (\`node --import tsx server/main.ts\`, a child process, Johannesburg, \`LOG_LEVEL=warn\`,
\`SIMULATOR=off\` so that the soak alone moves the units, \`DEMO_AVL=on\`). Every console is a socket.io-client connection
signed in over HTTP: call-takers create an incident in turn every ${f1(s.options.load.incidentEveryMs / 1000)} s (random types, around the city's facilities);
the combined desk recommends and assigns 2 s later, the units' crews acknowledge, the desk moves them en route (5 s),
on scene (20 s) and available (35 s) and closes the incident, about 70 s a call, so the open set stays level (an
incident whose plan finds no free unit is cancelled); the EMS, Fire and Metro Police desks and a supervisor receive
every broadcast; ${s.options.load.crews} crews (users created through the administrator's API, each signed on to a vehicle) send a
position fix every ${f1(s.options.load.positionEveryMs / 1000)} s. Every ${s.options.sampleMs / 1000} s the soak reads \`/metrics\`: \`process_resident_memory_bytes\` (RSS),
\`nodejs_heap_size_used_bytes\`, and prom-client's \`nodejs_eventloop_lag_p99_seconds\` and \`_max_seconds\`, which come from a
\`monitorEventLoopDelay\` histogram (10 ms resolution) reset at each scrape: each sample is the p99 and the max of its own
window. That histogram records the whole interval of its 10 ms timer (an idle Node process reads p50 ≈ 10.1 ms), so the
delay itself is the figure less 10 ms; both are given. Samples of the warm-up (the first 5 minutes of a run of 25 minutes or more, else the first 20 %) are left out;
the growth is the least-squares slope of RSS against time over the rest, and the event-loop figure is the p99 (nearest
rank) of the windows' p99s. MB = 10^6 bytes.

## Samples

${soakSamplesTable(s)}
${s.serverWarnings.length ? `\n## Server warnings (last ${s.serverWarnings.length})\n\n\`\`\`\n${s.serverWarnings.join('\n')}\n\`\`\`\n` : ''}`;
}

export function writeSoakDocs(s: SoakResult, command: string, mdPath: string, jsonPath: string): void {
  mkdirSync(dirname(mdPath), { recursive: true });
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(mdPath, soakMarkdown(s, command));
  writeFileSync(jsonPath, `${JSON.stringify({ ...s, goals: soakGoals(s) }, null, 2)}\n`);
}
