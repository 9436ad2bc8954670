import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import type { DivertCandidate, Recommendation } from '../../../shared/dispatch/dispatchSchema.ts';
import type { UnitId } from '../../../shared/units/unitSchema.ts';
import { UNIT_KIND_LABELS } from '../../../shared/units/unitKinds.ts';
import { PRIORITY_LABELS } from '../../../shared/incidents/priority.ts';
import { firstDivertCandidate, formatAge, formatDistance, formatEta, formatEtaFor, numberCandidates, unitsToAssign } from './pickAssignment.ts';
import { placeLabel, typeLabel } from '../incidents/queueOrder.ts';
import { CommittedUnits } from './CommittedUnits.tsx';
import type { Unit } from '../../../shared/units/unitSchema.ts';
import { IncidentCallers } from '../incidents/IncidentCallers.tsx';
import { crewNames } from './crewNames.ts';
import { CoverageCostNote } from '../coverage/CoverageCostNote.tsx';
import type { ReactNode } from 'react';

interface RecommendPanelProps {
  incident: Incident;
  /** The live units, for the committed units' statuses and who crews each unit. */
  units: Readonly<Record<string, Unit>>;
  recommendation: Recommendation | null;
  error: string | null;
  isLoading: boolean;
  picked: readonly UnitId[];
  canAssign: boolean;
  isAssigning: boolean;
  assignError: string | null;
  /** Picks or unpicks a candidate (numbered or not). */
  onTogglePick: (unitId: UnitId) => void;
  /** [DV3] Opens the divert form for a unit on a less urgent job; absent where this desk may not divert. */
  onDivert?: (offer: DivertCandidate) => void;
  onAssignClick: () => void;
  /** [LC1]–[LC8] The incident's lifecycle steps, under its summary. */
  actions?: ReactNode;
  /** [LC4] The committed units this desk may release, and what a Release button does. */
  releasable?: ReadonlySet<string>;
  onRelease?: (unitId: string) => void;
}

/** Who could go to the selected incident, kind by kind of its response plan. */
export function RecommendPanel(props: RecommendPanelProps) {
  const { incident, recommendation, error, isLoading, picked, canAssign, isAssigning, assignError } = props;
  const numbered = recommendation ? numberCandidates(recommendation) : [];
  const keyOf = new Map(numbered.map((n) => [n.candidate.unitId as string, n.key]));
  const toAssign = recommendation ? unitsToAssign(recommendation, picked) : [];
  const callSigns = toAssign.map((id) => numbered.find((n) => n.candidate.unitId === id)?.candidate.callSign ?? id);
  // [LC7] Every unit has cleared: the board offers the close (or more units), never an assignment.
  const isAwaitingClose = incident.status === 'awaiting_close';
  const topDivert = recommendation ? firstDivertCandidate(recommendation) : null;

  return (
    <section className="panel recommend" data-testid="recommend-panel" data-incident-id={incident.id} data-status={incident.status}>
      <header className="panel-head">
        <h2>
          <span className={`prio-badge prio-${incident.priority}`}>{incident.priority.toUpperCase()}</span> {incident.reference}
        </h2>
      </header>
      <div className="incident-summary">
        <div className="summary-type">{typeLabel(incident)}</div>
        <div className="muted">{PRIORITY_LABELS[incident.priority]} · {placeLabel(incident)}</div>
        {incident.locationNotes && <div>At: {incident.locationNotes}</div>}
        {incident.notes && <div className="muted">{incident.notes}</div>}
        <IncidentCallers incident={incident} />
        <CommittedUnits incident={incident} units={props.units} releasable={props.releasable} onRelease={props.onRelease} />
      </div>
      {isAwaitingClose && (
        <p className="awaiting-close" data-testid="awaiting-close">
          <strong>Awaiting close</strong> · every unit has cleared. Close it with a disposition, or send more units.
        </p>
      )}
      {props.actions}
      {assignError && (
        <p className="error-text" data-testid="assign-error">
          {assignError}
        </p>
      )}
      {canAssign && !isAwaitingClose && (
        <button
          type="button"
          className="primary assign"
          data-testid="assign-button"
          disabled={toAssign.length === 0 || isAssigning}
          onClick={props.onAssignClick}
        >
          {isAssigning ? 'Assigning…' : !recommendation ? 'Finding units…' : toAssign.length > 0 ? `Assign ${callSigns.join(', ')}  [Enter]` : 'Plan met · pick a unit to add (1–9, or Tab and Space)'}
        </button>
      )}
      {isLoading && !recommendation && <p className="muted">Finding units…</p>}
      {error && <p className="error-text">{error}</p>}
      {recommendation && (
        <p className="ranking-line muted small" data-testid="ranking" data-ranking={recommendation.ranking}>
          {recommendation.ranking === 'road_network' ? 'Ranked by drive time on the road network; route drawn on the map.' : 'Ranked by straight-line estimate (no road network).'}
        </p>
      )}
      {recommendation?.byKind.map((kind) => (
        <div key={kind.kind} className="kind-block" data-testid={`recommend-kind-${kind.kind}`}>
          <div className="kind-head">
            <strong>{UNIT_KIND_LABELS[kind.kind]}</strong>
            <span className={kind.needed > 0 ? 'needed' : 'met'}>
              {kind.needed > 0 ? `${kind.needed} needed` : 'plan met'} · {kind.committed} committed
            </span>
          </div>
          {kind.candidates.length === 0 && <div className="muted small">No available unit of this kind.</div>}
          <ol className="candidates">
            {kind.candidates.map((c) => {
              const key = keyOf.get(c.unitId) ?? null;
              const isChosen = toAssign.includes(c.unitId);
              const crew = crewNames(props.units[c.unitId]);
              return (
                <li key={c.unitId}>
                  {/* [DS7] Every candidate is a button: Tab reaches any of them, Space or Enter picks it; 1-9 are shortcuts. */}
                  <button
                    type="button"
                    className={`candidate${isChosen ? ' chosen' : ''}${picked.includes(c.unitId) ? ' picked' : ''}`}
                    data-testid={`candidate-${c.callSign}`}
                    aria-pressed={picked.includes(c.unitId)}
                    onClick={() => props.onTogglePick(c.unitId)}
                  >
                    <kbd>{key ?? '·'}</kbd>
                    <span className="callsign">{c.callSign}</span>
                    <span>{formatDistance(c.distanceMeters)}</span>
                    <span data-testid="candidate-eta">{formatEtaFor(c.etaSeconds, recommendation.ranking)}</span>
                    <span className={c.positionAgeSeconds > 300 ? 'stale' : 'muted'}>fix {formatAge(c.positionAgeSeconds)}</span>
                    <CoverageCostNote cost={c.coverageCost} callSign={c.callSign} />
                    <span className="reason">
                      {c.reason}
                      {crew && <span className="crew-names" data-testid={`candidate-crew-${c.callSign}`}> · {crew}</span>}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
          {kind.needed > 0 && kind.divertCandidates.length > 0 && (
            <div className="divert-offers" data-testid={`divert-offers-${kind.kind}`}>
              <div className="divert-head">Much nearer, on a less urgent job:</div>
              <ul>
                {kind.divertCandidates.map((offer) => (
                  <li key={offer.unitId} className="divert-offer" data-testid={`divert-${offer.callSign}`}>
                    <span className="divert-mark" aria-label="divert">⇄</span>
                    <span className="callsign">{offer.callSign}</span>
                    <span>
                      {formatEtaFor(offer.etaSeconds, recommendation.ranking)}
                      {offer.savingSeconds !== null ? ` · ${formatEta(offer.savingSeconds)} sooner than any free unit` : ' · no free unit can go'}
                    </span>
                    {props.onDivert ? (
                      <button type="button" className="divert-button" data-testid={`divert-button-${offer.callSign}`} onClick={() => props.onDivert?.(offer)}>
                        Divert…{offer.unitId === topDivert?.unitId && <kbd>D</kbd>}
                      </button>
                    ) : (
                      <span />
                    )}
                    <CoverageCostNote cost={offer.coverageCost} callSign={offer.callSign} />
                    <span className="reason">
                      leaves <span className={`prio-badge prio-${offer.fromPriority}`}>{offer.fromPriority.toUpperCase()}</span> {offer.fromReference} · {offer.fromType}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {kind.passedOver.length > 0 && (
            <details className="passed-over">
              <summary>{kind.passedOver.length} passed over</summary>
              <ul>
                {kind.passedOver.map((p) => (
                  <li key={p.unitId}>
                    {p.callSign} · {formatDistance(p.distanceMeters)} · {p.reason.replace('_', ' ')}: {p.detail}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      ))}
    </section>
  );
}
