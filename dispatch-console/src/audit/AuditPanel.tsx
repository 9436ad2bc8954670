import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { CONTRACT } from '../../../shared/protocol/contract.ts';
import { zoneAbbreviation } from '../../../shared/time/zonedTime.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { EMPTY_AUDIT_FILTERS, auditExportUrl, auditQuery } from './auditQuery.ts';
import type { AuditFilters } from './auditQuery.ts';
import { AuditTable } from './AuditTable.tsx';
import { useAuditSearch } from './useAuditSearch.ts';
import { useCityZone } from '../time/cityZone.ts';

interface AuditPanelProps {
  commands: CommandClient;
  /** Kept mounted while the supervisor looks at the board, so the search is still there on return. */
  hidden: boolean;
}

/** The supervisor's audit search: who did what, from which desk, and what was refused; exported as CSV or JSON. */
export function AuditPanel({ commands, hidden }: AuditPanelProps) {
  const timeZone = useCityZone();
  // [OP2] The fields are read on the city's clock: they say which ("SAST").
  const zone = zoneAbbreviation(timeZone, Date.now());
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [formError, setFormError] = useState<string | null>(null);
  const audit = useAuditSearch(commands);
  const { search } = audit;

  // Opening the audit shows the newest entries straight away.
  useEffect(() => search({}), [search]);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = auditQuery(filters, timeZone);
    if (!checked.ok) {
      setFormError(checked.message);
      return;
    }
    setFormError(null);
    search(checked.query);
  }

  function field<K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) {
    setFilters((current) => ({ ...current, [key]: value }));
  }

  const { page, query } = audit;
  const hoaxRegistry = CONTRACT['hoax:registry'].http.csvPath;

  return (
    <section className="audit-view" hidden={hidden} data-testid="audit-panel">
      <form className="audit-form" onSubmit={handleSubmit} data-testid="audit-form">
        <label className="field">
          <span>Incident</span>
          <input data-testid="audit-incident" value={filters.incidentId} placeholder="EC-…" onChange={(e) => field('incidentId', e.target.value)} />
        </label>
        <label className="field">
          <span>Unit</span>
          <input data-testid="audit-unit" value={filters.unitId} placeholder="e.g. als-f03" autoCapitalize="none" onChange={(e) => field('unitId', e.target.value)} />
        </label>
        <label className="field">
          <span>Username</span>
          <input data-testid="audit-username" value={filters.username} autoCapitalize="none" onChange={(e) => field('username', e.target.value)} />
        </label>
        <label className="field time">
          <span>From ({zone})</span>
          <input data-testid="audit-from" type="datetime-local" value={filters.from} onChange={(e) => field('from', e.target.value)} />
        </label>
        <label className="field time">
          <span>To ({zone})</span>
          <input data-testid="audit-to" type="datetime-local" value={filters.to} onChange={(e) => field('to', e.target.value)} />
        </label>
        <label className="check">
          <input data-testid="audit-refusals" type="checkbox" checked={filters.refusalsOnly} onChange={(e) => field('refusalsOnly', e.target.checked)} />
          Refused only
        </label>
        <button type="submit" className="primary" data-testid="audit-search" disabled={audit.isLoading}>
          {audit.isLoading ? 'Searching…' : 'Search'}
        </button>
      </form>
      <div className="audit-bar">
        <span data-testid="audit-count">
          {page ? `${page.entries.length} ${page.entries.length === 1 ? 'entry' : 'entries'}${page.isTruncated ? ' (newest shown; narrow the search or export)' : ''}` : ''}
        </span>
        <span className="spacer" />
        {query && (
          <>
            <a className="button-link" href={auditExportUrl(query, 'csv')} download data-testid="audit-export-csv">
              Export CSV
            </a>
            <a className="button-link" href={auditExportUrl(query, 'json')} download data-testid="audit-export-json">
              Export JSON
            </a>
          </>
        )}
        {hoaxRegistry && (
          <a className="button-link" href={hoaxRegistry} download data-testid="hoax-registry-csv">
            Hoax registry CSV
          </a>
        )}
      </div>
      {formError && <p className="error-text" data-testid="audit-form-error">{formError}</p>}
      {audit.error && <p className="error-text" data-testid="audit-error">{audit.error}</p>}
      <div className="audit-results">{page && <AuditTable entries={page.entries} />}</div>
    </section>
  );
}
