import { describe, expect, it } from 'vitest';
import type { IntervalFigure, IntervalReport } from '../../shared/reports/intervalReportSchema.ts';
import { complianceStanding, formatAxisSeconds, formatFleetShare, formatPercent, formatSeconds, formatShare, formatSince, formatTarget, secondsTicks } from '../../dispatch-console/src/supervisor/figuresFormat.ts';
import { addDays, isDay, reportCsvUrl, reportRange } from '../../dispatch-console/src/supervisor/reportRange.ts';
import { calendarDay } from '../../shared/time/zonedTime.ts';
import { GAP_NOTES, chartGap, chartRows, hasMeasurements, sharedTarget } from '../../dispatch-console/src/supervisor/figureRows.ts';

const JHB = 'Africa/Johannesburg';

const TARGET_60 = { seconds: 60, fraction: 0.9, source: 'NFPA 1225 (alarm processing)', appliesTo: 'every incident with a unit dispatched' };

function figure(interval: IntervalFigure['interval'], overrides: Partial<IntervalFigure> = {}): IntervalFigure {
  return { interval, count: 10, p50: 40, p90: 70, target: null, targetRows: 0, withinTarget: 0, compliance: null, ...overrides };
}

function report(overrides: Partial<IntervalReport> = {}): IntervalReport {
  return {
    from: 0,
    to: 1,
    timeZone: 'Africa/Johannesburg',
    generatedAt: 1,
    archiveLagEntries: 0,
    incidents: 0,
    unitResponses: 0,
    overall: [],
    byAgency: [],
    byPriority: [],
    byRegion: [],
    byHour: [],
    flagged: { rows: 0, byFlag: { missing_stamp: 0, out_of_order: 0, not_dispatched: 0, negative_interval: 0 }, list: [] },
    ...overrides,
  };
}

describe('[SF2] seconds, shares and standings', () => {
  it('reads seconds as seconds, minutes and seconds, or hours and minutes', () => {
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(65)).toBe('1 min 05 s');
    expect(formatSeconds(360)).toBe('6 min');
    expect(formatSeconds(3600 + 125)).toBe('1 h 02 min');
    expect(formatSeconds(null)).toBe('—');
  });

  it('rounds a share down, so a figure short of its target never reads as meeting it', () => {
    expect(formatShare(0.8996)).toBe('89.9%');
    expect(formatShare(0.9)).toBe('90.0%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(0)).toBe('0.0%');
    expect(formatShare(null)).toBe('—');
  });

  it('[SF4] reads a utilisation rounded, a busy few minutes of a week as "<0.1%" rather than none', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(0.0004)).toBe('<0.1%');
    expect(formatPercent(0.0016)).toBe('0.2%');
    expect(formatPercent(0)).toBe('0.0%');
  });

  it('stands a compliance against its target: met, within ten points (near), further short, or no target', () => {
    expect(complianceStanding(0.9, TARGET_60)).toBe('met');
    expect(complianceStanding(0.85, TARGET_60)).toBe('near');
    expect(complianceStanding(0.8, TARGET_60)).toBe('near');
    expect(complianceStanding(0.79, TARGET_60)).toBe('missed');
    expect(complianceStanding(null, TARGET_60)).toBe('none');
    expect(complianceStanding(0.5, null)).toBe('none');
    expect(formatTarget(TARGET_60)).toBe('1 min for 90%');
    expect(formatTarget({ seconds: 45, fraction: 0.9 })).toBe('45 s for 90%');
    expect(formatTarget(null)).toBe('—');
  });

  it('[SF3] puts a seconds axis on readable steps, six ticks at most, reaching the top', () => {
    expect(secondsTicks(100)).toEqual([0, 30, 60, 90, 120]);
    expect(secondsTicks(60)).toEqual([0, 15, 30, 45, 60]);
    expect(secondsTicks(0)).toEqual([0, 5]);
    for (const max of [1, 7, 59, 61, 240, 481, 1000, 5000, 40_000]) {
      const ticks = secondsTicks(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
    }
    expect(formatAxisSeconds(30)).toBe('30 s');
    expect(formatAxisSeconds(120)).toBe('2 min');
    expect(formatAxisSeconds(90)).toBe('1:30');
    expect(formatAxisSeconds(7200)).toBe('2 h');
  });

  it('reads a roster time as the clock today and with the day before', () => {
    const now = Date.parse('2026-11-26T14:00:00+02:00');
    expect(formatSince(Date.parse('2026-11-26T06:30:05+02:00'), now, JHB)).toBe('06:30');
    expect(formatSince(Date.parse('2026-11-25T22:40:00+02:00'), now, JHB)).toBe('25 Nov 22:40');
  });
});

describe('[SF1] report ranges in Johannesburg days', () => {
  // 23:30 UTC on 25 Nov is already 01:30 on 26 Nov in Johannesburg.
  const NOW = Date.parse('2026-11-25T23:30:00Z');

  it('takes the day in Johannesburg, not in UTC or the browser', () => {
    expect(calendarDay(NOW, JHB)).toBe('2026-11-26');
    expect(addDays('2026-11-26', -6)).toBe('2026-11-20');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('today and the last 7 days run from midnight (+02:00) to the next midnight, exclusive', () => {
    expect(reportRange({ kind: 'today' }, NOW, JHB)).toEqual({ ok: true, range: { from: '2026-11-26T00:00:00+02:00', to: '2026-11-27T00:00:00+02:00', label: 'Today, 26 Nov 2026', fromDay: '2026-11-26', toDay: '2026-11-26' } });
    expect(reportRange({ kind: 'last7' }, NOW, JHB)).toEqual({ ok: true, range: { from: '2026-11-20T00:00:00+02:00', to: '2026-11-27T00:00:00+02:00', label: '20 Nov – 26 Nov 2026', fromDay: '2026-11-20', toDay: '2026-11-26' } });
  });

  it('any days, both inclusive; refuses a reversed range, a day that does not exist and more than 400 days', () => {
    expect(reportRange({ kind: 'days', fromDay: '2025-12-30', toDay: '2026-01-02' }, NOW, JHB)).toEqual({ ok: true, range: { from: '2025-12-30T00:00:00+02:00', to: '2026-01-03T00:00:00+02:00', label: '30 Dec 2025 – 2 Jan 2026', fromDay: '2025-12-30', toDay: '2026-01-02' } });
    expect(reportRange({ kind: 'days', fromDay: '2026-11-02', toDay: '2026-11-02' }, NOW, JHB)).toMatchObject({ ok: true, range: { label: '2 Nov 2026' } });
    expect(reportRange({ kind: 'days', fromDay: '2026-11-05', toDay: '2026-11-02' }, NOW, JHB)).toEqual({ ok: false, message: 'The "from" day is after the "to" day.' });
    expect(reportRange({ kind: 'days', fromDay: '2026-02-30', toDay: '2026-03-02' }, NOW, JHB)).toEqual({ ok: false, message: 'From: pick a day.' });
    expect(reportRange({ kind: 'days', fromDay: '2026-01-01', toDay: '' }, NOW, JHB)).toEqual({ ok: false, message: 'To: pick a day.' });
    // 1 Jan 2025 to 4 Feb 2026 inclusive is 400 days, the most a report covers; a day more is refused.
    expect(reportRange({ kind: 'days', fromDay: '2025-01-01', toDay: '2026-02-04' }, NOW, JHB).ok).toBe(true);
    expect(reportRange({ kind: 'days', fromDay: '2025-01-01', toDay: '2026-02-05' }, NOW, JHB)).toEqual({ ok: false, message: 'A report covers at most 400 days.' });
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
  });

  it('[SF1b] a preset carries its first and last day, for the date fields to show the range the figures are for', () => {
    const last7 = reportRange({ kind: 'last7' }, NOW, JHB);
    if (!last7.ok) throw new Error(last7.message);
    // The heading's "20 Nov – 26 Nov 2026" and the fields name the same days, and choosing them again is the same range.
    expect([last7.range.fromDay, last7.range.toDay]).toEqual(['2026-11-20', '2026-11-26']);
    expect(reportRange({ kind: 'days', fromDay: last7.range.fromDay, toDay: last7.range.toDay }, NOW, JHB)).toEqual(last7);
    const today = reportRange({ kind: 'today' }, NOW, JHB);
    expect(today.ok && [today.range.fromDay, today.range.toDay]).toEqual(['2026-11-26', '2026-11-26']);
  });

  it('downloads the CSV of the same range, the offset kept (+ encoded)', () => {
    const range = { from: '2026-11-26T00:00:00+02:00', to: '2026-11-27T00:00:00+02:00' };
    expect(reportCsvUrl('report:intervals', range)).toBe('/api/reports/intervals.csv?from=2026-11-26T00%3A00%3A00%2B02%3A00&to=2026-11-27T00%3A00%3A00%2B02%3A00');
    expect(reportCsvUrl('report:utilisation', range)).toMatch(/^\/api\/reports\/utilisation\.csv\?from=2026-11-26T00%3A00%3A00%2B02%3A00&to=/);
    const parsed = new URL(reportCsvUrl('report:intervals', range), 'http://x');
    expect(parsed.searchParams.get('from')).toBe(range.from);
  });
});

describe('[SF1][OP2] report ranges in the days of a city with daylight saving (Andorra)', () => {
  const AND = 'Europe/Andorra';
  /** Any day: a range of days picked does not depend on it. */
  const NOW_ANDORRA = Date.UTC(2026, 10, 26, 12, 0);

  it('a day runs from the city\'s midnight at its offset that night: 23 hours on the March change, 25 on the October one', () => {
    // 29 Mar 2026: clocks go forward at 02:00 (UTC+1 → UTC+2).
    expect(reportRange({ kind: 'days', fromDay: '2026-03-29', toDay: '2026-03-29' }, NOW_ANDORRA, AND)).toMatchObject({ ok: true, range: { from: '2026-03-29T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00' } });
    // 25 Oct 2026: clocks go back at 03:00 (UTC+2 → UTC+1).
    expect(reportRange({ kind: 'days', fromDay: '2026-10-25', toDay: '2026-10-25' }, NOW_ANDORRA, AND)).toMatchObject({ ok: true, range: { from: '2026-10-25T00:00:00+02:00', to: '2026-10-26T00:00:00+01:00' } });
    const march = reportRange({ kind: 'days', fromDay: '2026-03-29', toDay: '2026-03-29' }, NOW_ANDORRA, AND);
    const october = reportRange({ kind: 'days', fromDay: '2026-10-25', toDay: '2026-10-25' }, NOW_ANDORRA, AND);
    const hours = (range: typeof march): number => (range.ok ? (Date.parse(range.range.to) - Date.parse(range.range.from)) / 3_600_000 : NaN);
    expect([hours(march), hours(october)]).toEqual([23, 25]);
  });

  it('today is Andorra\'s day: 22:30 UTC in July is already tomorrow there, in January not yet', () => {
    expect(reportRange({ kind: 'today' }, Date.UTC(2026, 6, 14, 22, 30), AND)).toMatchObject({ ok: true, range: { from: '2026-07-15T00:00:00+02:00', to: '2026-07-16T00:00:00+02:00', label: 'Today, 15 Jul 2026' } });
    expect(reportRange({ kind: 'today' }, Date.UTC(2026, 0, 14, 22, 30), AND)).toMatchObject({ ok: true, range: { from: '2026-01-14T00:00:00+01:00', to: '2026-01-15T00:00:00+01:00', label: 'Today, 14 Jan 2026' } });
  });

  it('a roster time is read on Andorra\'s clock', () => {
    const now = Date.UTC(2026, 6, 15, 12, 0);
    expect(formatSince(Date.UTC(2026, 6, 14, 22, 30), now, AND)).toBe('00:30');
    expect(formatSince(Date.UTC(2026, 6, 14, 21, 30), now, AND)).toBe('14 Jul 23:30');
  });
});

describe('[SF3] chart rows', () => {
  const processing = (count: number, compliance: number | null, p90: number | null) => figure('processing', { count, compliance, p90, target: compliance === null ? null : TARGET_60, targetRows: count, withinTarget: Math.round(count * (compliance ?? 0)) });

  it('lists every agency, priority and region in the board order, the ones missing empty', () => {
    const r = report({
      byAgency: [{ key: 'fire', figures: [processing(4, 0.5, 95)] }, { key: 'ems', figures: [processing(10, 0.95, 50)] }],
      byPriority: [{ key: 'charlie', figures: [processing(3, 0.85, 61)] }],
      byRegion: [{ key: 'G', figures: [processing(2, 1, 30)] }],
    });
    const agencies = chartRows(r, 'agency', 'processing');
    expect(agencies.map((row) => [row.label, row.count, row.standing])).toEqual([
      ['EMS', 10, 'met'],
      ['Fire & Rescue', 4, 'missed'],
      ['Metro Police', 0, 'none'],
    ]);
    expect(agencies[0]?.compliancePct).toBeCloseTo(95);
    expect(chartRows(r, 'priority', 'processing').map((row) => row.label)).toEqual(['Echo', 'Delta', 'Charlie', 'Bravo', 'Alpha', 'Omega']);
    expect(chartRows(r, 'priority', 'processing')[2]).toMatchObject({ count: 3, p90: 61, standing: 'near' });
    expect(chartRows(r, 'region', 'processing').map((row) => row.label)).toEqual(['Region A', 'Region B', 'Region C', 'Region D', 'Region E', 'Region F', 'Region G']);
    expect(chartRows(r, 'region', 'processing').map((row) => row.tick).join('')).toBe('ABCDEFG');
    expect(chartRows(r, 'agency', 'travel').every((row) => row.count === 0)).toBe(true);
    expect(hasMeasurements(chartRows(r, 'agency', 'travel'))).toBe(false);
    expect(hasMeasurements(agencies)).toBe(true);
  });

  it('fills the 24 hours, the quiet ones with no figure', () => {
    const rows = chartRows(report({ byHour: [{ key: 7, figures: [processing(5, 0.8, 66)] }] }), 'hour', 'processing');
    expect(rows).toHaveLength(24);
    expect(rows[7]).toMatchObject({ label: '07:00', tick: '07', p90: 66, count: 5 });
    expect(rows[8]).toMatchObject({ tick: '08', p90: null, count: 0, standing: 'none' });
  });

  it('draws one target line only when every group with a target shares it', () => {
    const ems = { seconds: 60, fraction: 0.9, source: 'ems', appliesTo: '' };
    const fire = { seconds: 80, fraction: 0.9, source: 'fire', appliesTo: '' };
    const turnout = (target: typeof ems | null) => [figure('turnout', { target, compliance: target ? 0.9 : null })];
    const same = chartRows(report({ byAgency: [{ key: 'ems', figures: turnout(ems) }, { key: 'metro_police', figures: turnout(null) }] }), 'agency', 'turnout');
    expect(sharedTarget(same)).toEqual(ems);
    const differing = chartRows(report({ byAgency: [{ key: 'ems', figures: turnout(ems) }, { key: 'fire', figures: turnout(fire) }] }), 'agency', 'turnout');
    expect(sharedTarget(differing)).toBeNull();
    expect(sharedTarget(chartRows(report(), 'agency', 'turnout'))).toBeNull();
  });
});

describe('[SF3b] a group with nothing measured is no figure, not 0%', () => {
  const TARGET_80 = { seconds: 80, fraction: 0.9, source: 'NFPA 1710', appliesTo: 'first engine' };

  it('tells a group with no rows (no bar, "no data") from one whose rows all missed (a real 0.0%)', () => {
    const r = report({
      byAgency: [
        { key: 'ems', figures: [figure('processing', { count: 3, target: TARGET_60, targetRows: 3, withinTarget: 0, compliance: 0, p90: 95 })] },
        { key: 'fire', figures: [figure('answering', { count: 2 }), figure('processing', { count: 0, p50: null, p90: null, target: TARGET_60, targetRows: 0, withinTarget: 0, compliance: null })] },
      ],
    });
    const [ems, fire, police] = chartRows(r, 'agency', 'processing');
    // All missed: a figure of 0.
    expect(ems && chartGap(ems, 'compliance')).toBeNull();
    expect(ems?.compliancePct).toBe(0);
    expect(formatShare(ems?.compliance ?? null)).toBe('0.0%');
    // In the report with no processing measured, and left out of it: no data, by compliance and by p90.
    for (const row of [fire, police]) {
      if (!row) throw new Error('a row is missing');
      expect(row.compliancePct).toBeNull();
      expect(row.p90).toBeNull();
      expect(chartGap(row, 'compliance')).toBe('no_data');
      expect(chartGap(row, 'p90')).toBe('no_data');
    }
    expect(GAP_NOTES.no_data.join(' ')).toBe('no data');
  });

  it('says why a measured group has no compliance bar: no target, or a target none of its rows falls under', () => {
    const police = { count: 2, p90: 300, target: null, compliance: null };
    expect(chartGap(police, 'compliance')).toBe('no_target');
    expect(chartGap(police, 'p90')).toBeNull();
    const fireWithoutFirstEngine = { count: 1, p90: 90, target: TARGET_80, compliance: null };
    expect(chartGap(fireWithoutFirstEngine, 'compliance')).toBe('not_applicable');
  });

  it('[SF4] an agency with no units reads "no units", one whose units stood idle a real 0.0%', () => {
    expect(formatFleetShare({ units: 0, utilisation: 0 })).toBe('no units');
    expect(formatFleetShare({ units: 4, utilisation: 0 })).toBe('0.0%');
    expect(formatFleetShare({ units: 4, utilisation: 0.1234 })).toBe('12.3%');
  });
});
