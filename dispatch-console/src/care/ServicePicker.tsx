import { useCallback } from 'react';
import { useTypeahead } from '../calls/useTypeahead.ts';
import type { CareCatalogue, CareService, ServiceGroup } from '../../../shared/tickets/careServiceSchema.ts';
import { searchServices } from './serviceSearch.ts';
import { formatWithinHours } from './ticketWords.ts';

const serviceName = (service: CareService): string => service.name;

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
  const services = catalogue.file.services;
  const search = useCallback((typed: string) => searchServices(services, group, typed), [services, group]);
  const { query, matches, highlight, isSearching, isFocused, choose, inputProps } = useTypeahead({ chosen: service, labelOf: serviceName, search, onChoose, isEmptySearchable: true });

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
        {...inputProps}
        autoComplete="off"
        autoFocus={autoFocus}
        placeholder={group ? 'e.g. burst, no water, meter' : 'e.g. burst pipe, pothole, statement'}
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
