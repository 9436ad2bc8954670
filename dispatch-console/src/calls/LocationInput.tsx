import { useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { GazetteerEntry, GazetteerIndex } from '../../../shared/city/gazetteer.ts';
import type { FacilityKind } from '../../../shared/city/citySchema.ts';
import type { AreaIndex } from '../../../shared/geo/areaIndex.ts';
import { correctCoordinateSlip, type CityArea, type CoordinateCorrection } from '../../../shared/geo/coordinateSlips.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import type { LocationSource } from './callDraft.ts';
import { formatLatLng, interpretLocation } from './locationQuery.ts';
import { areaLine, type CityWords } from './areaLine.ts';
import { coordinateSlipWords } from './coordinateSlipWords.ts';

/** Every gazetteer kind and every facility kind (a city pack's stations may be searchable). */
const KIND_LABELS: Record<GazetteerEntry['kind'] | FacilityKind, string> = {
  hospital: 'Hospital',
  community_health_centre: 'CHC',
  clinic: 'Clinic',
  police_station: 'Police',
  fire_station: 'Fire stn',
  ambulance_station: 'Amb stn',
  ward: 'Ward',
  region: 'Region',
  place: 'Place',
  street: 'Street',
  poi: 'Landmark',
  intersection: 'Corner',
  address: 'Address',
};

interface LocationInputProps {
  text: string;
  position: LngLat | null;
  source: LocationSource | null;
  gazetteer: GazetteerIndex | null;
  areas: AreaIndex | null;
  /** The city's outline and bounds, to offer a correction for coordinates typed with a slip (LO7). */
  cityArea: CityArea | null;
  /** How the area line under the box names the city. */
  cityWords?: CityWords | undefined;
  onChange: (patch: { locationText: string; position: LngLat | null; locationSource: LocationSource | null }) => void;
  /** Enter with a location set: go on to the next field. */
  onDone: () => void;
  /** The field's heading (the ticket desk numbers its fields its own way). */
  label?: string;
}

/** The correction to offer for what is in the box: coordinates far from the city that a common slip explains. */
function correctionOf(text: string, gazetteer: GazetteerIndex | null, cityArea: CityArea | null): CoordinateCorrection | null {
  const query = interpretLocation(text, gazetteer);
  return query.kind === 'coordinates' && cityArea ? correctCoordinateSlip(query.position, cityArea) : null;
}

/**
 * The one location box: coordinates in any form (parsed as typed), or a place search over the gazetteer with a list
 * navigable with ↑/↓ and Enter. A map click also fills it. Coordinates far from the city that a swap or a dropped
 * minus sign explains get a "Did you mean…?" (↓ Enter or a click) [LO7]. Below: the ward and region, or a warning
 * outside the metro.
 */
export function LocationInput({ text, position, source, gazetteer, areas, cityArea, cityWords, onChange, onDone, label = '3 · Location — place, street, corner, address or coordinates' }: LocationInputProps) {
  const query = useMemo(() => interpretLocation(text, gazetteer), [text, gazetteer]);
  const correction = useMemo(() => correctionOf(text, gazetteer, cityArea), [text, gazetteer, cityArea]);
  const [highlight, setHighlight] = useState(0);
  const [correctionActive, setCorrectionActive] = useState(false);
  const matches = query.kind === 'search' && source !== 'place' ? query.matches : [];
  const area = position && areas ? areaLine(areas.locate(position), cityWords) : null;

  useEffect(() => {
    setHighlight(0);
    setCorrectionActive(false);
  }, [text]);

  function handleTextChange(value: string) {
    const q = interpretLocation(value, gazetteer);
    if (q.kind === 'coordinates') onChange({ locationText: value, position: q.position, locationSource: 'coordinates' });
    else onChange({ locationText: value, position: null, locationSource: null });
  }

  function choose(entry: GazetteerEntry) {
    onChange({ locationText: entry.name, position: entry.position, locationSource: 'place' });
    onDone();
  }

  function acceptCorrection(fix: CoordinateCorrection) {
    onChange({ locationText: formatLatLng(fix.position), position: fix.position, locationSource: 'coordinates' });
    onDone();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (correction && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      setCorrectionActive(event.key === 'ArrowDown');
    } else if (correction && correctionActive && event.key === 'Enter' && !event.ctrlKey) {
      // The box may have changed since the offer was drawn: accept only what the text in it now explains.
      const now = correctionOf(event.currentTarget.value, gazetteer, cityArea);
      if (now) acceptCorrection(now);
    } else if (event.key === 'ArrowDown' && matches.length > 0) {
      setHighlight((h) => Math.min(matches.length - 1, h + 1));
    } else if (event.key === 'ArrowUp' && matches.length > 0) {
      setHighlight((h) => Math.max(0, h - 1));
    } else if (event.key === 'Enter' && !event.ctrlKey) {
      // Read what is in the box now, not the last rendered list: a fast typist's Enter can arrive
      // before the list for the last keystroke has been drawn.
      const typed = interpretLocation(event.currentTarget.value, gazetteer);
      const current = typed.kind === 'search' && source !== 'place' ? typed.matches : [];
      const entry = current[Math.min(highlight, current.length - 1)];
      if (entry) choose(entry);
      else if (typed.kind === 'coordinates') {
        onChange({ locationText: event.currentTarget.value, position: typed.position, locationSource: 'coordinates' });
        onDone();
      } else if (position) onDone();
    } else {
      return;
    }
    event.preventDefault();
  }

  return (
    <div className="field location-field">
      <label className="field-label" htmlFor="call-location">
        <span>{label}</span>
        <span className="muted small">↑/↓ Enter · or click the map</span>
      </label>
      <input
        id="call-location"
        data-field="location"
        data-testid="create-location"
        value={text}
        autoComplete="off"
        onChange={(e) => handleTextChange(e.target.value)}
        onKeyDown={handleKeyDown}
        placeholder="Helen Joseph · w60 · Main Rd & Smit St · -26.2041, 28.0473"
        aria-invalid={query.kind === 'bad_coordinates'}
      />
      {query.kind === 'bad_coordinates' && (
        <div className="field-problem" data-testid="location-problem">
          Not a position: {query.reason}
        </div>
      )}
      {correction && (
        <ol className="pick-list" data-testid="location-correction" role="listbox" aria-label="Did you mean">
          <li
            role="option"
            aria-selected={correctionActive}
            className={correctionActive ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              acceptCorrection(correction);
            }}
          >
            <span className="pick-kind">Check</span>
            <span className="pick-name" data-testid="location-correction-position">
              Did you mean {formatLatLng(correction.position)}?
            </span>
            <span className="pick-detail muted" title="The point as typed is far from the city; corrected, it is in it.">
              {coordinateSlipWords(correction)} · ↓ Enter
            </span>
          </li>
        </ol>
      )}
      {matches.length > 0 && (
        <ol className="pick-list" data-testid="location-matches" role="listbox">
          {matches.map((entry, i) => (
            <li
              key={entry.id}
              role="option"
              aria-selected={i === highlight}
              className={i === highlight ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(entry);
              }}
            >
              <span className="pick-kind">{KIND_LABELS[entry.kind]}</span>
              <span className="pick-name">{entry.name}</span>
              <span className="pick-detail muted">{entry.detail}</span>
            </li>
          ))}
        </ol>
      )}
      {query.kind === 'search' && matches.length === 0 && source === null && text.trim().length >= 2 && (
        <div className="muted small">No place found: try another spelling, a corner ("main & smit"), a ward ("w60"), or coordinates.</div>
      )}
      {position && (
        <div className="located" data-testid="location-set">
          <span className="muted">{source === 'place' ? 'Place' : source === 'map' ? 'Map point' : 'Coordinates'}:</span> {formatLatLng(position)}
        </div>
      )}
      {area && (
        <div className={`area-line area-${area.tone}`} data-testid="area-line" data-tone={area.tone}>
          {area.tone === 'warn' ? '⚠ ' : ''}
          {area.text}
        </div>
      )}
    </div>
  );
}
