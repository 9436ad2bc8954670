import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { INCIDENT_TYPES } from '../../../shared/incidents/incidentTypes.ts';
import { PRIORITY_LABELS } from '../../../shared/incidents/priority.ts';
import { UNIT_KIND_LABELS } from '../../../shared/units/unitKinds.ts';
import { placeLabel } from './queueOrder.ts';
import { formatClock, formatDuration, incidentIntervals } from './incidentIntervals.ts';
import { IncidentCallers } from './IncidentCallers.tsx';
import { DISPOSITION_LABELS } from '../../../shared/incidents/lifecycleSchema.ts';
import { ReopenAction, type ReopenProps } from './ReopenAction.tsx';
import { CancelAction, type CancelProps } from './CancelAction.tsx';
import { INCIDENT_STATUS_LABELS } from './statusLabels.ts';
import { HandOffLink } from './HandOffLink.tsx';
import { useCityZone } from '../time/cityZone.ts';

export type LookupResult = { query: string; incident: Incident } | { query: string; error: string } | { query: string; isLoading: true };

/**
 * An incident found by its reference, open or closed: status, timers, callers and assignments, and for a desk
 * that may reopen (`reopen`), a recently closed incident's Reopen; for one that may cancel (`cancel`), a pending
 * incident's Cancel; for one that may hand it off (`mayHandOff`), its EIDO download [EI5]. Esc closes it.
 */
export function IncidentLookup({
  result,
  onClose,
  reopen,
  cancel,
  mayHandOff = false,
}: {
  result: LookupResult;
  onClose: () => void;
  reopen?: ReopenProps | undefined;
  cancel?: CancelProps | undefined;
  /** [EI5] Offer the incident's EIDO download (open or closed). */
  mayHandOff?: boolean;
}) {
  return (
    <section className="panel lookup" data-testid="incident-lookup" aria-label="Incident found by reference">
      <header className="panel-head">
        <h2>Reference lookup</h2>
        <button type="button" className="small" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </header>
      {'isLoading' in result && <p className="muted empty">Looking up {result.query}…</p>}
      {'error' in result && (
        <p className="error-text lookup-error" data-testid="lookup-error">
          {result.error}
        </p>
      )}
      {'incident' in result && <LookupDetail incident={result.incident} />}
      {'incident' in result && reopen && <ReopenAction incident={result.incident} {...reopen} />}
      {'incident' in result && cancel && <CancelAction incident={result.incident} {...cancel} />}
      {'incident' in result && mayHandOff && (
        <div className="lookup-handoff">
          <HandOffLink incident={result.incident} />
        </div>
      )}
    </section>
  );
}

function LookupDetail({ incident }: { incident: Incident }) {
  const timeZone = useCityZone();
  const { processingMs, toFirstDispatchMs } = incidentIntervals(incident);
  return (
    <div className="incident-summary" data-testid="lookup-incident" data-reference={incident.reference} data-status={incident.status}>
      <div className="lookup-ref">
        <span className={`prio-badge prio-${incident.priority}`}>{incident.priority.toUpperCase()}</span>
        <span className="ref">{incident.reference}</span>
        <span className={`status status-${incident.status}`} data-testid="lookup-status">
          {INCIDENT_STATUS_LABELS[incident.status]}
        </span>
      </div>
      <div className="summary-type">{INCIDENT_TYPES[incident.type].label}</div>
      <div className="muted">
        {PRIORITY_LABELS[incident.priority]} · {placeLabel(incident)}
      </div>
      {incident.locationNotes && <div>At: {incident.locationNotes}</div>}
      <table className="timers" data-testid="lookup-timers">
        <tbody>
          <tr>
            <th>Call answered</th>
            <td>{incident.callStartedAt === null ? '—' : formatClock(incident.callStartedAt, timeZone)}</td>
          </tr>
          <tr>
            <th>Created</th>
            <td>
              {formatClock(incident.createdAt, timeZone)} <span className="muted">(processing {formatDuration(processingMs)})</span>
            </td>
          </tr>
          <tr>
            <th>First dispatch</th>
            <td>
              {incident.firstDispatchAt === null ? (
                'not yet'
              ) : (
                <>
                  {formatClock(incident.firstDispatchAt, timeZone)} <span className="muted">({formatDuration(toFirstDispatchMs)} after creation)</span>
                </>
              )}
            </td>
          </tr>
          {incident.closedAt !== null && (
            <tr>
              <th>Closed</th>
              <td>{formatClock(incident.closedAt, timeZone)}</td>
            </tr>
          )}
          {incident.disposition !== null && (
            <tr>
              <th>Disposition</th>
              <td data-testid="lookup-disposition">
                {DISPOSITION_LABELS[incident.disposition]}
                {incident.closeNote && <span className="muted"> · {incident.closeNote}</span>}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <IncidentCallers incident={incident} />
      <div className="small">
        <strong>Assignments</strong>
        {incident.assignments.length === 0 ? (
          <div className="muted">None yet.</div>
        ) : (
          <ul className="history-list" data-testid="lookup-assignments">
            {incident.assignments.map((a) => (
              <li key={`${a.unitId}-${a.assignedAt}`}>
                {a.callSign} · {UNIT_KIND_LABELS[a.kind]} · {formatClock(a.assignedAt, timeZone)}
                {a.clearedAt !== null ? ` → cleared ${formatClock(a.clearedAt, timeZone)}` : ' · committed'}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
