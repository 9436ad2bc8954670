import type { CityLayers } from '../../../shared/city/citySchema.ts';
import type { CoverageGroup } from '../../../shared/coverage/coverageTargets.ts';
import { isCommandAllowed } from '../../../shared/protocol/contract.ts';
import type { Session } from '../../../shared/auth/roles.ts';
import type { LiveConnection } from '../realtime/useLiveConnection.ts';
import { MapView } from '../map/MapView.tsx';
import { useCoverage } from './useCoverage.ts';

interface CoverageMapProps {
  session: Session;
  city: CityLayers;
  live: LiveConnection;
  /** The group shown first (ambulance unless given); the switch on the map changes it. */
  initialGroup?: CoverageGroup | null;
}

const ignore = (): void => undefined;

/**
 * [CV6] A map of the city's live coverage, for a screen other than the board (the supervisor's figures): the board's
 * map with its units and incidents, the coverage switched on, and no selection or location picking. It is one more
 * MapLibre map: mount it only while its screen is shown.
 */
export function CoverageMap({ session, city, live, initialGroup = 'ambulance' }: CoverageMapProps) {
  const coverage = useCoverage(live, isCommandAllowed('coverage:read', session.role));
  return (
    <MapView
      city={city}
      units={live.state.units}
      incidents={live.state.incidents}
      selectedId={null}
      pick={null}
      pickMode={false}
      onIncidentClick={ignore}
      onLocationPick={ignore}
      coverage={coverage}
      initialCoverageGroup={initialGroup}
    />
  );
}
