/** The fields of a call, in the order the call goes. */
export const CALL_FIELDS = ['callback', 'caller', 'location', 'landmark', 'type', 'questions', 'notes'] as const;
export type CallField = (typeof CALL_FIELDS)[number];

/**
 * Focuses a call field by name: at once when it is on screen, so that a fast typist's next keys land
 * in it, or once React has rendered it.
 */
export function focusField(field: CallField | 'dispose' | 'dispose-notes' | 'discard-confirm'): void {
  const find = (): HTMLElement | null => document.querySelector<HTMLElement>(`[data-field="${field}"]`);
  const element = find();
  if (element) {
    element.focus();
    return;
  }
  setTimeout(() => find()?.focus(), 0);
}

/** Whether the key belongs to the element (a field being typed in, or a widget with its own letter keys). */
export function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return target.closest('[data-own-keys]') !== null;
}
