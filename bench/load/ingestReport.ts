import type { GoalCheck } from '../goals.ts';
import type { IngestResult, IngestStep } from '../ingest.bench.ts';
import { f1, int } from '../markdown.ts';


/** One row per step of both climbs of the position-ingest benchmark: the devices', then the AVL gateway's. */
export function ingestTable(result: IngestResult): string {
  const batch = result.options.gateway.batchSize;
  return [`**Devices** (\`unit:position\`, one fix per message):`, stepsTable(result.steps), `**AVL gateway** (\`units:positions\`, ${batch} fixes per message; ack per batch):`, stepsTable(result.gatewaySteps)].join('\n\n');
}

/** The longest event Redis's latency monitor recorded in a step (`aof-fsync-always 16 ms`), or none. */
const stallCell = (step: IngestStep): string => {
  const longest = step.redis.events[0];
  return longest ? `${longest.event} ${int(longest.maxMs)} ms` : 'none';
};

function stepsTable(steps: IngestStep[]): string {
  const rows = steps.map((step) => {
    const refused = Object.entries(step.run.outcomes)
      .filter(([code]) => code !== 'ok')
      .map(([code, n]) => `${code} ${int(n)}`)
      .join(', ');
    return `| ${int(step.offeredPerSecond)} | ${int(step.storedPerSecond)} | ${f1(step.run.ack.p50)} | ${f1(step.run.ack.p99)} | ${f1(step.run.ack.max)} | ${int(step.shed)} | ${int(step.coalesced)} | ${refused || '—'} | ${int(step.run.skipped)} | ${int(step.serverCpuPerFixUs)} | ${f1(step.serverEventLoopMaxMs)} | ${stallCell(step)} | ${step.isSustained ? 'yes' : 'no'} |`;
  });
  return [
    '| offered fixes/s | stored fixes/s | ack p50 (ms) | ack p99 (ms) | ack max (ms) | shed | coalesced | other answers | skipped (client window full) | server CPU per stored fix (µs) | server event-loop max (ms) | longest Redis stall (its latency monitor, > 10 ms) | sustained |',
    '|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

/** The setting and the comparison with the raw GEOADD rate, and where the server's time went. */
export function ingestFacts(result: IngestResult): string {
  const { options, rawGeoadd, bestSustained, gatewayBestSustained, profile } = result;
  const raw = rawGeoadd.requestsPerSecond;
  const { gateway } = options;
  const lines = [
    `${options.crews} crew sockets (one synthetic unit each, ${int(result.unitsInStore)} units in the store) and ${options.dispatchers} dispatcher consoles, real socket.io-client connections in a load-generator process; the server alone in its own process; its own Redis (AOF, appendfsync always). Steps of ${options.stepSeconds} s on an absolute-time schedule, stopped after two steps in a row at ack p99 ≥ ${options.stopAboveP99Ms} ms. "Sustained": p99 < ${options.stopAboveP99Ms} ms and ≥ 95 % of the offered fixes stored.`,
    `Then the AVL gateway (UP3): ${gateway.sockets} sessions of one gateway account sending \`units:positions\` batches of ${gateway.batchSize} fixes over ${int(gateway.units)} synthetic units in turn, from the same load-generator process, with the same consoles connected; a batch is one script (\`recordPositions.lua\`), its fixes in the next coalesced frames.`,
    `Highest sustained rate, devices: ${bestSustained ? `${int(bestSustained.offeredPerSecond)} fixes/s offered (${int(bestSustained.storedPerSecond)}/s stored, p99 ${f1(bestSustained.run.ack.p99)} ms)` : 'none of the steps'}; AVL gateway: ${gatewayBestSustained ? `${int(gatewayBestSustained.offeredPerSecond)} fixes/s offered (${int(gatewayBestSustained.storedPerSecond)}/s stored, batch ack p99 ${f1(gatewayBestSustained.run.ack.p99)} ms)` : 'none of the steps'}.`,
    raw === null ? `Raw GEOADD: not measured (${rawGeoadd.reason ?? ''}).` : `Raw GEOADD on the same Redis (\`${rawGeoadd.command}\`): ${int(raw)} requests/s (p50 ${rawGeoadd.p50Ms ?? '—'} ms).`,
    `Server peak RSS ${f1(result.serverPeakRssMiB)} MiB. After the gateway's climb, the Socket.IO adapter's stream (position frames to other instances, SO1) held ${int(result.adapterStream.entries)} entries in ${f1(result.adapterStream.bytes / 1e6)} MB of Redis (used_memory ${f1(result.adapterStream.redisUsedBytes / 1e6)} MB).`,
  ];
  if (profile) {
    const top = (list: { name: string; share: number }[]): string => list.slice(0, 8).map((s) => `${s.name} ${(s.share * 100).toFixed(1)} %`).join(', ');
    lines.push(`Server CPU profile (\`--cpu-prof\`, whole run, ${int(profile.busyMs)} ms busy of ${int(profile.totalMs)} ms): self time by source: ${top(profile.bySource)}; inclusive by server function: ${top(profile.byServerFunction)}.`);
  }
  return lines.join('\n\n');
}

/**
 * The issue's goals for position ingest, met by the AVL gateway (the path a city's fleet of thousands reports
 * through); the devices' own figure stands beside it in the same line.
 */
export function ingestGoals(result: IngestResult): GoalCheck[] {
  const best = result.gatewayBestSustained?.offeredPerSecond ?? 0;
  const devices = result.bestSustained?.offeredPerSecond ?? 0;
  const raw = result.rawGeoadd.requestsPerSecond;
  const batch = result.options.gateway.batchSize;
  return [
    {
      goal: 'position ingest: ≥ 20,000 fixes/s sustained (ack p99 < 50 ms)',
      measured: `AVL gateway ${int(best)} fixes/s (batches of ${batch}); devices ${int(devices)} fixes/s (one fix per message)`,
      met: best >= 20_000,
    },
    {
      goal: 'position ingest: ≥ 0.3× the raw unpipelined GEOADD rate of the same Redis',
      measured: raw === null ? `raw GEOADD not measured (${result.rawGeoadd.reason ?? ''})` : `AVL gateway ${(best / raw).toFixed(2)}× (${int(best)} / ${int(raw)}); devices ${(devices / raw).toFixed(2)}×`,
      met: raw === null ? null : best >= 0.3 * raw,
    },
  ];
}
