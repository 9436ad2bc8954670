import type { AuditEntry } from '../../../shared/audit/auditSchema.ts';
import { actorLabel, formatAuditTime, isRefusal, outcomeLabel } from './auditFormat.ts';
import { useCityZone } from '../time/cityZone.ts';

/** The audit lines, newest first; refused commands stand out in red. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const timeZone = useCityZone();
  if (entries.length === 0) return <p className="muted empty" data-testid="audit-empty">Nothing in the audit record matches.</p>;
  return (
    <table className="audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th>Time</th>
          <th>User</th>
          <th>Role · desk</th>
          <th>Command</th>
          <th>Incident</th>
          <th>Units</th>
          <th>Outcome</th>
          <th>Details</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const refused = isRefusal(entry);
          return (
            <tr key={entry.id} className={refused ? 'refused' : undefined} data-testid="audit-row" data-outcome={entry.outcome} data-command={entry.command}>
              <td className="mono nowrap">{formatAuditTime(entry.at, timeZone)}</td>
              <td>{entry.username ?? '—'}</td>
              <td>{actorLabel(entry)}</td>
              <td className="mono">
                {entry.command} <span className="muted small">{entry.transport}</span>
              </td>
              <td className="mono nowrap">{entry.incidentId ?? ''}</td>
              <td className="mono">{entry.unitIds.join(', ')}</td>
              <td className={refused ? 'outcome refused-outcome' : 'outcome'} data-testid="audit-outcome">
                {outcomeLabel(entry)}
              </td>
              <td className="summary">{entry.summary}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
