import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import type { Session } from '../../shared/auth/roles.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import type { UnitId } from '../../shared/units/unitSchema.ts';
import type { DivertCandidate } from '../../shared/dispatch/dispatchSchema.ts';
import { UNIT_KIND_AGENCY } from '../../shared/units/unitKinds.ts';
import { isCommandAllowed } from '../../shared/protocol/contract.ts';
import type { LiveConnection } from './realtime/useLiveConnection.ts';
import { formatCommandError } from './realtime/commandErrors.ts';
import { IncidentQueue } from './incidents/IncidentQueue.tsx';
import { AlertBanner } from './incidents/AlertBanner.tsx';
import { IncidentLookup } from './incidents/IncidentLookup.tsx';
import type { LookupResult } from './incidents/IncidentLookup.tsx';
import { ReferenceSearch } from './incidents/ReferenceSearch.tsx';
import { NarrativePanel } from './incidents/NarrativePanel.tsx';
import { useEchoAlerts } from './incidents/useEchoAlerts.ts';
import { alertAckKey } from './incidents/alertAckStore.ts';
import { moveSelection, orderQueue } from './incidents/queueOrder.ts';
import { RecommendPanel } from './dispatch/RecommendPanel.tsx';
import { KeyboardHints } from './dispatch/KeyboardHints.tsx';
import { useRecommendation } from './dispatch/useRecommendation.ts';
import { useDispatchKeys } from './dispatch/useDispatchKeys.ts';
import { firstDivertCandidate, togglePick, togglePickUnit, unitsToAssign } from './dispatch/pickAssignment.ts';
import { useAckAlarm } from './dispatch/useAckAlarm.ts';
import { AckAlarmBanner } from './dispatch/AckAlarmBanner.tsx';
import { IncidentActions } from './dispatch/IncidentActions.tsx';
import { useIncidentActions } from './dispatch/useIncidentActions.ts';
import { incidentActionRights } from './dispatch/incidentActionRights.ts';
import { CallPanel } from './calls/CallPanel.tsx';
import { CallOutcomeBanner } from './calls/CallOutcomeBanner.tsx';
import { DuplicatePanel } from './calls/DuplicatePanel.tsx';
import { PreArrivalPanel } from './calls/PreArrivalPanel.tsx';
import { useCall } from './calls/useCall.ts';
import { useCallKeys } from './calls/useCallKeys.ts';
import { useCallerHistory } from './calls/useCallerHistory.ts';
import { useDuplicates } from './calls/useDuplicates.ts';
import { focusField } from './calls/focusField.ts';
import { formatLatLng } from './calls/locationQuery.ts';
import { MapView } from './map/MapView.tsx';
import { useCity } from './map/useCity.ts';
import { useCityIndexes } from './map/useCityIndexes.ts';
import { useCoverage } from './coverage/useCoverage.ts';
import { StatusBar } from './StatusBar.tsx';
import { AuditPanel } from './audit/AuditPanel.tsx';
import { CareBoard } from './care/CareBoard.tsx';

/** [SF1] The figures and their charts are the supervisor's alone: loaded when first opened, not with every board. */
const FiguresView = lazy(() => import('./supervisor/FiguresView.tsx').then((module) => ({ default: module.FiguresView })));

interface ConsoleScreenProps {
  session: Session;
  live: LiveConnection;
  onSignOut: () => void;
}

type SidePanel = 'dispatch' | 'capture';
/**
 * A supervisor switches between the board, the audit record, Care Connect and the figures; the board stays mounted
 * (its map is costly).
 */
type View = 'board' | 'audit' | 'care' | 'figures';

/**
 * The live board. A call-taker's board is the call (left), the map, and what to say (right: duplicates, pre-arrival
 * instructions); a dispatcher's is the desk's queue, the map and the selected incident (or a call being taken).
 */
export function ConsoleScreen({ session, live, onSignOut }: ConsoleScreenProps) {
  const { city, error: cityError } = useCity();
  const indexes = useCityIndexes(city);
  const isCallTaker = session.role === 'call_taker';
  const canCreate = isCommandAllowed('incident:create', session.role);
  const canAssign = isCommandAllowed('dispatch:assign', session.role);
  const canRecommend = isCommandAllowed('dispatch:recommend', session.role);
  const canAudit = isCommandAllowed('audit:search', session.role);
  const mayNote = isCommandAllowed('incident:add_note', session.role);
  const [view, setView] = useState<View>('board');
  // The audit is searched only once a supervisor opens it (every search is itself audited).
  const [isAuditOpened, setAuditOpened] = useState(false);
  // [CS9] Care Connect's departments, read once a supervisor opens them.
  const canCare = isCommandAllowed('ticket:summary', session.role);
  const [isCareOpened, setCareOpened] = useState(false);
  // [SF1] The response-time figures and the live operation, read from the archive once a supervisor opens them.
  const canFigures = isCommandAllowed('report:intervals', session.role);
  const [isFiguresOpened, setFiguresOpened] = useState(false);

  const [side, setSide] = useState<SidePanel>(isCallTaker ? 'capture' : 'dispatch');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [picked, setPicked] = useState<UnitId[]>([]);
  const [assignError, setAssignError] = useState<string | null>(null);
  const [isAssigning, setAssigning] = useState(false);
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const [lookup, setLookup] = useState<LookupResult | null>(null);
  // [IQ2] The Echo alert is for dispatch desks; a call-taker is busy on the phone.
  const { alerts, acknowledge } = useEchoAlerts(live.state, isCallTaker ? null : alertAckKey(session.userId, session.desk));

  const call = useCall(live.commands, session.userId);
  const history = useCallerHistory(live.commands, call.draft?.callbackNumber ?? null);
  const duplicates = useDuplicates(live.commands, call.draft?.position ?? null, call.draft?.type ?? null, live.state.version);
  const selectedDuplicate = duplicates.candidates.find((c) => c.incident.id === duplicateId) ?? duplicates.candidates[0] ?? null;

  const selected = selectedId ? (live.state.incidents[selectedId] ?? null) : null;
  // [LC7] An incident awaiting close is offered no units, so none are looked for.
  const rec = useRecommendation(live.commands, canRecommend && !isCallTaker && selected && selected.status !== 'awaiting_close' ? selected.id : null, live.state.version);
  // [AK2] Crews that have not acknowledged in time: the board's alarm and the one-key replacement.
  const ackAlarm = useAckAlarm(live, !isCallTaker && canRecommend, session.agency);
  const overdueIncidentIds = useMemo(() => new Set(ackAlarm.overdue.map((o) => o.incidentId)), [ackAlarm.overdue]);
  // [IQ1] What needs action first: no unit yet, then a crew overdue acknowledging, then awaiting close.
  const queue = useMemo(() => orderQueue(Object.values(live.state.incidents), overdueIncidentIds), [live.state.incidents, overdueIncidentIds]);
  const isRoadRanked = rec.recommendation?.ranking === 'road_network';
  // [CV6] Dispatchers and supervisors see the city's coverage on their map, kept live.
  const canCoverage = isCommandAllowed('coverage:read', session.role);
  const coverage = useCoverage(live, canCoverage);

  useEffect(() => {
    setPicked([]);
    setAssignError(null);
  }, [selectedId]);

  useEffect(() => {
    if (selectedId && !live.state.incidents[selectedId]) setSelectedId(null);
  }, [selectedId, live.state.incidents]);

  const callSignOf = useCallback((unitId: string) => live.state.units[unitId]?.callSign, [live.state.units]);
  // [LC1]–[LC8] The selected incident's lifecycle steps this desk may take now.
  const actions = useIncidentActions(live.commands, selectedId, callSignOf);
  const rights = selected && !isCallTaker && side === 'dispatch' ? incidentActionRights(selected, session.role, session.agency) : null;

  const select = useCallback((id: string | null) => {
    setSelectedId(id);
    if (id) setSide('dispatch');
  }, []);

  function startCall() {
    if (!canCreate) return;
    setSide('capture');
    // [IC10] A call already open is never thrown away on one key: the call-taker confirms first.
    if (call.draft) {
      call.requestNewCall();
      focusField('discard-confirm');
      return;
    }
    call.start();
    setDuplicateId(null);
    focusField('callback');
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

  function handlePickUnit(unitId: UnitId) {
    const recommendation = rec.recommendation;
    if (recommendation) setPicked((p) => togglePickUnit(recommendation, p, unitId));
  }

  // [DV1] Only a dispatcher diverts, and a desk only its own agency's units.
  const mayDivert = canAssign && isCommandAllowed('dispatch:divert', session.role);
  function openDivert(offer: DivertCandidate) {
    if (!mayDivert || (session.agency && UNIT_KIND_AGENCY[offer.kind] !== session.agency)) return;
    actions.open({ kind: 'divert', unitId: offer.unitId, callSign: offer.callSign, fromIncidentId: offer.fromIncidentId, fromReference: offer.fromReference });
  }

  /** [SF3][SF5] An incident named on the figures opens on the board: selected when it is open, else looked up. */
  function openOnBoard(incidentId: string) {
    setView('board');
    if (live.state.incidents[incidentId]) select(incidentId);
    else void findReference(incidentId);
  }

  async function findReference(reference: string) {
    setLookup({ query: reference, isLoading: true });
    const answer = await live.commands.request('incident:get', { reference });
    setLookup(answer.ok ? { query: reference, incident: answer.data } : { query: reference, error: formatCommandError(answer.error) });
  }

  useDispatchKeys({
    isActive: view === 'board',
    onMove: (step) => !isCallTaker && select(moveSelection(queue.map((i) => i.id), selectedId, step)),
    onAssign: () => void assign(),
    onPick: handlePick,
    onEscape: () => {
      if (lookup) setLookup(null);
      else if (actions.form) actions.dismiss();
      else if (call.isDisposing) call.cancelDispose();
      else if (call.outcome) call.clearOutcome();
      else if (picked.length > 0) setPicked([]);
      else if (call.pendingDiscard) call.keepDraft();
      else if (call.draft && (isCallTaker || side === 'capture')) {
        // [IC10] Esc outside a field offers to discard the call, and asks first.
        call.requestDiscard();
        focusField('discard-confirm');
      } else if (side === 'capture' && !isCallTaker && !call.draft) setSide('dispatch');
      else setSelectedId(null);
    },
    onNewCall: startCall,
    onReplace: () => canAssign && ackAlarm.replace(),
    onCloseIncident: () => rights?.close && actions.open({ kind: 'close' }),
    onCancelIncident: () => rights?.cancel && actions.open({ kind: 'cancel' }),
    onChangeType: () => rights?.updateType && actions.open({ kind: 'update_type' }),
    onMoreUnits: () => rights?.moreUnits && actions.open({ kind: 'more_units' }),
    onDivert: () => {
      const offer = rec.recommendation ? firstDivertCandidate(rec.recommendation) : null;
      if (offer) openDivert(offer);
    },
    onAcknowledgeAlert: () => !isCallTaker && acknowledge(),
  });

  useCallKeys(canCreate && call.draft !== null, {
    onCreate: () => !call.isDisposing && void call.create(),
    onDispose: () => {
      call.beginDispose();
      focusField('dispose');
    },
    onLink: () => selectedDuplicate && void call.link(selectedDuplicate.incident.id),
    onMoveDuplicate: (step) => setDuplicateId(moveSelection(duplicates.candidates.map((c) => c.incident.id), selectedDuplicate?.incident.id ?? null, step)),
  });

  function handleLocationPick(position: LngLat) {
    if (!call.draft) return;
    call.update({ position, locationSource: 'map', locationText: formatLatLng(position) });
  }

  function handleIncidentClick(id: string) {
    const incident = live.state.incidents[id];
    if (isCallTaker) {
      if (incident) setLookup({ query: incident.reference, incident });
    } else select(id);
  }

  // [IQ2] Opening the incident is not acknowledging it: the alert stands until a unit goes or the desk acknowledges.
  function handleShowAlert(id: string) {
    if (isCallTaker) handleIncidentClick(id);
    else select(id);
  }

  const instructionsType = call.draft?.type ?? (call.outcome && call.outcome.kind !== 'disposed' ? call.outcome.incident.type : null);
  const callPanel = (
    <CallPanel call={call} history={history} indexes={indexes} mayRefer={isCommandAllowed('ticket:create', session.role)}>
      {call.outcome && <CallOutcomeBanner outcome={call.outcome} onDismiss={call.clearOutcome} />}
    </CallPanel>
  );
  const duplicatePanel = call.draft && (
    <DuplicatePanel
      candidates={duplicates.candidates}
      selectedId={selectedDuplicate?.incident.id ?? null}
      isSending={call.isSending}
      onSelect={setDuplicateId}
      onLink={(id) => void call.link(id)}
    />
  );
  // [NR3] An incident found by reference follows the live board while it is on it (a closed one is not).
  const lookupIncident = lookup && 'incident' in lookup ? (live.state.incidents[lookup.incident.id] ?? lookup.incident) : null;
  const lookupPanel = lookup && (
    <>
      <IncidentLookup
        result={lookupIncident ? { query: lookup.query, incident: lookupIncident } : lookup}
        onClose={() => setLookup(null)}
        reopen={isCommandAllowed('incident:reopen', session.role) ? { commands: live.commands, onReopened: (incident) => setLookup({ query: incident.reference, incident }) } : undefined}
        cancel={isCommandAllowed('incident:cancel', session.role) ? { commands: live.commands, onCancelled: (incident) => setLookup({ query: incident.reference, incident }) } : undefined}
        mayHandOff={isCommandAllowed('incident:eido', session.role)}
      />
      {lookupIncident && (
        <NarrativePanel incident={lookupIncident} commands={live.commands} mayNote={mayNote} onNoted={(incident) => setLookup({ query: incident.reference, incident })} />
      )}
    </>
  );
  const mapPanel = (
    <section className="map-panel">
      {city ? (
        <MapView
          city={city}
          units={live.state.units}
          incidents={live.state.incidents}
          selectedId={selectedId}
          routes={rec.recommendation?.routes ?? []}
          routeMethod={rec.recommendation?.ranking ?? 'straight_line'}
          pick={call.draft?.position ?? null}
          pickMode={call.draft !== null && side === 'capture'}
          followPick={call.draft?.locationSource !== 'map'}
          onIncidentClick={handleIncidentClick}
          onLocationPick={handleLocationPick}
          {...(canCoverage ? { coverage } : {})}
        />
      ) : (
        <div className="map-placeholder" data-testid="map-loading">
          {cityError ? `City map unavailable: ${cityError}. Retrying…` : 'Loading the city map…'}
        </div>
      )}
      {city && !city.hasRoadNetwork && !isRoadRanked && (
        <div className="notice" data-testid="no-road-network">
          No road network: ETAs are straight-line estimates
        </div>
      )}
    </section>
  );

  return (
    <div className="console">
      <StatusBar session={session} status={live.status} refusal={live.refusal} version={live.state.version} onSignOut={onSignOut}>
        {canCreate && !isCallTaker && (
          <button type="button" className={side === 'capture' ? 'tab active' : 'tab'} data-testid="new-call" onClick={startCall}>
            New call <kbd>N</kbd>
          </button>
        )}
        <ReferenceSearch onSearch={(reference) => void findReference(reference)} onClose={() => setLookup(null)} />
        {(canAudit || canCare || canFigures) && (
          <span className="view-tabs" role="tablist">
            <button type="button" role="tab" aria-selected={view === 'board'} className={view === 'board' ? 'tab active' : 'tab'} data-testid="view-board" onClick={() => setView('board')}>
              Board
            </button>
            {canAudit && (
              <button
                type="button"
                role="tab"
                aria-selected={view === 'audit'}
                className={view === 'audit' ? 'tab active' : 'tab'}
                data-testid="view-audit"
                onClick={() => {
                  setAuditOpened(true);
                  setView('audit');
                }}
              >
                Audit
              </button>
            )}
            {canCare && (
              <button
                type="button"
                role="tab"
                aria-selected={view === 'care'}
                className={view === 'care' ? 'tab active' : 'tab'}
                data-testid="view-care"
                onClick={() => {
                  setCareOpened(true);
                  setView('care');
                }}
              >
                Care Connect
              </button>
            )}
            {canFigures && (
              <button
                type="button"
                role="tab"
                aria-selected={view === 'figures'}
                className={view === 'figures' ? 'tab active' : 'tab'}
                data-testid="view-figures"
                onClick={() => {
                  setFiguresOpened(true);
                  setView('figures');
                }}
              >
                Figures
              </button>
            )}
          </span>
        )}
      </StatusBar>
      {!isCallTaker && <AlertBanner alerts={alerts} onAcknowledge={() => acknowledge()} onShow={handleShowAlert} />}
      {!isCallTaker && (
        <AckAlarmBanner
          overdue={ackAlarm.overdue}
          replacement={ackAlarm.replacement}
          isFinding={ackAlarm.isFinding}
          outcome={ackAlarm.outcome}
          canReplace={canAssign}
          onReplace={ackAlarm.replace}
          onShow={select}
          onDismissOutcome={ackAlarm.dismissOutcome}
        />
      )}
      {isCallTaker ? (
        <main className="board call-taking">
          <div className="call-column">{callPanel}</div>
          {mapPanel}
          <aside className="side">
            {lookupPanel}
            {duplicatePanel}
            {instructionsType && <PreArrivalPanel type={instructionsType} />}
            <KeyboardHints canAssign={false} canCreate={canCreate} hasQueue={false} />
          </aside>
        </main>
      ) : (
        <main className="board" hidden={view !== 'board'}>
          <IncidentQueue queue={queue} selectedId={selectedId} overdueIds={overdueIncidentIds} onSelect={select} />
          {mapPanel}
          <aside className="side">
            {lookupPanel}
            {side === 'capture' && canCreate ? (
              <>
                {callPanel}
                {duplicatePanel}
                {instructionsType && <PreArrivalPanel type={instructionsType} />}
              </>
            ) : selected ? (
              <RecommendPanel
                incident={selected}
                units={live.state.units}
                recommendation={rec.recommendation}
                error={rec.error}
                isLoading={rec.isLoading}
                picked={picked}
                canAssign={canAssign}
                isAssigning={isAssigning}
                assignError={assignError}
                onTogglePick={handlePickUnit}
                onDivert={mayDivert ? openDivert : undefined}
                onAssignClick={() => void assign()}
                actions={rights && <IncidentActions incident={selected} rights={rights} actions={actions} />}
                releasable={rights?.releasable}
                onRelease={(unitId) => actions.open({ kind: 'release', unitId })}
              />
            ) : (
              <section className="panel">
                <p className="muted empty">Select an incident in the queue or on the map.</p>
              </section>
            )}
            {!(side === 'capture' && canCreate) && selected && <NarrativePanel incident={selected} commands={live.commands} mayNote={mayNote} />}
            <KeyboardHints canAssign={canAssign} canCreate={canCreate} hasQueue canReplace={canAssign && ackAlarm.overdue.length > 0} hasLifecycle={isCommandAllowed('incident:close', session.role)} canAcknowledgeAlert={alerts.length > 0} />
          </aside>
        </main>
      )}
      {canAudit && isAuditOpened && <AuditPanel commands={live.commands} hidden={view !== 'audit'} />}
      {canCare && isCareOpened && <CareBoard session={session} live={live} hidden={view !== 'care'} />}
      {canFigures && isFiguresOpened && (
        <Suspense fallback={view === 'figures' && <p className="muted empty">Loading the figures…</p>}>
          <FiguresView live={live} hidden={view !== 'figures'} onOpenIncident={openOnBoard} city={city} {...(canCoverage ? { coverage } : {})} />
        </Suspense>
      )}
    </div>
  );
}
