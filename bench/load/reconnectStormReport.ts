import type { GoalCheck } from '../goals.ts';
import type { ReconnectStormResult } from '../reconnectStorm.bench.ts';
import type { Summary } from '../stats.ts';
import { f1, int } from '../markdown.ts';

const row = (label: string, s: Summary): string => `| ${label} | ${f1(s.p50)} | ${f1(s.p99)} | ${f1(s.max)} | ${int(s.count)} |`;

/** The commands timed through the storm, and the sockets' way back to their snapshots. */
export function reconnectStormTable(result: ReconnectStormResult): string {
  const { commands, storm, connected } = result;
  return [
    '|  | p50 (ms) | p99 (ms) | max (ms) | samples |',
    '|---|---:|---:|---:|---:|',
    row(`\`incident:create\` sent → answered, ${result.options.probeRatePerSecond}/s through the storm`, commands.ack),
    row('Crew device: reconnect → its snapshot (in the storm)', storm.crews.snapshotMs),
    row('Board console: reconnect → its snapshot (in the storm)', storm.consoles.snapshotMs),
    row('Crew device: first connection → snapshot (before the storm, 20 at a time)', connected.crews.snapshotMs),
    row('Board console: first connection → snapshot (before the storm, 10 at a time)', connected.consoles.snapshotMs),
  ].join('\n');
}

export function reconnectStormFacts(result: ReconnectStormResult): string {
  const { options, storm, commands, server } = result;
  return [
    `${int(result.openIncidentsAtStorm)} open incidents on the board (created through \`incident:create\` before the storm), ${int(options.crews)} crews' devices (one unit each) and ${int(options.consoles)} board consoles (dispatchers, combined desk), real socket.io-client connections in a load-generator process (the call-takers in a second one, so that the storm's parsing does not delay their timers); the server alone in its own process, on its own Redis (AOF, appendfsync always). ${int(options.callTakers)} call-takers send \`incident:create\` at ${options.probeRatePerSecond}/s for ${options.probeSeconds} s; ${(options.stormAfterMs / 1000).toFixed(0)} s in, every crew device and console is dropped and reconnected at once.`,
    `Storm: ${int(storm.crews.reconnected)} of ${int(storm.crews.dropped)} crews and ${int(storm.consoles.reconnected)} of ${int(storm.consoles.dropped)} consoles back with their snapshots (${int(storm.crews.failed + storm.consoles.failed)} failed), the last after ${f1(Math.max(storm.crews.elapsedMs, storm.consoles.elapsedMs))} ms. Commands answered: ${JSON.stringify(commands.outcomes)}. Server event-loop delay over the run p99 ${f1(server.eventLoopDelayP99Ms)} ms, max ${f1(server.eventLoopDelayMaxMs)} ms; peak RSS ${f1(server.peakRssMiB)} MiB.`,
  ].join('\n\n');
}

/** The goal: no command waits more than 100 ms through the storm. */
export function reconnectStormGoals(result: ReconnectStormResult): GoalCheck[] {
  const { commands, storm } = result;
  const everyoneBack = storm.crews.failed + storm.consoles.failed === 0 && commands.unanswered === 0;
  return [
    {
      goal: `reconnect storm (${int(result.openIncidentsAtStorm)} open incidents, ${int(result.options.crews)} crews + ${int(result.options.consoles)} consoles at once): no command waits > 100 ms`,
      measured: `max ${f1(commands.ack.max)} ms (p99 ${f1(commands.ack.p99)} ms)`,
      met: commands.ack.max <= 100,
    },
    { goal: 'reconnect storm: every socket back with its snapshot, every command answered', measured: `${int(storm.crews.failed + storm.consoles.failed)} sockets failed, ${int(commands.unanswered)} commands unanswered`, met: everyoneBack },
  ];
}
