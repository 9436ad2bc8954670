import { describe, expect, it } from 'vitest';
import { CALL_DRAFTS, type DraftStorage } from '../../dispatch-console/src/calls/draftStore.ts';
import { newCallDraft, type CallDraft } from '../../dispatch-console/src/calls/callDraft.ts';
import { T0 } from './fixtures.ts';

/** Web Storage in memory, as the browser's localStorage behaves. */
function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const taken: CallDraft = {
  ...newCallDraft(T0),
  callbackNumber: 'Withheld',
  callerName: 'Gogo Mbeki',
  locationText: 'Helen Joseph Hospital',
  position: [28.0123, -26.1801],
  locationSource: 'place',
  locationNotes: 'Perth Rd gate',
  type: 'structure_fire',
  answers: { people_inside: 'yes' },
  notes: 'smoke from the roof',
};

describe('[IC10] the call draft kept in the browser', () => {
  it('[IC10] a saved draft comes back whole after a reload, for the same user only', () => {
    const storage = memoryStorage();
    CALL_DRAFTS.save(storage, 'user-ct', taken);
    expect(CALL_DRAFTS.load(storage, 'user-ct')).toEqual(taken);
    expect(CALL_DRAFTS.load(storage, 'user-other')).toBeNull();
    expect([...storage.items.keys()]).toEqual([CALL_DRAFTS.key('user-ct')]);
  });

  it('[IC10] the latest save wins, and a cleared draft is gone', () => {
    const storage = memoryStorage();
    CALL_DRAFTS.save(storage, 'user-ct', newCallDraft(T0));
    CALL_DRAFTS.save(storage, 'user-ct', taken);
    expect(CALL_DRAFTS.load(storage, 'user-ct')?.notes).toBe('smoke from the roof');
    CALL_DRAFTS.clear(storage, 'user-ct');
    expect(CALL_DRAFTS.load(storage, 'user-ct')).toBeNull();
  });

  it('[IC10] an unreadable or foreign draft never stops the console: it is dropped', () => {
    const storage = memoryStorage();
    storage.setItem(CALL_DRAFTS.key('user-ct'), '{not json');
    expect(CALL_DRAFTS.load(storage, 'user-ct')).toBeNull();
    storage.setItem(CALL_DRAFTS.key('user-ct'), JSON.stringify({ ...taken, type: 'alien_landing' }));
    expect(CALL_DRAFTS.load(storage, 'user-ct')).toBeNull();
    expect(storage.getItem(CALL_DRAFTS.key('user-ct'))).toBeNull();
  });

  it('[IC10] storage that refuses (full, disabled) loses nothing on screen and throws nothing', () => {
    const refusing: DraftStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(() => CALL_DRAFTS.save(refusing, 'user-ct', taken)).not.toThrow();
    expect(CALL_DRAFTS.load(refusing, 'user-ct')).toBeNull();
    expect(() => CALL_DRAFTS.clear(refusing, 'user-ct')).not.toThrow();
  });
});
