import { normalizePhoneNumber } from '../../shared/callers/phoneNumber.ts';

/**
 * [EI2] A callback number as a `tel:` URI (RFC 3966). A number written in international form ("+27 82…", "0027…") or
 * as a South African national number ("082 555 0147", the form [CH1] reads) becomes a global number
 * (`tel:+27825550147`); any other (a short code, a local extension) stays a local number in the centre's context
 * (`tel:10177;phone-context=<centre>`), since its country is not known.
 */
export function callbackUri(callbackNumber: string, centreDomain: string): string {
  const typed = callbackNumber.trim();
  const digits = typed.replace(/\D/g, '');
  const isInternational = typed.startsWith('+') || digits.startsWith('00') || (digits.length === 10 && digits.startsWith('0'));
  return isInternational ? `tel:+${normalizePhoneNumber(typed)}` : `tel:${digits};phone-context=${centreDomain}`;
}
