import type { KeyboardEvent } from 'react';

/**
 * Keys inside a lifecycle form: Escape leaves it (and goes no further, so the board keeps its selection), Enter
 * on a picker sends it as Enter in a text field does; Shift+Enter in the note still makes a new line.
 */
export function formKeyHandler(onDismiss: () => void): (event: KeyboardEvent<HTMLFormElement>) => void {
  return (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onDismiss();
      return;
    }
    const target = event.target;
    if (event.key === 'Enter' && !event.shiftKey && (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };
}
