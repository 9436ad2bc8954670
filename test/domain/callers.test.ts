import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../shared/callers/callerSchema.ts';
import { hoaxStatus, HOAX_WINDOW_DAYS } from '../../shared/callers/hoaxStatus.ts';
import { normalizePhoneNumber } from '../../shared/callers/phoneNumber.ts';

const now = Date.UTC(2026, 10, 26, 12);
const DAY = 86_400_000;
const call = (disposition: CallRecord['disposition'], daysAgo: number): CallRecord => ({
  id: `c${daysAgo}${disposition ?? 'x'}`, at: now - daysAgo * DAY, number: '27825550147', callbackStatus: 'given', callerName: '', operatorId: 'ct-1',
  outcome: disposition ? 'disposition' : 'incident', incidentId: disposition ? null : 'EC-261126-0001-5', disposition, notes: '', callStartedAt: null,
});

describe('[CH1] callback numbers', () => {
  it('[CH1] one caller however the number is written', () => {
    expect(normalizePhoneNumber('082 555 0147')).toBe('27825550147');
    expect(normalizePhoneNumber('+27 82 555 0147')).toBe('27825550147');
    expect(normalizePhoneNumber('0027825550147')).toBe('27825550147');
    expect(normalizePhoneNumber('(011) 375-5911')).toBe('27113755911');
    expect(normalizePhoneNumber('10177')).toBe('10177');
  });
});

describe('[CH3] hoax flag', () => {
  it('[CH3] two hoaxes within the window flag the number; one does not', () => {
    expect(hoaxStatus([call('hoax', 1)], now).isFlagged).toBe(false);
    const flagged = hoaxStatus([call('hoax', 1), call('hoax', 30)], now);
    expect(flagged).toMatchObject({ hoaxCount: 2, isFlagged: true });
    expect(flagged.flagReason).toMatch(/answer as usual/);
  });

  it('[CH3] hoaxes older than the window and other dispositions do not count', () => {
    const status = hoaxStatus([call('hoax', 1), call('hoax', HOAX_WINDOW_DAYS + 1), call('accidental', 2), call('abandoned', 3), call(null, 4)], now);
    expect(status).toEqual({ hoaxCount: 1, isFlagged: false, flagReason: null });
  });
});
