import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Session } from '../../shared/auth/roles.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import type { UnitId } from '../../shared/units/unitSchema.ts';
import { isCommandAllowed } from '../../shared/protocol/commands.ts';
import { useLiveConnection } from './realtime/useLiveConnection.ts';
import { formatCommandError } from './realtime/commandErrors.ts';
import { IncidentQueue } from './incidents/IncidentQueue.tsx';
import { CallCaptureForm } from './incidents/CallCaptureForm.tsx';
import type { CallCaptureInput } from './incidents/CallCaptureForm.tsx';
import { ReferenceBanner } from './incidents/ReferenceBanner.tsx';
import { AlertBanner } from './incidents/AlertBanner.tsx';
import { useTopPriorityAlerts } from './incidents/useTopPriorityAlerts.ts';
import { moveSelection, orderQueue } from './incidents/queueOrder.ts';
import { RecommendPanel } from './dispatch/RecommendPanel.tsx';
import { KeyboardHints } from './dispatch/KeyboardHints.tsx';
import { useRecommendation } from './dispatch/useRecommendation.ts';
import { useDispatchKeys } from './dispatch/useDispatchKeys.ts';
import { togglePick, unitsToAssign } from './dispatch/pickAssignment.ts';
import { MapView } from './map/MapView.tsx';
import { useCity } from './map/useCity.ts';
import { StatusBar } from './StatusBar.tsx';

interface ConsoleScreenProps {
  session: Session;
  onSignOut: () => void;
}

type SidePanel = 'dispatch' | 'capture';

/** The live board: queue, map, and the selected incident or a new call. */
export function ConsoleScreen({ session, onSignOut }: ConsoleScreenProps) {
  const live = useLiveConnection(session);
  const { city, error: cityError } = useCity();
  const canCreate = isCommandAllowed('incident:create', session.role);
  const canAssign = isCommandAllowed('dispatch:assign', session.role);
  const canRecommend = isCommandAllowed('dispatch:recommend', session.role);

  const [side, setSide] = useState<SidePanel>(session.role === 'call_taker' ? 'capture' : 'dispatch');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pick, setPick] = useState<LngLat | null>(null);
  const [reference, setReference] = useState<string | null>(null);
  const [picked, setPicked] = useState<UnitId[]>([]);
  const [assignError, setAssignError] = useState<string | null>(null);
  const [isAssigning, setAssigning] = useState(false);
  const { alerts, acknowledge } = useTopPriorityAlerts(live.store);

  const queue = useMemo(() => orderQueue(Object.values(live.state.incidents)), [live.state.incidents]);
  const selected = selectedId ? (live.state.incidents[selectedId] ?? null) : null;
  const rec = useRecommendation(live.commands, canRecommend && selected ? selected.id : null, live.state.version);

  useEffect(() => {
    setPicked([]);
    setAssignError(null);
  }, [selectedId]);

  useEffect(() => {
    if (selectedId && !live.state.incidents[selectedId]) setSelectedId(null);
  }, [selectedId, live.state.incidents]);

  const callSignOf = useCallback((unitId: string) => live.state.units[unitId]?.callSign, [live.state.units]);

  const select = useCallback((id: string | null) => {
    setSelectedId(id);
    if (id) setSide('dispatch');
  }, []);

  async function handleCreate(input: CallCaptureInput): Promise<string | null> {
    const answer = await live.commands.sendCommand('incident:create', input);
    if (!answer.ok) return formatCommandError(answer.error, callSignOf);
    setReference(answer.data.reference);
    if (session.role === 'dispatcher') select(answer.data.id);
    return null;
  }

  async function assign() {
    if (!canAssign || !selected || !rec.recommendation || isAssigning) return;
    const unitIds = unitsToAssign(rec.recommendation, picked);
    if (unitIds.length === 0) return;
    setAssigning(true);
    setAssignError(null);
    const answer = await live.commands.sendCommand('dispatch:assign', { incidentId: selected.id, unitIds });
    setAssigning(false);
    if (answer.ok) setPicked([]);
    else setAssignError(formatCommandError(answer.error, callSignOf));
  }

  function handlePick(key: number) {
    const recommendation = rec.recommendation;
    if (recommendation) setPicked((p) => togglePick(recommendation, p, key));
  }

  useDispatchKeys({
    onMove: (step) => select(moveSelection(queue.map((i) => i.id), selectedId, step)),
    onAssign: () => void assign(),
    onPick: handlePick,
    onEscape: () => {
      if (picked.length > 0) setPicked([]);
      else if (side === 'capture') setSide('dispatch');
      else setSelectedId(null);
    },
    onNewCall: () => canCreate && setSide('capture'),
  });

  function handleLocationPick(position: LngLat) {
    if (!canCreate) return;
    setSide('capture');
    setPick(position);
  }

  function handleShowAlert(id: string) {
    acknowledge();
    select(id);
  }

  return (
    <div className="console">
      <StatusBar session={session} status={live.status} refusal={live.refusal} version={live.state.version} onSignOut={onSignOut}>
        {canCreate && (
          <button type="button" className={side === 'capture' ? 'tab active' : 'tab'} data-testid="new-call" onClick={() => setSide('capture')}>
            New call <kbd>N</kbd>
          </button>
        )}
      </StatusBar>
      <AlertBanner alerts={alerts} onAcknowledge={acknowledge} onShow={handleShowAlert} />
      <main className="board">
        <IncidentQueue queue={queue} selectedId={selectedId} onSelect={select} />
        <section className="map-panel">
          {city ? (
            <MapView
              city={city}
              units={live.state.units}
              incidents={live.state.incidents}
              selectedId={selectedId}
              pick={pick}
              pickMode={side === 'capture'}
              onIncidentClick={select}
              onLocationPick={handleLocationPick}
            />
          ) : (
            <div className="map-placeholder" data-testid="map-loading">
              {cityError ? `City map unavailable: ${cityError}. Retrying…` : 'Loading the city map…'}
            </div>
          )}
          {city && !city.hasRoadNetwork && (
            <div className="notice" data-testid="no-road-network">
              No road network: ETAs are straight-line estimates
            </div>
          )}
        </section>
        <aside className="side">
          {reference && <ReferenceBanner reference={reference} onDismiss={() => setReference(null)} />}
          {side === 'capture' && canCreate ? (
            <section className="panel">
              <header className="panel-head">
                <h2>New call</h2>
              </header>
              <CallCaptureForm pick={pick} onPickChange={setPick} onSubmit={handleCreate} onCancel={() => setSide('dispatch')} />
            </section>
          ) : selected ? (
            <RecommendPanel
              incident={selected}
              recommendation={rec.recommendation}
              error={rec.error}
              isLoading={rec.isLoading}
              picked={picked}
              canAssign={canAssign}
              isAssigning={isAssigning}
              assignError={assignError}
              onTogglePick={handlePick}
              onAssignClick={() => void assign()}
            />
          ) : (
            <section className="panel">
              <p className="muted empty">Select an incident in the queue or on the map.</p>
            </section>
          )}
          <KeyboardHints canAssign={canAssign} canCreate={canCreate} />
        </aside>
      </main>
    </div>
  );
}
