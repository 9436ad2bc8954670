import { luhnCheckDigit } from '../incidents/referenceNumber.ts';

/**
 * [CC2] Care Connect references read like emergency ones but are told apart at a glance and by their check digit:
 * `CC-YYMMDD-NNNN-C`, a daily sequence of their own, and a Luhn digit over "7" + date + sequence, so an Emergency
 * Connect reference with its prefix misheard as CC fails the check instead of finding a ticket.
 */
export const TICKET_REFERENCE_PATTERN = /^CC-(\d{6})-(\d{4,6})-(\d)$/;

/** The digit the check covers before the date: Care Connect's line. */
export const TICKET_LINE_DIGIT = '7';

export function formatTicketReference(yymmdd: string, sequence: number): string {
  const seq = String(sequence).padStart(4, '0');
  return `CC-${yymmdd}-${seq}-${luhnCheckDigit(TICKET_LINE_DIGIT + yymmdd + seq)}`;
}

/** A ticket reference as typed or heard, in canonical form (upper case, dashes put back); null when it cannot be one. */
export function normalizeTicketReference(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  const match = /^CC(\d{6})(\d{4,6})(\d)$/.exec(compact);
  if (!match) return null;
  return `CC-${match[1]}-${match[2]}-${match[3]}`;
}

/** True when the reference is well formed and its check digit matches. */
export function isValidTicketReference(reference: string): boolean {
  const match = TICKET_REFERENCE_PATTERN.exec(reference);
  if (!match) return false;
  const [, date, seq, check] = match;
  return luhnCheckDigit(`${TICKET_LINE_DIGIT}${date}${seq}`) === Number(check);
}
