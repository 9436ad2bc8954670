import { useMemo, useState } from 'react';
import { UNIT_KIND_LABELS } from '../../../shared/units/unitKinds.ts';
import type { Unit } from '../../../shared/units/unitSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { useCity } from '../map/useCity.ts';
import { AddVehicleForm } from './AddVehicleForm.tsx';
import { FleetTable, fleetGroupId } from './FleetTable.tsx';
import { fleetByKind } from './fleetWords.ts';
import { useFleet } from './useFleet.ts';
import './fleet.css';

interface FleetPanelProps {
  commands: CommandClient;
  isConnected: boolean;
  hidden: boolean;
}

/**
 * [FL2][FL3] The administrator's Fleet: every unit by kind as the live store holds it, and Add a vehicle, whose bases
 * are the city's facilities from the layers the map draws (read when this view is first opened).
 */
export function FleetPanel({ commands, isConnected, hidden }: FleetPanelProps) {
  const fleet = useFleet(commands, isConnected);
  const { city, error: cityError } = useCity();
  /** The vehicle just added, marked in the list; and whether its notice still stands (a new attempt puts it away). */
  const [added, setAdded] = useState<Unit | null>(null);
  const [isNoticeShown, setNoticeShown] = useState(false);
  const groups = useMemo(() => (fleet.units ? fleetByKind(fleet.units) : null), [fleet.units]);

  return (
    <main className="admin" data-testid="fleet-screen" hidden={hidden}>
      <section className="panel fleet">
        <header className="panel-head">
          <h2>
            Fleet
            {fleet.units && (
              <span className="muted small" data-testid="fleet-count" data-count={fleet.units.length}>
                {fleet.units.length} units
              </span>
            )}
          </h2>
          <button type="button" className="small" data-testid="fleet-refresh" disabled={fleet.isLoading} onClick={fleet.reload}>
            {fleet.isLoading ? 'Reading…' : 'Refresh'}
          </button>
        </header>
        {added && isNoticeShown && (
          <p className="ok-text" role="status" data-testid="fleet-added" data-unit-id={added.id}>
            Added {added.callSign}, {UNIT_KIND_LABELS[added.kind]}, at {added.baseName}: it is available now and every console shows it.
          </p>
        )}
        {fleet.error && <p className="error-text" data-testid="fleet-error">{fleet.error}</p>}
        {cityError && !city && <p className="error-text" data-testid="fleet-city-error">The city's stations could not be read yet; trying again…</p>}
        {groups && (
          <nav className="fleet-kinds" aria-label="Kinds of vehicle" data-testid="fleet-kinds">
            {groups.map((group) => (
              <button
                key={group.kind}
                type="button"
                className="small"
                data-testid={`fleet-kind-${group.kind}`}
                data-count={group.units.length}
                disabled={group.units.length === 0}
                onClick={() => document.getElementById(fleetGroupId(group.kind))?.scrollIntoView({ block: 'start' })}
              >
                {UNIT_KIND_LABELS[group.kind]} <span className="count">{group.units.length}</span>
              </button>
            ))}
          </nav>
        )}
        <div className="fleet-scroll">
          {groups ? (
            <FleetTable groups={groups.filter((group) => group.units.length > 0)} addedId={added?.id ?? null} />
          ) : (
            <p className="muted empty">{isConnected ? 'Reading the fleet…' : 'Connecting…'}</p>
          )}
        </div>
      </section>
      <AddVehicleForm
        units={fleet.units}
        facilities={city?.facilities ?? null}
        onAdd={(vehicle) => {
          setNoticeShown(false);
          return fleet.add(vehicle);
        }}
        onAdded={(unit) => {
          setAdded(unit);
          setNoticeShown(true);
        }}
      />
    </main>
  );
}
