import type { BurstUnderPositionsResult } from '../burstUnderPositions.bench.ts';
import type { GoalCheck } from '../goals.ts';
import type { Summary } from '../stats.ts';
import { availableParallelism } from 'node:os';
import { f1, int } from '../markdown.ts';

const cpus = availableParallelism();

const row = (label: string, s: Summary): string => `| ${label} | ${f1(s.p50)} | ${f1(s.p99)} | ${f1(s.max)} | ${int(s.count)} |`;

export function burstUnderPositionsTable(result: BurstUnderPositionsResult): string {
  const { options } = result;
  return [
    '|  | p50 (ms) | p99 (ms) | max (ms) | samples |',
    '|---|---:|---:|---:|---:|',
    row(`\`incident:create\` sent → answered, ${options.incidentsPerSecond}/s`, result.incidents.ack),
    row(`\`unit:position\` sent → answered, ${int(options.fixesPerSecond)}/s offered (stored, shed or refused)`, result.positions.ack),
  ].join('\n');
}

export function burstUnderPositionsFacts(result: BurstUnderPositionsResult): string {
  const { options, positions, incidents } = result;
  return [
    `${options.callTakers} call-takers create incidents at ${options.incidentsPerSecond}/s for ${options.durationSeconds} s while ${int(options.crews)} crews' devices send ${int(options.fixesPerSecond)} fixes/s in all (five times city load: 400 vehicles each reporting every second) and ${options.consoles} board consoles watch; real socket.io-client connections in load-generator processes (the call-takers in one of their own), the server alone in its own process, its own Redis (AOF, appendfsync always).`,
    `Incidents: ${int(incidents.sent)} sent, ${int(result.incidentsAcknowledged)} acknowledged ok, ${int(result.incidentsStored)} of those in the store afterwards; answers ${JSON.stringify(incidents.outcomes)}. Positions: answers ${JSON.stringify(positions.outcomes)}; the server counted ${int(result.positionsReceived)} received, ${int(result.positionsShed)} shed and ${int(result.positionsCoalesced)} coalesced into frames. Server event-loop delay p99 ${f1(result.server.eventLoopDelayP99Ms)} ms (max ${f1(result.server.eventLoopDelayMaxMs)} ms), peak RSS ${f1(result.server.peakRssMiB)} MiB.`,
    `CPU over the ${f1(result.wallMs / 1000)} s of the burst, ms of one core (the machine has ${cpus} cores: ${int(cpus * result.wallMs)}): server ${int(result.server.cpuMs)}, Redis ${int(result.redisCpuMs)}, load generators ${int(result.generatorCpuMs)}; the whole machine was ${result.machineBusyShare === null ? 'not measured' : `${Math.round(result.machineBusyShare * 100)} % busy`}.`,
  ].join('\n\n');
}

export function burstUnderPositionsGoals(result: BurstUnderPositionsResult): GoalCheck[] {
  const { options, incidents } = result;
  const load = `${options.incidentsPerSecond}/s for ${options.durationSeconds} s beside ${int(options.fixesPerSecond)} fixes/s`;
  return [
    { goal: `incident burst ${load}: none lost (every ok in the store)`, measured: `${int(result.incidentsStored)} of ${int(result.incidentsAcknowledged)} stored; ${int(incidents.sent - result.incidentsAcknowledged)} not acknowledged ok`, met: result.incidentsStored === result.incidentsAcknowledged && result.incidentsAcknowledged === incidents.sent },
    { goal: `incident burst ${load}: ack p99 < 100 ms`, measured: `${f1(incidents.ack.p99)} ms`, met: incidents.ack.p99 < 100 },
    {
      goal: 'incident burst: position fixes the instance cannot take are shed and counted (commands never)',
      measured: `${int(result.positionsShed)} fixes shed; ${int(incidents.outcomes.rate_limited ?? 0)} incidents refused rate_limited`,
      met: (result.positionsShed > 0 || (result.positions.outcomes.ok ?? 0) + (result.positions.outcomes.ok_not_accepted ?? 0) === result.positions.sent) && (incidents.outcomes.rate_limited ?? 0) === 0,
    },
  ];
}
