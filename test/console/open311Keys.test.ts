import { describe, expect, it } from 'vitest';
import type { Open311Key } from '../../shared/open311/open311KeySchema.ts';
import { byWhomWhen, checkedKeyName, KEY_NAME_RULE, open311KeyErrorText, orderKeys, withKey } from '../../dispatch-console/src/admin/open311KeyWords.ts';
import { ERROR_SENTENCES } from '../../dispatch-console/src/realtime/errorSentences.ts';

/** 12 May 2026, 14:05 in Johannesburg (UTC+2). */
const ISSUED_AT = Date.UTC(2026, 4, 12, 12, 5);

function key(name: string, revokedAt: number | null = null): Open311Key {
  return { name, createdAt: ISSUED_AT, createdBy: 'admin', revokedAt, revokedBy: revokedAt === null ? null : 'admin' };
}

describe('[CS12] the administrator\'s Open311 keys, in words', () => {
  it('[CS12] a name is checked by the schema\'s rule, as it will be kept', () => {
    expect(checkedKeyName('  FixMyJoburg ')).toEqual({ ok: true, name: 'fixmyjoburg' });
    expect(checkedKeyName('ward-12.app_2')).toEqual({ ok: true, name: 'ward-12.app_2' });
    expect(checkedKeyName('')).toEqual({ ok: false, problem: 'App name: type the name of the app the key is for (e.g. fixmyjoburg).' });
    expect(checkedKeyName('   ')).toEqual({ ok: false, problem: 'App name: type the name of the app the key is for (e.g. fixmyjoburg).' });
    for (const bad of ['x', 'fix my joburg', '-app', 'app!', 'a'.repeat(41)]) expect(checkedKeyName(bad)).toEqual({ ok: false, problem: KEY_NAME_RULE });
    expect(checkedKeyName('a'.repeat(40))).toEqual({ ok: true, name: 'a'.repeat(40) });
  });

  it('[CS12] refusals read in plain words: a name taken, an unknown key, anything else by its code', () => {
    const taken = { code: 'validation_failed' as const, message: 'name: an Open311 key named fixmyjoburg already exists', issues: [{ path: 'name', message: 'a key with this name already exists' }] };
    expect(open311KeyErrorText(taken, 'fixmyjoburg', 'issue')).toBe('An app key named fixmyjoburg already exists (a revoked key keeps its name): choose another name.');
    const badName = { code: 'validation_failed' as const, message: 'name: …', issues: [{ path: 'name', message: 'Invalid string' }] };
    expect(open311KeyErrorText(badName, 'x', 'issue')).toBe(KEY_NAME_RULE);
    const unknown = { code: 'validation_failed' as const, message: 'name: no Open311 key named gone', issues: [{ path: 'name', message: 'no Open311 key named gone' }] };
    expect(open311KeyErrorText(unknown, 'gone', 'revoke')).toBe('There is no app key named gone: refresh the list.');
    expect(open311KeyErrorText({ code: 'forbidden', message: 'administrator only' }, 'fixmyjoburg', 'revoke')).toBe(ERROR_SENTENCES.forbidden);
  });

  it('[CS12] an answered key replaces its row or is added; keys in use come first, each by name', () => {
    const list = [key('zulu-app'), key('alpha', ISSUED_AT + 60_000), key('mid')];
    expect(orderKeys(list).map((k) => k.name)).toEqual(['mid', 'zulu-app', 'alpha']);
    const revoked = key('mid', ISSUED_AT + 120_000);
    expect(withKey(list, revoked)).toEqual([list[0], list[1], revoked]);
    expect(withKey(list, key('new-app'))?.map((k) => k.name)).toEqual(['zulu-app', 'alpha', 'mid', 'new-app']);
    expect(withKey(null, key('new-app'))).toBeNull();
    // The list is not changed in place: React sees a new one.
    expect(list.map((k) => k.revokedAt)).toEqual([null, ISSUED_AT + 60_000, null]);
  });

  it('[CS12] when and by whom, in Johannesburg time', () => {
    expect(byWhomWhen(ISSUED_AT, 'admin', 'Africa/Johannesburg')).toBe('12 May 2026, 14:05 by admin');
    expect(byWhomWhen(ISSUED_AT, null, 'Africa/Johannesburg')).toBe('12 May 2026, 14:05');
    // [OP2] Another city's key reads in its own zone: Andorra is UTC+2 in May.
    expect(byWhomWhen(ISSUED_AT, null, 'Europe/Andorra')).toBe('12 May 2026, 14:05');
    expect(byWhomWhen(Date.UTC(2026, 0, 12, 12, 5), null, 'Europe/Andorra')).toBe('12 Jan 2026, 13:05');
  });
});
