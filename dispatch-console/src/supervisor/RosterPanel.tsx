import type { Unit } from '../../../shared/units/unitSchema.ts';
import { AGENCIES, AGENCY_LABELS, UNIT_KIND_LABELS } from '../../../shared/units/unitKinds.ts';
import { UNIT_STATUS_LABELS } from '../../../shared/units/unitStatus.ts';
import { formatSince } from './figuresFormat.ts';
import { roster, rosterCounts } from './liveOperations.ts';
import type { RosterFilter } from './liveOperations.ts';
import { useCityZone } from '../time/cityZone.ts';

interface RosterPanelProps {
  units: Readonly<Record<string, Unit>>;
  filter: RosterFilter;
  onFilter: (filter: RosterFilter) => void;
  onOpenIncident: (incidentId: string) => void;
}

/**
 * [SF5][CR2] Every unit with its status and who is signed on to it (the unit record the board already holds carries
 * its crew), filtered by agency and to the crewed vehicles.
 */
export function RosterPanel({ units, filter, onFilter, onOpenIncident }: RosterPanelProps) {
  const timeZone = useCityZone();
  const shown = roster(Object.values(units), filter);
  const counts = rosterCounts(shown);
  // The times read as clock times today, with the day before that; they need no ticking.
  const now = Date.now();
  return (
    <section className="panel live-panel roster" data-testid="roster" data-count={shown.length}>
      <header className="panel-head">
        <h2>Roster</h2>
        <span className="muted small" data-testid="roster-counts">
          {counts.units} {counts.units === 1 ? 'unit' : 'units'} · {counts.crewed} crewed · {counts.available} available · {counts.committed} committed
          {counts.outOfService > 0 ? ` · ${counts.outOfService} out of service` : ''}
        </span>
      </header>
      <div className="roster-filter">
        <span role="group" aria-label="Agency" className="view-tabs">
          <button type="button" className={filter.agency === null ? 'tab small active' : 'tab small'} aria-pressed={filter.agency === null} data-testid="roster-agency-all" onClick={() => onFilter({ ...filter, agency: null })}>
            All
          </button>
          {AGENCIES.map((agency) => (
            <button
              key={agency}
              type="button"
              className={filter.agency === agency ? 'tab small active' : 'tab small'}
              aria-pressed={filter.agency === agency}
              data-testid={`roster-agency-${agency}`}
              onClick={() => onFilter({ ...filter, agency })}
            >
              {AGENCY_LABELS[agency]}
            </button>
          ))}
        </span>
        <label className="check small">
          <input type="checkbox" data-testid="roster-crewed" checked={filter.crewedOnly} onChange={(e) => onFilter({ ...filter, crewedOnly: e.target.checked })} />
          Crewed only
        </label>
      </div>
      <div className="roster-scroll">
        <table className="figures-table roster-table">
          <thead>
            <tr>
              <th>Unit</th>
              <th>Status</th>
              <th>Incident</th>
              <th>Signed on</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((unit) => {
              const incidentId = unit.incidentId;
              return (
              <tr key={unit.id} data-testid={`roster-${unit.id}`} data-status={unit.status} data-agency={unit.agency}>
                <td>
                  <span className="mono callsign">{unit.callSign}</span>
                  <div className="muted small">
                    {UNIT_KIND_LABELS[unit.kind]} · {unit.baseName}
                  </div>
                </td>
                <td>
                  <span className={`unit-state unit-state-${unit.status}`}>{UNIT_STATUS_LABELS[unit.status]}</span>
                  <div className="muted small">since {formatSince(unit.statusAt, now, timeZone)}</div>
                </td>
                <td>
                  {incidentId && (
                    <button type="button" className="linklike mono" title="Open it on the board" onClick={() => onOpenIncident(incidentId)}>
                      {incidentId}
                    </button>
                  )}
                </td>
                <td data-testid="roster-crew">
                  {unit.crew.length === 0 ? (
                    <span className="muted">nobody</span>
                  ) : (
                    unit.crew.map((member) => (
                      <div key={member.userId} className="crew-names">
                        {member.name} <span className="muted small">since {formatSince(member.since, now, timeZone)}</span>
                      </div>
                    ))
                  )}
                </td>
              </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
