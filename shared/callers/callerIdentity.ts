import { z } from 'zod';

/**
 * [IC9] Whether the call came with a number to call back on: `given`, `withheld` (the network or the caller hid it)
 * or `none` (not captured: the call dropped, the caller would not say). Only `given` can be called back.
 */
export const CALLBACK_STATUSES = ['given', 'withheld', 'none'] as const;
export const CallbackStatusSchema = z.enum(CALLBACK_STATUSES);
export type CallbackStatus = z.infer<typeof CallbackStatusSchema>;

const NUMBER_PATTERN = /^\+?[0-9][0-9 ()-]{2,22}$/;

/** A South African or international callback number: digits with optional +, spaces, dashes, brackets. */
export const CallbackNumberSchema = z
  .string()
  .trim()
  .regex(NUMBER_PATTERN, 'callbackNumber: digits, spaces, dashes or a leading +')
  .refine((value) => value.replace(/\D/g, '').length >= 3, 'callbackNumber: at least 3 digits');

/** What a call-taker may type for a number the caller's phone did not show ("withheld", "private", …). */
const WITHHELD_WORDS = new Set(['withheld', 'private', 'hidden', 'anonymous', 'unknown', 'no caller id']);

export function isWithheldWord(text: string): boolean {
  return WITHHELD_WORDS.has(text.trim().toLowerCase());
}

function isCallbackNumber(text: string): boolean {
  return NUMBER_PATTERN.test(text) && text.replace(/\D/g, '').length >= 3;
}

/**
 * [IC9] The callback number as captured: a number, a word for a withheld number, or empty (none given). Never a
 * reason to refuse a call; only text that is neither is refused, since it is most likely a typing slip.
 */
export const CallbackEntrySchema = z
  .string()
  .trim()
  .max(30)
  .refine((value) => value === '' || isWithheldWord(value) || isCallbackNumber(value), 'callbackNumber: digits, spaces, dashes or a leading +; "withheld"; or leave it empty')
  .default('');

/** [IC9] The caller's name as captured; empty when the caller would not or could not say. */
export const CallerNameEntrySchema = z.string().trim().max(80).default('');

/** Names that mean "we do not know who called", kept as no name. */
const UNKNOWN_NAMES = new Set(['unknown', 'anonymous', 'withheld', 'n/a', 'na', '-', '?']);

/** How a call's caller is kept on an incident: no name and no number are `null`, never an empty string. */
export interface CallerIdentity {
  callerName: string | null;
  callbackNumber: string | null;
  callbackStatus: CallbackStatus;
}

/** [IC9] Normalises what was captured: "" or "unknown" for a name is no name; "" is no number, "withheld" a withheld one. */
export function callerIdentity(entry: { callerName: string; callbackNumber: string }): CallerIdentity {
  const name = entry.callerName.trim();
  const number = entry.callbackNumber.trim();
  const callerName = name === '' || UNKNOWN_NAMES.has(name.toLowerCase()) ? null : name;
  if (number === '') return { callerName, callbackNumber: null, callbackStatus: 'none' };
  if (isWithheldWord(number)) return { callerName, callbackNumber: null, callbackStatus: 'withheld' };
  return { callerName, callbackNumber: number, callbackStatus: 'given' };
}

/** What screens show where the caller's name would be. */
export function callerNameLabel(callerName: string | null): string {
  return callerName ?? 'Unknown caller';
}

/** What screens show where the callback number would be. */
export function callbackLabel(caller: { callbackNumber: string | null; callbackStatus: CallbackStatus }): string {
  if (caller.callbackNumber !== null) return caller.callbackNumber;
  return caller.callbackStatus === 'withheld' ? 'Withheld' : 'No number';
}
