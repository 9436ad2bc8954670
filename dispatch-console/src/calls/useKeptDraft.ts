import { useEffect } from 'react';
import type { DraftStorage, DraftStore } from './draftStore.ts';

/**
 * [IC10][CS2] Keeps work in progress: the draft is saved in the browser after every change and forgotten when it
 * is gone (null), and closing or reloading the page while there is one asks first (the browser's own prompt).
 */
export function useKeptDraft<T>(store: DraftStore<T>, storage: DraftStorage | null, userId: string, draft: T | null): void {
  useEffect(() => {
    if (!storage) return;
    if (draft) store.save(storage, userId, draft);
    else store.clear(storage, userId);
  }, [store, storage, userId, draft]);

  const hasDraft = draft !== null;
  useEffect(() => {
    if (!hasDraft) return;
    function warn(event: BeforeUnloadEvent) {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    }
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasDraft]);
}
