import { useCallback, useMemo } from 'react';
import type { Facility } from '../../../shared/city/citySchema.ts';
import type { UnitKind } from '../../../shared/units/unitKinds.ts';
import { useTypeahead } from '../calls/useTypeahead.ts';
import { FACILITY_KIND_LABELS, FACILITY_KIND_SHORT, isSuitedBase, searchBases } from './fleetWords.ts';

interface BasePickerProps {
  kind: UnitKind;
  /** The city's facilities, from the layers the map draws; null while they load. */
  facilities: readonly Facility[] | null;
  /** How many units stand at each base now, by facility id. */
  unitsAtBase: ReadonlyMap<string, number>;
  base: Facility | null;
  onChoose: (base: Facility) => void;
}

const facilityName = (facility: Facility): string => facility.name;

function unitsThere(count: number): string {
  if (count === 0) return 'no unit stands there yet';
  return count === 1 ? '1 unit stands there' : `${count} units stand there`;
}

/**
 * [FL3] The base: the city's stations and hospitals found by name, address or kind, those the kind of vehicle is
 * meant to stand at first (fire stations for an engine); ↑/↓ and Enter choose, as in the other pickers.
 */
export function BasePicker({ kind, facilities, unitsAtBase, base, onChoose }: BasePickerProps) {
  const all = useMemo(() => facilities ?? [], [facilities]);
  const search = useCallback((typed: string) => searchBases(kind, all, typed), [kind, all]);
  const { query, matches, highlight, isSearching, isFocused, choose, inputProps } = useTypeahead({ chosen: base, labelOf: facilityName, search, onChoose, isEmptySearchable: true });
  const atBase = (facility: Facility): string => {
    const count = unitsAtBase.get(facility.id) ?? 0;
    return count === 0 ? 'no unit yet' : `${count} unit${count === 1 ? '' : 's'}`;
  };

  return (
    <div className="field base-field">
      <label className="field-label" htmlFor="add-vehicle-base">
        <span>Base</span>
        <span className="muted small">where it stands when free · ↑/↓ Enter</span>
      </label>
      <input
        id="add-vehicle-base"
        data-testid="add-vehicle-base"
        {...inputProps}
        autoComplete="off"
        spellCheck={false}
        disabled={facilities === null}
        placeholder={facilities === null ? "Loading the city's stations…" : 'e.g. station, hospital, a suburb'}
      />
      {matches.length > 0 && (
        <ol className="pick-list" data-testid="add-vehicle-base-matches" role="listbox">
          {matches.map((facility, i) => (
            <li
              key={facility.id}
              role="option"
              aria-selected={i === highlight}
              className={i === highlight ? 'active' : undefined}
              data-id={facility.id}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(facility);
              }}
            >
              <span className={isSuitedBase(kind, facility) ? 'pick-kind suited' : 'pick-kind'} title={FACILITY_KIND_LABELS[facility.kind]}>
                {FACILITY_KIND_SHORT[facility.kind]}
              </span>
              <span className="pick-name">{facility.name}</span>
              <span className="pick-detail muted">
                {facility.address || (facility.region ? `Region ${facility.region}` : '')} · {atBase(facility)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {isSearching && isFocused && matches.length === 0 && query.trim() !== '' && (
        <div className="muted small" data-testid="add-vehicle-base-none">
          No station or hospital matches "{query}".
        </div>
      )}
      {base && !isSearching && (
        <div className="base-chosen" data-testid="add-vehicle-base-chosen" data-id={base.id}>
          {FACILITY_KIND_LABELS[base.kind]}
          {base.region ? `, region ${base.region}` : ''} · {unitsThere(unitsAtBase.get(base.id) ?? 0)}
        </div>
      )}
    </div>
  );
}
