import type { GoalCheck } from '../goals.ts';
import type { MemoryAtScaleResult } from '../memoryAtScale.bench.ts';
import { int } from '../markdown.ts';

const mib = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} MiB` : '—');
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '—');

export function memoryAtScaleTable(result: MemoryAtScaleResult): string {
  const { server, consoles, crews, positions, reconnect } = result;
  return [
    '| figure | value |',
    '|---|---:|',
    `| server RSS, units seeded, no socket | ${mib(server.idleRssMiB)} |`,
    `| server peak RSS | ${mib(server.peakRssMiB)} |`,
    `| server RSS / heap used at the end | ${mib(server.endRssMiB)} / ${mib(server.endHeapUsedMiB)} |`,
    `| consoles connected; snapshot p50 / p99 | ${int(consoles.connected)} of ${int(consoles.connected + consoles.failed)}; ${ms(consoles.snapshotMs.p50)} / ${ms(consoles.snapshotMs.p99)} |`,
    `| crews connected; snapshot p99 | ${int(crews.connected)} of ${int(crews.connected + crews.failed)}; ${ms(crews.snapshotMs.p99)} |`,
    `| fixes answered; ok; ack p50 / p99 | ${int(positions.answered)}; ${int(positions.outcomes.ok ?? 0)}; ${ms(positions.ack.p50)} / ${ms(positions.ack.p99)} |`,
    reconnect ? `| reconnect storm: ${int(reconnect.dropped)} consoles at once; back; snapshot p50 / p99; all back in | ${int(reconnect.reconnected)}; ${ms(reconnect.snapshotMs.p50)} / ${ms(reconnect.snapshotMs.p99)}; ${ms(reconnect.elapsedMs)} |` : '| reconnect storm | not run |',
    `| server event-loop delay p99 | ${ms(server.eventLoopDelayP99Ms)} |`,
  ].join('\n');
}

export function memoryAtScaleFacts(result: MemoryAtScaleResult): string {
  const { options } = result;
  return `${int(result.unitsInStore)} units in the store (${int(options.units)} synthetic), ${int(options.consoles)} dispatcher consoles (combined desk) and ${int(options.crews)} crew devices connected from a load-generator process, the crews sending ${int(options.fixesPerSecond)} fixes/s in all for ${options.durationSeconds} s; the server alone in its process, its RSS sampled there every 100 ms. Load generator RSS ${mib(result.generatorRssMiB)} (not counted).`;
}

export function memoryAtScaleGoals(result: MemoryAtScaleResult): GoalCheck[] {
  const { options, server } = result;
  return [
    {
      goal: `server peak RSS < 512 MB with ${int(options.units)} units and ${int(options.consoles)} consoles, units moving`,
      measured: `${mib(server.peakRssMiB)} (${(server.peakRssMiB * 1.048576).toFixed(0)} MB)`,
      met: server.peakRssMiB * 1_048_576 < 512_000_000 && result.consoles.connected === options.consoles,
    },
  ];
}
