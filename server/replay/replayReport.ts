import { INTERVAL_LABELS } from '../../shared/reports/intervalTargets.ts';
import type { ReplayResult } from './runReplay.ts';

const seconds = (value: number | null): string => (value === null ? '–' : `${value} s`);
const share = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

/** [RL3] What the replay prints at its end: the figures of the replayed range, then the reconciliation. */
export function replayReport(result: ReplayResult, elapsedSeconds: number): string {
  const { reconciliation: r, report } = result;
  const lines: string[] = [];
  lines.push('', `Figures from /api/reports/intervals for ${new Date(result.from).toISOString()} – ${new Date(result.to).toISOString()}:`);
  if (!report) lines.push('  (the report could not be read)');
  else {
    lines.push(`  ${report.incidents} incidents, ${report.unitResponses} unit responses; flagged rows in the record: ${report.flagged.rows}`);
    lines.push('  interval                                   count     p50     p90   target   compliance');
    for (const figure of report.overall) {
      const target = figure.target ? `${figure.target.seconds} s` : '–';
      lines.push(`  ${INTERVAL_LABELS[figure.interval].padEnd(40)} ${String(figure.count).padStart(6)} ${seconds(figure.p50).padStart(7)} ${seconds(figure.p90).padStart(7)} ${target.padStart(8)} ${share(figure.compliance).padStart(12)}`);
    }
  }
  const refused = Object.entries(r.commands.refused).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
  const flags = Object.entries(r.flagged.byFlag).map(([flag, n]) => `${flag} ${n}`).join(', ') || 'none';
  lines.push('', 'Reconciliation:');
  lines.push(`  rows read ${r.rowsRead}; refused on reading ${r.rowsRefused.length}${r.rowsRefused.length ? ` (first: line ${r.rowsRefused[0]?.line}: ${r.rowsRefused[0]?.reason})` : ''}`);
  lines.push(`  calls ${r.calls}, created ${r.callsCreated}; units registered ${r.unitsRegistered}`);
  lines.push(`  unit responses ${r.responses.read}: sent in full ${r.responses.sentInFull}, dispatch and clear only (flagged) ${r.responses.dispatchAndClear}, nothing sent ${r.responses.nothingSent}`);
  lines.push(`  flagged rows ${r.flagged.rows} (${flags})`);
  lines.push(`  commands sent ${r.commands.sent}, accepted ${r.commands.accepted}, refused: ${refused}`);
  for (const example of r.refusalExamples.slice(0, 5)) lines.push(`    e.g. ${example}`);
  lines.push(`  diverted ${r.diverted}, released and re-assigned ${r.releasedAndReassigned}, closed ${r.closed}, stamps after a re-dispatch not sent ${r.stampsAfterRedispatch}`);
  lines.push(`  ${r.rowsRead} rows in ${elapsedSeconds.toFixed(1)} s: ${(r.rowsRead / Math.max(elapsedSeconds, 0.001)).toFixed(0)} rows/s`);
  return lines.join('\n');
}
