import type { Route } from '../../../shared/routing/routeSchema.ts';
import { formatDistance } from '../dispatch/pickAssignment.ts';
import { formatDriveTime } from './crewFlow.ts';

const DESTINATION_LABELS: Record<Route['destination']['kind'], string> = {
  incident: 'Scene',
  hospital: 'Hospital',
  base: 'Base',
};

/** Closer than this to base, a unit is at base: there is no drive to show. */
const AT_BASE_METERS = 150;

/**
 * "12 min · 8.4 km" to where the route leads, large, while there is a job (the scene or a hospital);
 * without a job only a small line: at base, or the drive home. Whether it is a road route or a straight-line estimate.
 */
export function CrewRouteSummary({ route, isLoading, error }: { route: Route | null; isLoading: boolean; error: string | null }) {
  if (!route) {
    return (
      <div className="crew-route-head">
        <span className="crew-muted">{error ? `Route unavailable: ${error}` : isLoading ? 'Finding the route…' : 'No route yet'}</span>
      </div>
    );
  }
  if (route.destination.kind === 'base') {
    const isAtBase = route.distanceMeters < AT_BASE_METERS;
    return (
      <div className="crew-route-head" data-testid="crew-route-summary" data-method={route.method} data-destination-kind="base">
        <div className="crew-dest" data-testid="crew-destination">
          <span className="dest-kind dest-base">{isAtBase ? 'At base' : 'To base'}</span> {route.destination.name}
          {!isAtBase && (
            <span className="crew-muted" data-testid="crew-base-eta">
              {' '}
              · {formatDriveTime(route.etaSeconds)} · {formatDistance(route.distanceMeters)}
            </span>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="crew-route-head" data-testid="crew-route-summary" data-method={route.method} data-destination-kind={route.destination.kind}>
      <div className="crew-eta">
        <strong data-testid="crew-eta">{formatDriveTime(route.etaSeconds)}</strong>
        <span data-testid="crew-distance">{formatDistance(route.distanceMeters)}</span>
      </div>
      <div className="crew-dest" data-testid="crew-destination">
        <span className={`dest-kind dest-${route.destination.kind}`}>{DESTINATION_LABELS[route.destination.kind]}</span> {route.destination.name}
      </div>
      {route.method === 'straight_line' && <div className="crew-muted small">Straight-line estimate: no road network</div>}
      {error && <div className="crew-muted small">Last update failed: {error}</div>}
    </div>
  );
}
