import type { CityLayers } from '../../../shared/city/citySchema.ts';
import type { Coverage } from '../../../shared/coverage/coverageSchema.ts';
import type { CoverageGroup } from '../../../shared/coverage/coverageTargets.ts';
import type { LiveState } from '../realtime/liveState.ts';
import { MapView } from '../map/MapView.tsx';

interface CoverageMapProps {
  city: CityLayers;
  /** The board's live state: its units and incidents are drawn as on the board. */
  state: Pick<LiveState, 'units' | 'incidents'>;
  /** The live coverage the screen already holds (`useCoverage`): null until it is read. */
  coverage: Coverage | null;
  /** The group coloured, chosen by the screen around the map (which shows the counts). */
  group: CoverageGroup;
}

const ignore = (): void => undefined;

/**
 * [CV6][CV7] A small map of the city's live coverage, for a screen other than the board (the supervisor's figures):
 * the board's map with its units and incidents, the wards coloured for `group` with the bands' legend above it, and
 * no selection or location picking. It is one more MapLibre map: mount it only while its screen is shown.
 */
export function CoverageMap({ city, state, coverage, group }: CoverageMapProps) {
  return (
    <MapView
      city={city}
      units={state.units}
      incidents={state.incidents}
      selectedId={null}
      pick={null}
      pickMode={false}
      onIncidentClick={ignore}
      onLocationPick={ignore}
      coverage={coverage}
      coverageGroup={group}
      compact
    />
  );
}
