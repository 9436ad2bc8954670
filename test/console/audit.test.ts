import { describe, expect, it } from 'vitest';
import { EMPTY_AUDIT_FILTERS, EXPORT_LIMIT, auditExportUrl, auditQuery, cityTimeToEpoch } from '../../dispatch-console/src/audit/auditQuery.ts';
import { actorLabel, formatAuditTime, isRefusal, outcomeLabel } from '../../dispatch-console/src/audit/auditFormat.ts';
import { fieldProblems, adminErrorText } from '../../dispatch-console/src/admin/adminMessages.ts';

const JHB = 'Africa/Johannesburg';

describe('[AD2] the audit search form', () => {
  it('reads the time fields as Johannesburg time, whatever the browser zone', () => {
    expect(cityTimeToEpoch('2026-11-26T10:00', JHB)).toBe(Date.UTC(2026, 10, 26, 8, 0, 0));
    expect(cityTimeToEpoch('2026-11-26T10:00:30', JHB)).toBe(Date.UTC(2026, 10, 26, 8, 0, 30));
    expect(cityTimeToEpoch('yesterday', JHB)).toBeNull();
  });

  it('[OP2] reads them on the city\'s clock, at the offset it has that day (Andorra: +01:00 in winter, +02:00 in summer)', () => {
    expect(cityTimeToEpoch('2026-01-15T10:00', 'Europe/Andorra')).toBe(Date.UTC(2026, 0, 15, 9, 0));
    expect(cityTimeToEpoch('2026-07-15T10:00', 'Europe/Andorra')).toBe(Date.UTC(2026, 6, 15, 8, 0));
    const summer = auditQuery({ ...EMPTY_AUDIT_FILTERS, from: '2026-07-15T00:00', to: '2026-07-15T23:59' }, 'Europe/Andorra');
    expect(summer).toEqual({ ok: true, query: { from: Date.UTC(2026, 6, 14, 22, 0), to: Date.UTC(2026, 6, 15, 22, 0) - 1 } });
    expect(formatAuditTime(Date.UTC(2026, 6, 14, 22, 30, 5), 'Europe/Andorra')).toBe('15 Jul 00:30:05');
  });

  it('sends only what was filled in, normalised; "to" runs to the end of its minute', () => {
    expect(auditQuery(EMPTY_AUDIT_FILTERS, JHB)).toEqual({ ok: true, query: {} });
    const checked = auditQuery({ incidentId: ' ec-261126-0001-3 ', unitId: 'ALS-F03', username: ' EMS ', from: '2026-11-26T10:00', to: '2026-11-26T10:05', refusalsOnly: true }, JHB);
    expect(checked).toEqual({
      ok: true,
      query: {
        incidentId: 'EC-261126-0001-3',
        unitId: 'als-f03',
        username: 'ems',
        from: Date.UTC(2026, 10, 26, 8, 0),
        to: Date.UTC(2026, 10, 26, 8, 6) - 1,
        refusalsOnly: true,
      },
    });
  });

  it('refuses a time range that runs backwards', () => {
    const checked = auditQuery({ ...EMPTY_AUDIT_FILTERS, from: '2026-11-26T11:00', to: '2026-11-26T10:00' }, JHB);
    expect(checked).toEqual({ ok: false, message: 'The "from" time is after the "to" time.' });
  });

  it('builds CSV and JSON export links with the contract parameter names', () => {
    const query = { unitId: 'als-f03', from: 1000, refusalsOnly: true };
    expect(auditExportUrl(query, 'csv')).toBe(`/api/audit.csv?unitId=als-f03&from=1000&refusalsOnly=true&limit=${EXPORT_LIMIT}`);
    expect(auditExportUrl({ username: 'ems' }, 'json')).toBe(`/api/audit?username=ems&limit=${EXPORT_LIMIT}`);
  });
});

describe('[AD2] audit lines', () => {
  const entry = { role: 'dispatcher', desk: 'ems', unitId: null, outcome: 'forbidden' };
  it('marks refusals and names who acted', () => {
    expect(isRefusal(entry)).toBe(true);
    expect(outcomeLabel(entry)).toBe('Refused: forbidden');
    expect(outcomeLabel({ outcome: 'ok' })).toBe('Accepted');
    expect(actorLabel(entry)).toBe('Dispatcher · EMS dispatch');
    expect(actorLabel({ role: 'crew', desk: null, unitId: 'als-f03' })).toBe('Crew · als-f03');
    expect(actorLabel({ role: null, desk: null, unitId: null })).toBe('—');
    expect(formatAuditTime(Date.UTC(2026, 10, 26, 8, 2, 11), JHB)).toBe('26 Nov 10:02:11');
  });
});

describe('[AU5] the administrator forms', () => {
  it('turns field problems into plain words, once each, in form order', () => {
    expect(fieldProblems(['password', 'username', 'password'])).toEqual(['Username: 2 to 40 letters or digits (and . _ @ -), no spaces.', 'Password: at least 10 characters.']);
    expect(adminErrorText({ code: 'user_exists', message: 'x' }, 'thandi')).toBe('A user called thandi already exists: choose another username.');
    expect(adminErrorText({ code: 'validation_failed', message: 'x', issues: [{ path: 'desks', message: 'desks: a dispatcher sits at one desk at least' }] })).toMatch(/tick at least one desk/);
  });
});
