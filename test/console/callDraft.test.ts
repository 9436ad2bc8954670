import { describe, expect, it } from 'vitest';
import { answersForType, callbackWarning, createPayload, disposePayload, linkPayload, newCallDraft, nextQuestionIndex } from '../../dispatch-console/src/calls/callDraft.ts';
import type { CallDraft } from '../../dispatch-console/src/calls/callDraft.ts';
import { T0 } from './fixtures.ts';

function draft(overrides: Partial<CallDraft> = {}): CallDraft {
  return { ...newCallDraft(T0), ...overrides };
}

describe('call draft', () => {
  it('[IC1] builds the create payload with the answers of the chosen type and when the call was answered', () => {
    const checked = createPayload(
      draft({
        callbackNumber: ' 082 555 0147 ',
        callerName: 'Sipho',
        position: [28.0, -26.18],
        locationSource: 'place',
        type: 'road_accident_entrapment',
        answers: { fire_or_fuel: 'yes', breathing_normally: 'no' },
      }),
    );
    expect(checked).toEqual({
      ok: true,
      payload: {
        type: 'road_accident_entrapment',
        location: [28.0, -26.18],
        locationNotes: '',
        callerName: 'Sipho',
        callbackNumber: '082 555 0147',
        notes: '',
        answers: { fire_or_fuel: 'yes' },
        callStartedAt: T0,
      },
    });
  });

  it('[IC9] needs only the location and the type, named in call order', () => {
    expect(createPayload(draft())).toEqual({ ok: false, message: 'Still needed: location, incident type.' });
    const anonymous = createPayload(draft({ position: [28.0, -26.18], type: 'structure_fire' }));
    expect(anonymous.ok && [anonymous.payload.callerName, anonymous.payload.callbackNumber]).toEqual(['', '']);
    const withheld = createPayload(draft({ position: [28.0, -26.18], type: 'structure_fire', callbackNumber: 'Withheld' }));
    expect(withheld.ok && withheld.payload.callbackNumber).toBe('Withheld');
  });

  it('[IC9][IC11] refuses before sending what the server would refuse, in the same plain words', () => {
    const long = createPayload(draft({ position: [28.0, -26.18], type: 'structure_fire', notes: 'x'.repeat(2134) }));
    expect(long).toEqual({ ok: false, message: 'Notes are too long: 2,134 of 2,000 characters. Shorten them.' });
    const typo = createPayload(draft({ position: [28.0, -26.18], type: 'structure_fire', callbackNumber: 'o82 555' }));
    expect(typo.ok ? 'sent' : typo.message).toMatch(/^The callback number is not a phone number/);
  });

  it('[IC9] warns, never blocks, about a number that cannot be called back', () => {
    expect(callbackWarning(draft())).toBeNull();
    expect(callbackWarning(draft({ type: 'structure_fire' }))).toBe('No callback number: you cannot call back.');
    expect(callbackWarning(draft({ callbackNumber: 'withheld' }))).toBe('Number withheld: you cannot call back.');
    expect(callbackWarning(draft({ callbackNumber: '082 555 0147', type: 'structure_fire' }))).toBeNull();
    expect(callbackWarning(draft({ callbackNumber: 'call me' }))).toMatch(/W for withheld/);
  });

  it('[DU2] links with the caller and the landmark in the notes; [CH2] disposes with only a number', () => {
    const d = draft({ callbackNumber: '083 444 0199', callerName: 'Lerato', locationNotes: 'at the gate', notes: 'saw it happen' });
    expect(linkPayload(d, 'EC-1')).toEqual({
      ok: true,
      payload: { incidentId: 'EC-1', callerName: 'Lerato', callbackNumber: '083 444 0199', notes: 'At: at the gate — saw it happen' },
    });
    // [IC9] An unknown caller is linked too.
    expect(linkPayload(draft({ callbackNumber: '083 444 0199' }), 'EC-1').ok).toBe(true);
    expect(disposePayload(draft({ callbackNumber: '072 000 1111' }), 'hoax', ' laughing ')).toEqual({
      ok: true,
      payload: { callbackNumber: '072 000 1111', callerName: '', disposition: 'hoax', notes: 'laughing', callStartedAt: T0 },
    });
    // [IC9] An abandoned call from a withheld number is still closed.
    expect(disposePayload(draft({ callbackNumber: 'Withheld' }), 'abandoned', '').ok).toBe(true);
    expect(disposePayload(draft(), 'abandoned', '').ok).toBe(true);
  });

  it('keeps only the answers the type asks, and finds the next open question', () => {
    expect(answersForType('cardiac_arrest', { breathing_normally: 'no', trapped: 'yes' })).toEqual({ breathing_normally: 'no' });
    expect(nextQuestionIndex('cardiac_arrest', {})).toBe(0);
    expect(nextQuestionIndex('cardiac_arrest', { breathing_normally: 'no' })).toBe(1);
    expect(nextQuestionIndex('cardiac_arrest', { breathing_normally: 'no', awake: 'no' })).toBeNull();
  });
});
