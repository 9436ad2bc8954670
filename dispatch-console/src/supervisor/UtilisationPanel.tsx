import { useState } from 'react';
import type { UtilisationReport } from '../../../shared/reports/intervalReportSchema.ts';
import { AGENCIES, AGENCY_LABELS, UNIT_KIND_LABELS, UnitKindSchema } from '../../../shared/units/unitKinds.ts';
import { formatFleetShare, formatPercent, formatSeconds } from './figuresFormat.ts';

/** The busiest units shown before "Show all". */
const BUSIEST_SHOWN = 12;

function kindLabel(kind: string): string {
  const known = UnitKindSchema.safeParse(kind);
  return known.success ? UNIT_KIND_LABELS[known.data] : kind;
}

function ShareBar({ share }: { share: number }) {
  return (
    <span className="share-bar" aria-hidden="true">
      <i style={{ width: `${Math.min(100, Math.round(share * 100))}%` }} />
    </span>
  );
}

/** [SF4] The share of the range each agency's units, and the busiest units, spent committed to incidents. */
export function UtilisationPanel({ report }: { report: UtilisationReport }) {
  const [isShowingAll, setShowingAll] = useState(false);
  const agencies = AGENCIES.map((agency) => report.byAgency.find((line) => line.agency === agency) ?? { agency, units: 0, committedSeconds: 0, utilisation: 0 });
  const units = isShowingAll ? report.units : report.units.slice(0, BUSIEST_SHOWN);
  return (
    <div className="utilisation" data-testid="utilisation">
      <table className="figures-table utilisation-agencies">
        <thead>
          <tr>
            <th>Agency</th>
            <th className="num">Units</th>
            <th className="num">Committed</th>
            <th>Utilisation</th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((line) => (
            <tr key={line.agency} data-testid={`utilisation-${line.agency}`}>
              <td>{AGENCY_LABELS[line.agency]}</td>
              <td className="num">{line.units}</td>
              <td className="num">{formatSeconds(line.committedSeconds)}</td>
              <td className={line.units === 0 ? 'nowrap muted' : 'nowrap'} data-testid="utilisation-share">
                {line.units > 0 && <ShareBar share={line.utilisation} />}
                {formatFleetShare(line)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="figures-subhead">Busiest units</h3>
      {report.units.length === 0 ? (
        <p className="muted empty">No unit responded in this range.</p>
      ) : (
        <table className="figures-table busiest-units">
          <thead>
            <tr>
              <th>Unit</th>
              <th>Kind</th>
              <th className="num">Responses</th>
              <th className="num">Committed</th>
              <th>Utilisation</th>
            </tr>
          </thead>
          <tbody>
            {units.map((row) => (
              <tr key={row.unitId} data-testid="busiest-unit" data-unit-id={row.unitId}>
                <td className="mono">{row.callSign}</td>
                <td>{kindLabel(row.kind)}</td>
                <td className="num">{row.responses}</td>
                <td className="num">{formatSeconds(row.committedSeconds)}</td>
                <td className="nowrap">
                  <ShareBar share={row.utilisation} />
                  {formatPercent(row.utilisation)}
                </td>
              </tr>
            ))}
          </tbody>
          {report.units.length > BUSIEST_SHOWN && (
            <tfoot>
              <tr>
                <td colSpan={5}>
                  <button type="button" className="linklike muted" data-testid="busiest-show-all" onClick={() => setShowingAll((v) => !v)}>
                    {isShowingAll ? `Show the busiest ${BUSIEST_SHOWN}` : `Show all ${report.units.length} units`}
                  </button>
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
    </div>
  );
}
