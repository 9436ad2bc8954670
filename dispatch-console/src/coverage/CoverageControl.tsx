import type { Coverage } from '../../../shared/coverage/coverageSchema.ts';
import { COVERAGE_GROUP_LABELS, COVERAGE_GROUPS, type CoverageBand, type CoverageGroup } from '../../../shared/coverage/coverageTargets.ts';
import { COVERAGE_BAND_COLORS, type CoverageShown } from '../map/coverageLayer.ts';
import { bandLabel, nearestLine } from './coverageWords.ts';
import './coverage.css';

interface CoverageControlProps {
  coverage: Coverage | null;
  group: CoverageGroup | null;
  /** Absent where the screen around the map chooses the group and shows the counts (the figures): the legend alone. */
  onGroup?: ((group: CoverageGroup | null) => void) | undefined;
  /** What the map draws now (null while off or before the first coverage arrives). */
  shown: CoverageShown | null;
  hoveredWard: number | null;
}

const BANDS: readonly CoverageBand[] = ['within', 'near', 'outside'];

/**
 * [CV6] The coverage layer's switch (Off / Ambulance / Engine) and, while it is on, its legend: the bands against the
 * group's target, how many wards are outside it, and the ward under the pointer with its nearest unit. [CV7] Without
 * `onGroup` only the bands and the ward under the pointer: the screen around the map has the switch and the counts.
 */
export function CoverageControl({ coverage, group, onGroup, shown, hoveredWard }: CoverageControlProps) {
  const hovered = hoveredWard === null ? undefined : coverage?.wards.find((ward) => ward.ward === hoveredWard);
  const hasWards = coverage === null || coverage.wards.length > 0;
  return (
    <div
      className="coverage-control"
      data-testid="coverage-control"
      data-group={shown?.group ?? 'off'}
      data-computed-at={shown?.computedAt ?? ''}
    >
      {onGroup ? (
        <div className="coverage-switch" role="radiogroup" aria-label="Coverage layer">
          <span className="legend-head">Coverage</span>
          {([null, ...COVERAGE_GROUPS] as const).map((choice) => (
            <button
              key={choice ?? 'off'}
              type="button"
              role="radio"
              aria-checked={group === choice}
              className={group === choice ? 'tab active' : 'tab'}
              data-testid={`coverage-${choice ?? 'off'}`}
              disabled={choice !== null && !hasWards}
              onClick={() => onGroup(choice)}
            >
              {choice === null ? 'Off' : COVERAGE_GROUP_LABELS[choice]}
            </button>
          ))}
        </div>
      ) : (
        group !== null && <span className="legend-head">{COVERAGE_GROUP_LABELS[group]} coverage</span>
      )}
      {!hasWards && <div className="muted small">This city pack has no wards to measure.</div>}
      {group !== null && hasWards && (
        <div className="coverage-legend" data-testid="coverage-legend">
          {coverage === null ? (
            <span className="muted">Reading coverage…</span>
          ) : (
            <>
              {BANDS.map((band) => (
                <span key={band}>
                  <i className="swatch" style={{ background: COVERAGE_BAND_COLORS[band] }} />
                  {bandLabel(band, group)}
                </span>
              ))}
              {onGroup && (
                <span className="coverage-count" data-testid="coverage-outside">
                  {coverage.outsideTarget[group]} of {coverage.wards.length} wards outside target
                  {coverage.method === 'straight_line' ? ' (straight-line estimate)' : ''}
                </span>
              )}
              <span className="coverage-hover" data-testid="coverage-hover">
                {hovered ? `${hovered.name}: ${nearestLine(hovered[group])}` : 'Point at a ward for its nearest unit'}
              </span>
            </>
          )}
        </div>
      )}
    </div>
  );
}
