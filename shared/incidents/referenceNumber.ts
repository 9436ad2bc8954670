import { calendarDay } from '../time/zonedTime.ts';

/**
 * [IC2] Reference numbers that can be read over the phone: `EC-YYMMDD-NNNN-C`.
 * `EC` = Emergency Connect, the date the call was taken (the city's own day), a daily sequence,
 * and a check digit (Luhn over the date and sequence) so that a digit misheard on read-back is caught.
 */
export const REFERENCE_PATTERN = /^EC-(\d{6})-(\d{4,6})-(\d)$/;

/** Luhn check digit of a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const fromRight = digits.length - 1 - i;
    let digit = Number(digits[i]);
    if (fromRight % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Formats the reference for day `yymmdd` and daily sequence number `sequence` (from 1). */
export function formatReference(yymmdd: string, sequence: number): string {
  const seq = String(sequence).padStart(4, '0');
  return `EC-${yymmdd}-${seq}-${luhnCheckDigit(yymmdd + seq)}`;
}

/** True when `reference` is well-formed and its check digit matches. */
export function isValidReference(reference: string): boolean {
  const match = REFERENCE_PATTERN.exec(reference.trim().toUpperCase());
  if (!match) return false;
  const [, date, seq, check] = match;
  return luhnCheckDigit(`${date}${seq}`) === Number(check);
}

/**
 * [IC2][OP2] The day `YYMMDD` a reference carries: the city's calendar day at epoch ms `now`, in its own zone
 * (`timeZone`, IANA), so a call at 22:30 UTC is already the next day in Andorra in July (UTC+2), not in January (UTC+1).
 */
export function referenceDay(now: number, timeZone: string): string {
  return calendarDay(now, timeZone).slice(2).replaceAll('-', '');
}

/** Digits spelt out in groups for read-back: "E C · 2 6 1 1 2 6 · 0 0 4 2 · 7". */
export function spokenReference(reference: string): string {
  return reference.split('-').map((part) => part.split('').join(' ')).join(' · ');
}

/**
 * [IC2] A reference as typed or heard, in canonical form: upper case, spaces dropped, dashes put
 * back ("ec 261126 0042 7" → "EC-261126-0042-7"). Null when it cannot be a reference.
 */
export function normalizeReference(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  const match = /^EC(\d{6})(\d{4,6})(\d)$/.exec(compact);
  if (!match) return null;
  return `EC-${match[1]}-${match[2]}-${match[3]}`;
}
