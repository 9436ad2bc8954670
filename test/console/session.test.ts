import { describe, expect, it } from 'vitest';
import { roleLabel } from '../../dispatch-console/src/session/sessionLabel.ts';
import { SIGN_IN_REASON_TEXT, signInErrorText } from '../../dispatch-console/src/session/signInMessages.ts';
import { handshakeRefusal, refusalText } from '../../dispatch-console/src/realtime/handshakeRefusal.ts';
import { signOnErrorText } from '../../dispatch-console/src/crew/signOnMessages.ts';
import { crewNames } from '../../dispatch-console/src/dispatch/crewNames.ts';
import { makeUnit } from './fixtures.ts';

describe('[DK1] the header names the desk, or the role', () => {
  it('names a dispatcher by desk and everyone else by role', () => {
    expect(roleLabel({ role: 'dispatcher', desk: 'fire', agency: 'fire' })).toBe('Fire & Rescue dispatch');
    expect(roleLabel({ role: 'dispatcher', desk: 'combined' })).toBe('Combined dispatch');
    expect(roleLabel({ role: 'dispatcher' })).toBe('Combined dispatch');
    expect(roleLabel({ role: 'dispatcher', agency: 'metro_police' })).toBe('Metro Police dispatch');
    expect(roleLabel({ role: 'call_taker' })).toBe('Call taker');
    expect(roleLabel({ role: 'administrator' })).toBe('Administrator');
  });
});

describe('[AU4] sign-in messages are plain words', () => {
  it('says what went wrong without codes or developer text', () => {
    expect(signInErrorText({ code: 'sign_in_failed', message: 'bad credentials for ems' })).toBe('Wrong username or password.');
    expect(signInErrorText({ code: 'rate_limited', message: 'x' })).toMatch(/Too many sign-in attempts/);
    expect(signInErrorText({ code: 'validation_failed', message: 'x', issues: [{ path: 'username', message: 'username: 2-40 letters' }] })).toMatch(/no spaces/);
    expect(signInErrorText({ code: 'validation_failed', message: 'x', issues: [{ path: 'password', message: 'password is required' }] })).toBe('Enter your username and password.');
    expect(signInErrorText({ code: 'internal_error', message: 'ECONNREFUSED' })).toMatch(/could not be reached/);
    for (const code of ['sign_in_failed', 'rate_limited', 'internal_error', 'forbidden', 'protocol_outdated'] as const) {
      const text = signInErrorText({ code, message: 'developer detail' });
      expect(text).not.toMatch(/_|developer detail|\(/);
    }
  });

  it('tells a person why their session ended', () => {
    expect(SIGN_IN_REASON_TEXT.disabled).toBe('Your account was disabled by an administrator.');
    expect(SIGN_IN_REASON_TEXT.password_reset).toMatch(/password was reset/);
    expect(SIGN_IN_REASON_TEXT.expired).toMatch(/Sign in again/);
  });
});

describe('[AU6] a refused socket handshake', () => {
  it('reads the code from the message or from data', () => {
    expect(handshakeRefusal(new Error('protocol_outdated'))).toBe('protocol_outdated');
    expect(handshakeRefusal(Object.assign(new Error('Not signed in'), { data: { code: 'unauthenticated', message: 'Not signed in' } }))).toBe('unauthenticated');
    expect(handshakeRefusal(new Error('websocket error'))).toBeNull();
    expect(refusalText('rate_limited')).toBe('too many attempts, retrying');
    expect(refusalText('websocket error')).toBe('websocket error');
  });
});

describe('[CR2] crews and vehicles', () => {
  it('explains a failed sign-on by call sign', () => {
    expect(signOnErrorText({ code: 'unit_not_found', message: 'no unit als-f99', unitId: 'als-f99' }, 'als-f99')).toBe('There is no vehicle ALS-F99 in the fleet. Check the call sign on the vehicle.');
    expect(signOnErrorText({ code: 'internal_error', message: 'No answer' }, 'als-f03')).toMatch(/No answer from the control room/);
  });

  it('names who crews a unit for the board', () => {
    expect(crewNames(makeUnit('als-f03', { crew: [{ userId: 'u1', name: 'Thabo Nkosi', since: 0 }, { userId: 'u2', name: 'Naledi Dube', since: 0 }] }))).toBe('Thabo Nkosi, Naledi Dube');
    expect(crewNames(makeUnit('als-f03'))).toBe('');
    expect(crewNames(undefined)).toBe('');
  });
});
