import { useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { CareCatalogue, CareService, ServiceGroup } from '../../../shared/tickets/careServiceSchema.ts';
import { searchServices } from './serviceSearch.ts';
import { formatWithinHours } from './ticketWords.ts';

const SHOWN = 8;

interface ServicePickerProps {
  catalogue: CareCatalogue;
  /** The phone menu's group the search is held to, or null: every service. */
  group: ServiceGroup | null;
  groupLabel: string | null;
  service: CareService | null;
  onChoose: (service: CareService) => void;
  /** The field's heading, when not the ticket desk's numbered one. */
  heading?: string;
  /** Take the keyboard when drawn (the call-taker's referral opens on it). */
  autoFocus?: boolean;
}

/** [CS1] The service, found by its name or the caller's words within the menu option's group: ↑/↓ and Enter choose. */
export function ServicePicker({ catalogue, group, groupLabel, service, onChoose, heading, autoFocus = false }: ServicePickerProps) {
  const [query, setQuery] = useState(service?.name ?? '');
  const [isSearching, setSearching] = useState(service === null);
  const [highlight, setHighlight] = useState(0);
  const [isFocused, setFocused] = useState(false);
  const services = catalogue.file.services;
  const matches = useMemo(() => (isSearching && isFocused ? searchServices(services, group, query).slice(0, SHOWN) : []), [isSearching, isFocused, services, group, query]);

  useEffect(() => {
    setQuery(service?.name ?? '');
    setSearching(service === null);
  }, [service]);

  function choose(chosen: CareService) {
    setQuery(chosen.name);
    setSearching(false);
    onChoose(chosen);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && matches.length > 0) setHighlight((h) => Math.min(matches.length - 1, h + 1));
    else if (event.key === 'ArrowUp' && matches.length > 0) setHighlight((h) => Math.max(0, h - 1));
    else if (event.key === 'Enter' && !event.ctrlKey) {
      // What is in the box now, not the last list drawn: a fast typist's Enter may come before it.
      const typed = event.currentTarget.value;
      const isTyped = typed !== (service?.name ?? '');
      const current = isTyped || service === null ? searchServices(services, group, typed).slice(0, SHOWN) : [];
      const chosen = current[Math.min(highlight, current.length - 1)];
      if (chosen) choose(chosen);
      else if (service) onChoose(service);
    } else return;
    event.preventDefault();
  }

  const department = service ? catalogue.department(service.department) : undefined;
  return (
    <div className="field care-service-field">
      <label className="field-label" htmlFor="care-service">
        <span>{heading ?? `2 · Service — ${groupLabel ?? 'all services'}`}</span>
        <span className="muted small">type the caller's words · ↑/↓ Enter</span>
      </label>
      <input
        id="care-service"
        data-field="service"
        data-testid="care-service"
        value={query}
        autoComplete="off"
        autoFocus={autoFocus}
        placeholder={group ? 'e.g. burst, no water, meter' : 'e.g. burst pipe, pothole, statement'}
        onFocus={(e) => {
          setFocused(true);
          e.target.select();
        }}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          setQuery(e.target.value);
          setSearching(true);
          setHighlight(0);
        }}
        onKeyDown={handleKeyDown}
      />
      {matches.length > 0 && (
        <ol className="pick-list" data-testid="care-service-matches" role="listbox">
          {matches.map((s, i) => (
            <li
              key={s.code}
              role="option"
              aria-selected={i === highlight}
              className={i === highlight ? 'active' : undefined}
              data-code={s.code}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(s);
              }}
            >
              <span className="pick-kind">{s.code}</span>
              <span className="pick-name">{s.name}</span>
              <span className="pick-detail muted">{catalogue.department(s.department)?.name ?? s.department}</span>
            </li>
          ))}
        </ol>
      )}
      {isSearching && isFocused && matches.length === 0 && query.trim() !== '' && (
        <div className="muted small" data-testid="care-service-none">
          No service matches "{query}"{group ? ': press * in the menu to search every service.' : '.'}
        </div>
      )}
      {service && !isSearching && (
        <div className="plan-line" data-testid="care-service-chosen" data-code={service.code}>
          {department?.name ?? service.department} · resolved {formatWithinHours(service.expectedHours)} · callback {formatWithinHours(service.callbackWithinHours)}
        </div>
      )}
    </div>
  );
}
