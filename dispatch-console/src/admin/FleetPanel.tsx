import { useState } from 'react';
import { UNIT_KIND_LABELS } from '../../../shared/units/unitKinds.ts';
import type { Unit } from '../../../shared/units/unitSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { useCity } from '../map/useCity.ts';
import { AddVehicleForm } from './AddVehicleForm.tsx';
import { FleetTable } from './FleetTable.tsx';
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
  const [added, setAdded] = useState<Unit | null>(null);

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
        {added && (
          <p className="ok-text" role="status" data-testid="fleet-added" data-unit-id={added.id}>
            {added.callSign} ({UNIT_KIND_LABELS[added.kind]}) is in the fleet, available at {added.baseName}. Every console shows it now.
          </p>
        )}
        {fleet.error && <p className="error-text" data-testid="fleet-error">{fleet.error}</p>}
        {cityError && !city && <p className="error-text" data-testid="fleet-city-error">The city's stations could not be read yet; trying again…</p>}
        <div className="fleet-scroll">
          {fleet.units ? (
            <FleetTable units={fleet.units} addedId={added?.id ?? null} />
          ) : (
            <p className="muted empty">{isConnected ? 'Reading the fleet…' : 'Connecting…'}</p>
          )}
        </div>
      </section>
      <AddVehicleForm units={fleet.units} facilities={city?.facilities ?? null} onAdd={fleet.add} onAdded={setAdded} />
    </main>
  );
}
