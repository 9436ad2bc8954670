import type { TicketCaller } from '../../../shared/tickets/ticketSchema.ts';
import { instantOfWallTime, wallTime } from '../../../shared/time/zonedTime.ts';

const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/** The ICAO spelling alphabet, as the city's agents read letters over the phone. */
const LETTER_WORDS: Record<string, string> = { C: 'Charlie', E: 'Echo' };

/**
 * [CS2] A reference spelt out for read-back, group by group: "CC-260512-0001-7" →
 * "Charlie Charlie · two six zero five one two · zero zero zero one · seven". Pure.
 */
export function spelledReference(reference: string): string {
  return reference
    .split('-')
    .map((group) =>
      group
        .split('')
        .map((ch) => (/\d/.test(ch) ? DIGIT_WORDS[Number(ch)] : (LETTER_WORDS[ch] ?? ch)))
        .join(' '),
    )
    .join(' · ');
}

/** "3 h", "2 days 4 h", "45 min": a span in the words a department plans in. */
export function formatSpan(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 >= 1 && hours < 10 ? ` ${minutes % 60} min` : ''}`;
  const days = Math.floor(hours / 24);
  return `${days} days${hours % 24 > 0 ? ` ${hours % 24} h` : ''}`;
}

/** [CS6] "due in 3 h" or "2 days 4 h overdue". Pure. */
export function formatDue(dueAt: number, now: number): string {
  return dueAt >= now ? `due in ${formatSpan(dueAt - now)}` : `${formatSpan(now - dueAt)} overdue`;
}

/** "12 May 2026, 14:05" in the city's zone `timeZone` [OP2]: the resident's and the department's dates. */
export function formatDate(at: number, timeZone: string): string {
  const day = new Date(at).toLocaleDateString('en-ZA', { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
  const time = new Date(at).toLocaleTimeString('en-ZA', { timeZone, hour12: false, hour: '2-digit', minute: '2-digit' });
  return `${day}, ${time}`;
}

/** "within 24 hours", "within 3 days": a service's promise in hours, as read out. */
export function formatWithinHours(hours: number): string {
  return hours % 24 === 0 && hours >= 48 ? `within ${hours / 24} days` : `within ${hours} hours`;
}

/** [IC9] A caller as the screens name them: their name (or "Unknown caller") and number (or "Withheld" / "No number"). */
export function callerLine(caller: Pick<TicketCaller, 'name' | 'callbackNumber' | 'callbackStatus'>): string {
  const number = caller.callbackNumber ?? (caller.callbackStatus === 'withheld' ? 'Withheld' : 'No number');
  return `${caller.name ?? 'Unknown caller'} · ${number}`;
}

/** [OP2] The datetime-local value ("2026-05-12T14:05") of an epoch time on the city's clock, for the expected-date field. */
export function toLocalInput(at: number, timeZone: string): string {
  return wallTime(at, timeZone).slice(0, 16);
}

/** [OP2] The epoch time of a datetime-local value read on the city's clock (`timeZone`); null when it is not one. */
export function fromLocalInput(value: string, timeZone: string): number | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? instantOfWallTime(value, timeZone) : null;
}
