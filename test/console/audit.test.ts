import { describe, expect, it } from 'vitest';
import { EMPTY_AUDIT_FILTERS, EXPORT_LIMIT, auditExportUrl, auditQuery, johannesburgTimeToEpoch } from '../../dispatch-console/src/audit/auditQuery.ts';
import { actorLabel, formatAuditTime, isRefusal, outcomeLabel } from '../../dispatch-console/src/audit/auditFormat.ts';
import { fieldProblems, adminErrorText } from '../../dispatch-console/src/admin/adminMessages.ts';

describe('[AD2] the audit search form', () => {
  it('reads the time fields as Johannesburg time, whatever the browser zone', () => {
    expect(johannesburgTimeToEpoch('2026-11-26T10:00')).toBe(Date.UTC(2026, 10, 26, 8, 0, 0));
    expect(johannesburgTimeToEpoch('2026-11-26T10:00:30')).toBe(Date.UTC(2026, 10, 26, 8, 0, 30));
    expect(johannesburgTimeToEpoch('yesterday')).toBeNull();
  });

  it('sends only what was filled in, normalised; "to" runs to the end of its minute', () => {
    expect(auditQuery(EMPTY_AUDIT_FILTERS)).toEqual({ ok: true, query: {} });
    const checked = auditQuery({ incidentId: ' ec-261126-0001-3 ', unitId: 'ALS-F03', username: ' EMS ', from: '2026-11-26T10:00', to: '2026-11-26T10:05', refusalsOnly: true });
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
    const checked = auditQuery({ ...EMPTY_AUDIT_FILTERS, from: '2026-11-26T11:00', to: '2026-11-26T10:00' });
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
    expect(formatAuditTime(Date.UTC(2026, 10, 26, 8, 2, 11))).toBe('26 Nov 10:02:11');
  });
});

describe('[AU5] the administrator forms', () => {
  it('turns field problems into plain words, once each, in form order', () => {
    expect(fieldProblems(['password', 'username', 'password'])).toEqual(['Username: 2 to 40 letters or digits (and . _ @ -), no spaces.', 'Password: at least 10 characters.']);
    expect(adminErrorText({ code: 'user_exists', message: 'x' }, 'thandi')).toBe('A user called thandi already exists: choose another username.');
    expect(adminErrorText({ code: 'validation_failed', message: 'x', issues: [{ path: 'desks', message: 'desks: a dispatcher sits at one desk at least' }] })).toMatch(/tick at least one desk/);
  });
});
