import { useEffect, useRef } from 'react';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { activeCallSigns, formatElapsed, placeLabel, QUEUE_GROUP_LABELS, queueGroupOf, typeLabel } from './queueOrder.ts';
import type { QueueGroup } from './queueOrder.ts';
import { useNow } from './useNow.ts';
import { INCIDENT_STATUS_LABELS } from './statusLabels.ts';

interface IncidentQueueProps {
  queue: readonly Incident[];
  selectedId: string | null;
  /** [AK2] Incidents with a crew that has not acknowledged in time: their rows flash. */
  overdueIds?: ReadonlySet<string>;
  onSelect: (incidentId: string) => void;
}

/** [IQ1] Open incidents, what needs action first, under a header per group, with their running timers. */
export function IncidentQueue({ queue, selectedId, overdueIds, onSelect }: IncidentQueueProps) {
  const now = useNow();
  const listRef = useRef<HTMLOListElement | null>(null);

  useEffect(() => {
    if (!selectedId || !listRef.current) return;
    const row = listRef.current.querySelector<HTMLElement>(`[data-incident-id="${CSS.escape(selectedId)}"]`);
    row?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const groupOf = (incident: Incident): QueueGroup => queueGroupOf(incident, overdueIds);
  const groupCounts = new Map<QueueGroup, number>();
  for (const incident of queue) groupCounts.set(groupOf(incident), (groupCounts.get(groupOf(incident)) ?? 0) + 1);

  return (
    <section className="panel queue" data-testid="incident-queue" aria-label="Incident queue">
      <header className="panel-head">
        <h2>Queue</h2>
        <span className="count">{queue.length} open</span>
      </header>
      {queue.length === 0 && <p className="muted empty">No open incidents.</p>}
      <ol ref={listRef} className="queue-list">
        {queue.map((incident, index) => {
          const group = groupOf(incident);
          const previous = index > 0 ? queue[index - 1] : undefined;
          const startsGroup = !previous || groupOf(previous) !== group;
          const units = activeCallSigns(incident);
          const isSelected = incident.id === selectedId;
          const isOverdue = overdueIds?.has(incident.id) ?? false;
          const row = (
            <li
              key={incident.id}
              data-testid={`queue-row-${incident.reference}`}
              data-incident-id={incident.id}
              data-status={incident.status}
              data-group={group}
              data-ack-overdue={isOverdue ? 'true' : undefined}
              className={`queue-row prio-${incident.priority}${isSelected ? ' selected' : ''}${isOverdue ? ' ack-overdue' : ''}`}
              onClick={() => onSelect(incident.id)}
              aria-selected={isSelected}
            >
              <div className="row-top">
                <span className={`prio-badge prio-${incident.priority}`}>{incident.priority.toUpperCase()}</span>
                <span className="ref">{incident.reference}</span>
                <span className="timer" title="Time since the call was logged">
                  {formatElapsed(incident.createdAt, now)}
                </span>
              </div>
              <div className="row-type">{typeLabel(incident)}</div>
              <div className="row-meta">
                <span>{placeLabel(incident)}</span>
                <span className={`status status-${incident.status}`} data-testid="queue-row-status">
                  {INCIDENT_STATUS_LABELS[incident.status]}
                </span>
              </div>
              <div className="row-units" data-testid="queue-row-units">
                {units.length > 0 ? (
                  units.join(', ')
                ) : incident.status === 'awaiting_close' ? (
                  <span className="muted">Units cleared · close with a disposition</span>
                ) : (
                  <span className="muted">No units assigned</span>
                )}
              </div>
            </li>
          );
          if (!startsGroup) return row;
          return [
            <li key={`group-${group}`} className={`queue-group group-${group}`} data-testid={`queue-group-${group}`} role="heading" aria-level={3}>
              {QUEUE_GROUP_LABELS[group]} <span className="count">{groupCounts.get(group) ?? 0}</span>
            </li>,
            row,
          ];
        })}
      </ol>
    </section>
  );
}
