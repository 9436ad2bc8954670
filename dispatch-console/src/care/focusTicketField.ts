/** The fields of a Care Connect request, in the order the agent takes them. */
export type TicketField = 'menu' | 'service' | 'callback' | 'caller' | 'email' | 'extra' | 'location' | 'address' | 'description' | 'channel' | 'discard-confirm' | 'escalate-type' | 'escalate-reason';

/**
 * Focuses a field of the ticket desk by name (`extra` is the first extra field): at once when it is on screen, so
 * a fast typist's next keys land in it, or once React has drawn it.
 */
export function focusTicketField(field: TicketField): void {
  const selector = field === 'extra' ? '[data-field^="extra-"]' : `[data-field="${field}"]`;
  const find = (): HTMLElement | null => document.querySelector<HTMLElement>(selector);
  const element = find();
  if (element) {
    element.focus();
    return;
  }
  setTimeout(() => find()?.focus(), 0);
}

/** Whether the ticket desk has an element for `field` now (a service without extra fields has none). */
export function hasTicketField(field: TicketField): boolean {
  return document.querySelector(field === 'extra' ? '[data-field^="extra-"]' : `[data-field="${field}"]`) !== null;
}
