import { describe, expect, it } from 'vitest';
import { numberCandidates, recommendedUnitIds, togglePick, unitsToAssign } from '../../dispatch-console/src/dispatch/pickAssignment.ts';
import { formatCommandError } from '../../dispatch-console/src/realtime/commandErrors.ts';
import { candidate, makeRecommendation, unitId } from './fixtures.ts';

const rec = makeRecommendation([
  { kind: 'als', needed: 1, committed: 0, candidates: [candidate('als-1'), candidate('als-2')], passedOver: [], divertCandidates: [] },
  { kind: 'fire_engine', needed: 2, committed: 0, candidates: [candidate('fe-1', 'fire_engine'), candidate('fe-2', 'fire_engine'), candidate('fe-3', 'fire_engine')], passedOver: [], divertCandidates: [] },
  { kind: 'bls', needed: 0, committed: 1, candidates: [candidate('bls-1', 'bls')], passedOver: [], divertCandidates: [] },
]);

describe('recommendedUnitIds', () => {
  it('takes the best candidates of every kind still needed, as many as needed', () => {
    expect(recommendedUnitIds(rec)).toEqual(['als-1', 'fe-1', 'fe-2']);
  });
});

describe('number keys', () => {
  it('numbers candidates in panel order and toggles picks', () => {
    expect(numberCandidates(rec).map((n) => n.key)).toEqual([1, 2, 3, 4, 5, 6]);
    const picked = togglePick(rec, [], 2);
    expect(picked).toEqual(['als-2']);
    expect(unitsToAssign(rec, picked)).toEqual(['als-2']);
    expect(togglePick(rec, picked, 2)).toEqual([]);
    expect(unitsToAssign(rec, [])).toEqual(['als-1', 'fe-1', 'fe-2']);
  });

  it('forgets picks that are no longer candidates', () => {
    expect(unitsToAssign(rec, [unitId('gone')])).toEqual(['als-1', 'fe-1', 'fe-2']);
  });
});

describe('formatCommandError', () => {
  it('names the unit by call sign with the code', () => {
    const line = formatCommandError({ code: 'unit_not_available', message: 'unit als-b03 is dispatched', unitId: 'als-b03' }, () => 'ALS-B03');
    expect(line).toBe('ALS-B03 is no longer available: choose another unit.');
  });

  it('[IC11] says each validation issue once, in plain words naming the field', () => {
    const line = formatCommandError({ code: 'validation_failed', message: 'callbackNumber: at least 3 digits', issues: [{ path: 'callbackNumber', message: 'at least 3 digits' }] });
    expect(line).toBe('The callback number is not a phone number: type its digits (e.g. 082 555 0147), "withheld", or leave it empty.');
  });
});
