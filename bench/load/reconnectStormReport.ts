import { redisStallsText } from './redisStalls.ts';
import type { GoalCheck } from '../goals.ts';
import type { ReconnectStormResult, StormRun } from '../reconnectStorm.bench.ts';
import type { Summary } from '../stats.ts';
import { f1, int } from '../markdown.ts';

const row = (label: string, s: Summary): string => `| ${label} | ${f1(s.p50)} | ${f1(s.p99)} | ${f1(s.max)} | ${int(s.count)} |`;

const stormRows = (run: StormRun, rate: number): string[] => {
  const way = run.isResume ? 'network blip: each says its version, is sent the changes since (RT6)' : 'every console reloaded: each sent its whole snapshot';
  return [
    row(`${way}: \`incident:create\` sent → answered, ${rate}/s through the storm`, run.commands.ack),
    row(`${way}: crew device reconnect → its state`, run.storm.crews.snapshotMs),
    row(`${way}: board console reconnect → its state`, run.storm.consoles.snapshotMs),
  ];
};

/** The commands timed through each storm, and the sockets' way back to their state. */
export function reconnectStormTable(result: ReconnectStormResult): string {
  const { connected, options } = result;
  return [
    '|  | p50 (ms) | p99 (ms) | max (ms) | samples |',
    '|---|---:|---:|---:|---:|',
    ...stormRows(result.blip, options.probeRatePerSecond),
    ...stormRows(result.reload, options.probeRatePerSecond),
    row('Crew device: first connection → snapshot (before the storms, 20 at a time)', connected.crews.snapshotMs),
    row('Board console: first connection → snapshot (before the storms, 10 at a time)', connected.consoles.snapshotMs),
  ].join('\n');
}

const stormFacts = (label: string, run: StormRun): string => {
  const { storm, commands, server } = run;
  return `${label} (${int(run.openIncidentsAtStorm)} open incidents): ${int(storm.crews.reconnected)} of ${int(storm.crews.dropped)} crews and ${int(storm.consoles.reconnected)} of ${int(storm.consoles.dropped)} consoles back with their state (${int(storm.crews.failed + storm.consoles.failed)} failed; ${int(storm.crews.saidVersion + storm.consoles.saidVersion)} said the version they held), the last after ${f1(Math.max(storm.crews.elapsedMs, storm.consoles.elapsedMs))} ms. Commands answered: ${JSON.stringify(commands.outcomes)}. Server event-loop delay over the run p99 ${f1(server.eventLoopDelayP99Ms)} ms, max ${f1(server.eventLoopDelayMaxMs)} ms; CPU ${int(server.cpuMs)} ms; peak RSS ${f1(server.peakRssMiB)} MiB. Redis's own latency monitor over the run: ${redisStallsText(run.redis)}.`;
};

export function reconnectStormFacts(result: ReconnectStormResult): string {
  const { options } = result;
  return [
    `${int(result.incidentsCreated)} open incidents on the board (created through \`incident:create\` before the storms), ${int(options.crews)} crews' devices (one unit each) and ${int(options.consoles)} board consoles (dispatchers, combined desk), real socket.io-client connections in a load-generator process (the call-takers in a second one, so that the storm's parsing does not delay their timers); the server alone in its own process, on its own Redis (AOF, appendfsync always). ${int(options.callTakers)} call-takers send \`incident:create\` at ${options.probeRatePerSecond}/s for ${options.probeSeconds} s; ${(options.stormAfterMs / 1000).toFixed(0)} s in, every crew device and console is dropped and reconnected at once. Two storms, one after the other: first as after a network blip, where each socket holds its state and says the version it is at when it reconnects, as the console does (RT6), and is sent the changes since; then as if every console had been reloaded, each sent its whole snapshot.`,
    stormFacts('Network blip', result.blip),
    stormFacts('Every console reloaded', result.reload),
  ].join('\n\n');
}

/** The goal: no command waits more than 100 ms through the storm (the network blip: sockets hold their state). */
export function reconnectStormGoals(result: ReconnectStormResult): GoalCheck[] {
  const { blip, reload } = result;
  const failed = (run: StormRun): number => run.storm.crews.failed + run.storm.consoles.failed;
  const scene = `${int(blip.openIncidentsAtStorm)} open incidents, ${int(result.options.crews)} crews + ${int(result.options.consoles)} consoles at once`;
  return [
    {
      goal: `reconnect storm after a network blip (${scene}, each resuming from its version): no command waits > 100 ms`,
      measured: `max ${f1(blip.commands.ack.max)} ms (p99 ${f1(blip.commands.ack.p99)} ms)`,
      met: blip.commands.ack.max <= 100,
    },
    {
      goal: `reconnect storm of reloaded consoles (${int(reload.openIncidentsAtStorm)} open incidents, each sent its whole snapshot): no command waits > 100 ms`,
      measured: `max ${f1(reload.commands.ack.max)} ms (p99 ${f1(reload.commands.ack.p99)} ms)`,
      met: reload.commands.ack.max <= 100,
    },
    {
      goal: 'reconnect storms: every socket back with its state, every command answered',
      measured: `${int(failed(blip) + failed(reload))} sockets failed, ${int(blip.commands.unanswered + reload.commands.unanswered)} commands unanswered`,
      met: failed(blip) + failed(reload) === 0 && blip.commands.unanswered + reload.commands.unanswered === 0,
    },
  ];
}
