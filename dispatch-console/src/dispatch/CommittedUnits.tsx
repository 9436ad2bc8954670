import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import type { Unit } from '../../../shared/units/unitSchema.ts';
import { UNIT_STATUS_LABELS } from '../../../shared/units/unitStatus.ts';
import { STATUS_COLORS } from '../map/layers.ts';
import { formatClock } from '../incidents/incidentIntervals.ts';
import { crewNames } from './crewNames.ts';
import { useCityZone } from '../time/cityZone.ts';

interface CommittedUnitsProps {
  incident: Incident;
  units: Readonly<Record<string, Unit>>;
  /** [LC4] The units this desk may release, each with a Release button. */
  releasable?: ReadonlySet<string>;
  onRelease?: (unitId: string) => void;
}

/** The units still committed to the incident: each one's status (as its crew reports it), whether it acknowledged, and who crews it. [AK1] */
export function CommittedUnits({ incident, units, releasable, onRelease }: CommittedUnitsProps) {
  const timeZone = useCityZone();
  const active = incident.assignments.filter((a) => a.clearedAt === null);
  const diverted = divertedAway(incident);
  if (active.length === 0) {
    return (
      <div data-testid="committed-units">
        Committed: none
        <DivertedAway entries={diverted} />
      </div>
    );
  }
  return (
    <ul className="committed-units" data-testid="committed-units">
      {active.map((a) => {
        const unit = units[a.unitId];
        const status = unit?.status ?? 'dispatched';
        const crew = crewNames(unit);
        return (
          <li key={a.unitId} data-testid={`committed-${a.unitId}`} data-status={status} data-acknowledged={a.acknowledgedAt === null ? 'false' : 'true'}>
            <span className="callsign">{a.callSign}</span>
            <span className="unit-status" style={{ color: STATUS_COLORS[status] }}>
              {UNIT_STATUS_LABELS[status]}
            </span>
            {a.acknowledgedAt === null ? <span className="not-acked">not acknowledged</span> : <span className="acked">ack {formatClock(a.acknowledgedAt, timeZone)}</span>}
            {crew && (
              <span className="crew-names" data-testid={`committed-crew-${a.unitId}`}>
                {crew}
              </span>
            )}
            {onRelease && releasable?.has(a.unitId) && (
              <button type="button" className="small release" data-testid={`release-${a.unitId}`} onClick={() => onRelease(a.unitId)}>
                Release
              </button>
            )}
          </li>
        );
      })}
      <DivertedAway entries={diverted} />
    </ul>
  );
}

interface DivertedEntry {
  unitId: string;
  callSign: string;
  to: string;
  at: number;
}

/** [DV1] Units taken off this incident for a more urgent one, and where they went (the last divert of each unit). */
function divertedAway(incident: Incident): DivertedEntry[] {
  const active = new Set<string>(incident.assignments.filter((a) => a.clearedAt === null).map((a) => a.unitId));
  const byUnit = new Map<string, DivertedEntry>();
  for (const entry of incident.lifecycle) {
    if (entry.action !== 'diverted_away' || !entry.unitId || !entry.otherIncidentId || active.has(entry.unitId)) continue;
    const callSign = incident.assignments.find((a) => a.unitId === entry.unitId)?.callSign ?? entry.unitId;
    byUnit.set(entry.unitId, { unitId: entry.unitId, callSign, to: entry.otherIncidentId, at: entry.at });
  }
  return [...byUnit.values()];
}

function DivertedAway({ entries }: { entries: readonly DivertedEntry[] }) {
  const timeZone = useCityZone();
  return entries.map((entry) => (
    <li key={`diverted-${entry.unitId}`} className="diverted-away" data-testid={`diverted-${entry.unitId}`}>
      <span className="callsign">{entry.callSign}</span> diverted to {entry.to} at {formatClock(entry.at, timeZone)}
    </li>
  ));
}
