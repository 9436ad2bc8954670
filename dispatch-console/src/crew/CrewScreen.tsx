import { useState } from 'react';
import type { Session } from '../../../shared/auth/roles.ts';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import type { Unit } from '../../../shared/units/unitSchema.ts';
import type { HospitalOption } from '../../../shared/routing/routeSchema.ts';
import { UNIT_STATUS_LABELS } from '../../../shared/units/unitStatus.ts';
import type { LiveConnection } from '../realtime/useLiveConnection.ts';
import { useCity } from '../map/useCity.ts';
import { STATUS_COLORS } from '../map/layers.ts';
import { CrewRouteMap } from './CrewRouteMap.tsx';
import { CrewRouteSummary } from './CrewRouteSummary.tsx';
import { CrewJobDetails, CrewJobHeader } from './CrewJob.tsx';
import { CrewActionBar } from './CrewActionBar.tsx';
import { HospitalPicker } from './HospitalPicker.tsx';
import { LocationLine } from './LocationLine.tsx';
import { CrewShift } from './CrewShift.tsx';
import { useCrewCommand } from './useCrewCommand.ts';
import { useCrewRoute } from './useCrewRoute.ts';
import { useDevicePosition } from './useDevicePosition.ts';
import { useCrewTheme } from './useCrewTheme.ts';
import { CrewTopActions } from './CrewTopActions.tsx';
import { CrewNotes } from './CrewNotes.tsx';
import { needsAcknowledgement, newerUnit, withKnownAcknowledgement } from './crewFlow.ts';
import type { CrewAction } from './crewFlow.ts';

interface CrewScreenProps {
  session: Session;
  /** The vehicle the crew member is signed on to. */
  unitId: string;
  live: LiveConnection;
  onSignedOff: () => void;
  onSignOut: () => void;
}

/**
 * The crew screen of one vehicle (phone-sized): its job, the route with the drive time, one big button for the next
 * step, and its position shared with the control room. The server sends a crew only its own unit and its incident.
 */
export function CrewScreen({ session, unitId, live, onSignedOff, onSignOut }: CrewScreenProps) {
  const { city, error: cityError } = useCity();
  const { isLight, toggle } = useCrewTheme();
  const command = useCrewCommand();
  const [answeredUnit, setAnsweredUnit] = useState<Unit | null>(null);
  const [answeredIncident, setAnsweredIncident] = useState<Incident | null>(null);
  const [isChoosingHospital, setChoosingHospital] = useState(false);

  const unit = newerUnit(live.state.units[unitId] ?? null, answeredUnit);
  const storeIncident = unit?.incidentId ? (live.state.incidents[unit.incidentId] ?? null) : null;
  const incident = withKnownAcknowledgement(storeIncident, answeredIncident, unitId);
  const needsAck = needsAcknowledgement(incident, unitId);
  const device = useDevicePosition(live.commands, unitId);
  const isConnected = live.status === 'connected';
  const route = useCrewRoute(live.commands, unit, device.position, isConnected);
  const isUnknownUnit = live.state.version >= 0 && !unit;

  function acknowledge() {
    command.run({ action: 'acknowledge', label: 'Acknowledge' }, () => live.commands.sendCommand('unit:acknowledge', { unitId }), setAnsweredIncident);
  }

  function sendStatus(action: CrewAction, hospital?: HospitalOption) {
    const label = hospital ? `Transporting to ${hospital.name}` : action.label;
    const payload = hospital ? { unitId, status: action.status, destinationId: hospital.facilityId } : { unitId, status: action.status };
    command.run({ action: action.status, label }, () => live.commands.sendCommand('unit:status', payload), setAnsweredUnit);
  }

  function signOff() {
    command.run({ action: 'sign_off', label: 'Sign off' }, () => live.commands.sendCommand('crew:sign_off', {}), onSignedOff);
  }

  function handleAction(action: CrewAction) {
    if (action.needsHospital) setChoosingHospital(true);
    else sendStatus(action);
  }

  const callSign = unit?.callSign ?? unitId.toUpperCase();
  const status = unit?.status ?? null;

  return (
    <div className={`crew${isLight ? ' theme-light' : ''}`} data-testid="crew-screen" data-unit-id={unitId} data-status={status ?? 'unknown'}>
      <header className="crew-top">
        <span className="crew-callsign" data-testid="crew-callsign">{callSign}</span>
        {status && (
          <span className="crew-status" data-testid="crew-status" data-status={status} style={{ background: STATUS_COLORS[status] }}>
            {UNIT_STATUS_LABELS[status]}
          </span>
        )}
        <CrewTopActions displayName={session.displayName} isLight={isLight} onToggleTheme={toggle} onSignOut={onSignOut} />
      </header>
      <div className="crew-lines">
        <LocationLine state={device.state} sentAt={device.sentAt} />
        <span className={`crew-conn conn-${live.status}`} data-testid="connection" data-status={live.status} title={live.refusal ?? undefined}>
          {isConnected ? 'Live' : 'Offline'}
        </span>
      </div>
      {live.refusal && !isConnected && <p className="crew-error">Not connected: {live.refusal}</p>}
      <main className="crew-body">
        {isUnknownUnit && (
          <section className="crew-card" data-testid="crew-unknown-unit">
            <h2>Unit {unitId} is not in the fleet</h2>
            <p className="crew-muted">Sign off below, then sign on to your vehicle again.</p>
          </section>
        )}
        {unit && !incident && (
          <section className="crew-card crew-idle" data-testid="crew-idle">
            <h2>No assignment</h2>
            <p className="crew-muted">
              {UNIT_STATUS_LABELS[unit.status]} · base {unit.baseName}
            </p>
          </section>
        )}
        {incident && <CrewJobHeader incident={incident} />}
        {unit && (route.route || route.isLoading || route.error || incident) && (
          <section className="crew-card crew-route" data-testid="crew-route">
            <CrewRouteSummary route={route.route} isLoading={route.isLoading} error={route.error} />
            {city ? (
              <CrewRouteMap city={city} route={route.route} self={device.position ?? unit.position} isLight={isLight} />
            ) : (
              <div className="crew-map placeholder">{cityError ? `Map unavailable: ${cityError}` : 'Loading the map…'}</div>
            )}
          </section>
        )}
        {incident && <CrewNotes incident={incident} commands={live.commands} />}
        {incident && <CrewJobDetails incident={incident} />}
        {live.state.version >= 0 && <CrewShift callSign={callSign} crew={unit?.crew ?? []} isBusy={command.pending !== null} onSignOff={signOff} />}
      </main>
      {isChoosingHospital && (
        <HospitalPicker
          commands={live.commands}
          unitId={unitId}
          onCancel={() => setChoosingHospital(false)}
          onChoose={(hospital) => {
            setChoosingHospital(false);
            sendStatus({ status: 'transporting', label: 'Transporting', isPrimary: true, needsHospital: true }, hospital);
          }}
        />
      )}
      {unit && status && (
        <CrewActionBar
          status={status}
          needsAck={needsAck}
          pending={command.pending}
          connection={live.status}
          error={command.error}
          onAcknowledge={acknowledge}
          onAction={handleAction}
          onClearError={command.clearError}
        />
      )}
    </div>
  );
}
