/**
 * [CH1] The canonical form of a callback number, so that "082 555 0147", "0825550147" and
 * "+27 82 555 0147" are one caller: digits only, a South African national number (10 digits
 * starting with 0) rewritten in international form (27…).
 */
export function normalizePhoneNumber(text: string): string {
  const digits = text.replace(/\D/g, '');
  if (digits.length === 10 && digits.startsWith('0')) return `27${digits.slice(1)}`;
  if (digits.startsWith('00')) return digits.slice(2);
  return digits;
}
