import { describe, expect, it } from 'vitest';
import { answersForType, createPayload, disposePayload, linkPayload, newCallDraft, nextQuestionIndex } from '../../dispatch-console/src/calls/callDraft.ts';
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

  it('names what is still missing, in call order', () => {
    expect(createPayload(draft())).toEqual({ ok: false, problems: ['callback number', 'caller name', 'location', 'incident type'] });
  });

  it('[DU2] links with the caller and the landmark in the notes; [CH2] disposes with only a number', () => {
    const d = draft({ callbackNumber: '083 444 0199', callerName: 'Lerato', locationNotes: 'at the gate', notes: 'saw it happen' });
    expect(linkPayload(d, 'EC-1')).toEqual({
      ok: true,
      payload: { incidentId: 'EC-1', callerName: 'Lerato', callbackNumber: '083 444 0199', notes: 'At: at the gate — saw it happen' },
    });
    expect(linkPayload(draft({ callbackNumber: '083 444 0199' }), 'EC-1')).toEqual({ ok: false, problems: ['caller name'] });
    expect(disposePayload(draft({ callbackNumber: '072 000 1111' }), 'hoax', ' laughing ')).toEqual({
      ok: true,
      payload: { callbackNumber: '072 000 1111', callerName: '', disposition: 'hoax', notes: 'laughing', callStartedAt: T0 },
    });
    expect(disposePayload(draft(), 'abandoned', '')).toEqual({ ok: false, problems: ['callback number'] });
  });

  it('keeps only the answers the type asks, and finds the next open question', () => {
    expect(answersForType('cardiac_arrest', { breathing_normally: 'no', trapped: 'yes' })).toEqual({ breathing_normally: 'no' });
    expect(nextQuestionIndex('cardiac_arrest', {})).toBe(0);
    expect(nextQuestionIndex('cardiac_arrest', { breathing_normally: 'no' })).toBe(1);
    expect(nextQuestionIndex('cardiac_arrest', { breathing_normally: 'no', awake: 'no' })).toBeNull();
  });
});
