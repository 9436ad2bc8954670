import { useMemo } from 'react';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import type { Coverage } from '../../../shared/coverage/coverageSchema.ts';
import { COVERAGE_GROUP_LABELS, COVERAGE_GROUPS, COVERAGE_TARGET_SECONDS, type CoverageGroup } from '../../../shared/coverage/coverageTargets.ts';
import { formatEta } from '../dispatch/pickAssignment.ts';
import { formatClock } from '../incidents/incidentIntervals.ts';
import type { LiveState } from '../realtime/liveState.ts';
import { CoverageMap } from '../coverage/CoverageMap.tsx';
import { formatTravelMinutes } from '../coverage/coverageWords.ts';
import { wardsOutsideTarget } from '../coverage/wardsOutsideTarget.ts';
import { COVERAGE_BAND_COLORS } from '../map/coverageLayer.ts';
import { useCityZone } from '../time/cityZone.ts';

interface CoveragePanelProps {
  /** Null while the city's layers load. */
  city: CityLayers | null;
  state: Pick<LiveState, 'units' | 'incidents'>;
  /** The board's live coverage (read on connect, replaced by every push); null until the first answer. */
  coverage: Coverage | null;
  group: CoverageGroup;
  onGroup: (group: CoverageGroup) => void;
}

/**
 * [CV7] Coverage now, on the supervisor's figures: for the ambulance and the engine, how many wards are outside
 * target (each count chooses the group shown), the ward map coloured by the group's travel times, and the wards
 * outside target, the worst first, with their nearest unit and its minutes. Live: it follows the board's coverage.
 */
export function CoveragePanel({ city, state, coverage, group, onGroup }: CoveragePanelProps) {
  const timeZone = useCityZone();
  const outside = useMemo(() => (coverage ? wardsOutsideTarget(coverage, group) : []), [coverage, group]);
  const target = formatEta(COVERAGE_TARGET_SECONDS[group]);
  const label = COVERAGE_GROUP_LABELS[group].toLowerCase();
  const hasWards = coverage === null || coverage.wards.length > 0;
  return (
    <section className="panel live-panel figures-coverage" data-testid="figures-coverage" data-group={group} data-computed-at={coverage?.computedAt ?? ''}>
      <header className="panel-head">
        <h2>Coverage now</h2>
        {coverage && (
          <span className="muted small" data-testid="figures-coverage-method">
            {coverage.method === 'road_network' ? 'drive times' : 'straight-line estimates'} · as of {formatClock(coverage.computedAt, timeZone)}
          </span>
        )}
      </header>
      {!hasWards ? (
        <p className="muted empty">This city pack has no wards to measure.</p>
      ) : (
        <>
          <div className="coverage-tiles" role="radiogroup" aria-label="Coverage shown">
            {COVERAGE_GROUPS.map((choice) => {
              const count = coverage?.outsideTarget[choice];
              return (
                <button
                  key={choice}
                  type="button"
                  role="radio"
                  aria-checked={choice === group}
                  className={choice === group ? 'coverage-tile active' : 'coverage-tile'}
                  data-testid={`figures-coverage-${choice}`}
                  data-outside={count ?? ''}
                  onClick={() => onGroup(choice)}
                >
                  <span className="tile-label">{COVERAGE_GROUP_LABELS[choice]}</span>
                  <span className={count ? 'tile-count has-outside' : 'tile-count'}>{count ?? '…'}</span>
                  <span className="tile-note">{coverage ? `of ${coverage.wards.length} wards` : 'Reading coverage…'}</span>
                  <span className="tile-note">outside {formatEta(COVERAGE_TARGET_SECONDS[choice])}</span>
                </button>
              );
            })}
          </div>
          <div className="figures-coverage-map">
            {city ? <CoverageMap city={city} state={state} coverage={coverage} group={group} /> : <p className="muted empty">Loading the city map…</p>}
          </div>
          <h3 className="figures-subhead">
            Wards with no {label} within {target}
          </h3>
          {coverage && outside.length === 0 && <p className="muted empty">Every ward has an {label} within {target}.</p>}
          {outside.length > 0 && (
            <div className="coverage-ward-scroll">
              <table className="figures-table live-list" data-testid="coverage-wards-outside" data-count={outside.length}>
                <thead>
                  <tr>
                    <th>Ward</th>
                    <th>Nearest {label}</th>
                    <th className="num">Minutes</th>
                  </tr>
                </thead>
                <tbody>
                  {outside.map((ward) => (
                    <tr key={ward.ward} data-testid={`coverage-ward-${ward.ward}`} data-band={ward.band}>
                      <td>
                        <i className="swatch" style={{ background: COVERAGE_BAND_COLORS[ward.band] }} />
                        {ward.name}
                      </td>
                      <td className={ward.nearest.callSign === null ? 'muted' : 'mono callsign'}>{ward.nearest.callSign ?? 'none available'}</td>
                      <td className="num">{formatTravelMinutes(ward.nearest.travelSeconds)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
