/** One field problem as the API reports it: a dotted path and zod's (or the server's) words. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** "2134" → "2,134": counts read at a glance. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Free-text fields, by name: what the operator calls them, and whether that name is plural ("Notes are"). */
const TEXT_FIELDS: Record<string, { label: string; plural: boolean }> = {
  notes: { label: 'Notes', plural: true },
  locationNotes: { label: 'Landmark notes', plural: true },
  callerName: { label: "The caller's name", plural: false },
  note: { label: 'The note', plural: false },
  /** [NR1] The text of an incident's note. */
  text: { label: 'The note', plural: false },
  reason: { label: 'The reason', plural: false },
  reference: { label: 'The reference', plural: false },
  /** [CS1] A Care Connect request's and a department's free text. */
  description: { label: 'The description', plural: false },
  address: { label: 'The address', plural: false },
  publicNote: { label: 'The public note', plural: false },
  internalNote: { label: 'The internal note', plural: false },
};

/** Fields whose every problem has one fix, whatever zod said. */
const FIXED_SENTENCES: Record<string, string> = {
  callbackNumber: 'The callback number is not a phone number: type its digits (e.g. 082 555 0147), "withheld", or leave it empty.',
  type: 'Choose the incident type from the list.',
  incidentId: 'Choose an incident first.',
  unitIds: 'Choose at least one unit, each once.',
  disposition: 'Choose how the call or incident ended.',
  commandId: 'The action could not be sent as it was: try again.',
  destinationId: 'Choose a hospital with a 24-hour emergency unit.',
  priority: 'Choose a priority from the list.',
  serviceCode: 'Choose the Care Connect service from the list.',
  email: 'The email address is not valid: type it as name@example.com, or leave it empty.',
  duplicateOf: 'Name the ticket this one duplicates by its CC- reference.',
  department: 'Choose a department from the list.',
};

/** The `<=N` or `>=N` limit in zod's words ("Too big: expected string to have <=2000 characters"). */
function limitOf(message: string): number | null {
  const match = /[<>]=?\s*(-?[\d.]+)/.exec(message);
  return match?.[1] ? Number(match[1]) : null;
}

/** The value a path points at in the payload that was sent, for "2,134 of 2,000 characters". */
function valueAt(payload: unknown, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** "callStartedAt" → "call started at". */
function words(path: string): string {
  return path.replace(/\./g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * [IC11] One field problem in plain words naming the field and what to do, e.g.
 * "Notes are too long: 2,134 of 2,000 characters. Shorten them." `payload` is what was sent, to count characters.
 */
export function issueSentence(issue: FieldIssue, payload?: unknown): string {
  const { path, message } = issue;
  const field = path.split('.')[0] ?? path;
  if (message === 'in the future') return "This computer's clock is ahead of the server's: check the clock, then try again.";
  if (path === 'location.1') return 'Latitude must be between −85° and 85°.';
  if (path === 'location.0') return 'Longitude must be between −180° and 180°.';
  if (field === 'location') return 'Set the location: type coordinates or a place, or click the map.';
  if (field === 'answers') return 'An answer to a key question was not understood: answer the question again.';
  // [CS3] A service's own field: the server names the field and its form ("Account number: 10 digits").
  if (field === 'extra' && path !== 'extra') return `${sentenceCase(message)}.`;
  if (path === 'reference' && message === 'check digit') return 'The check digit does not match: a digit may have been misheard. Read the reference back again.';
  if (path === 'reference' && message === 'not a reference') return 'That is not a reference: it reads EC-YYMMDD-NNNN-C.';
  const fixed = FIXED_SENTENCES[field];
  if (fixed) return fixed;
  const text = TEXT_FIELDS[field];
  const label = text?.label ?? sentenceCase(words(path));
  const verb = text?.plural ? 'are' : 'is';
  const limit = limitOf(message);
  if (message.startsWith('Too big') && limit !== null) {
    const sent = valueAt(payload, path);
    const count = typeof sent === 'string' ? `${formatCount(sent.trim().length)} of ${formatCount(limit)}` : `at most ${formatCount(limit)}`;
    return `${label} ${verb} too long: ${count} characters. Shorten ${text?.plural ? 'them' : 'it'}.`;
  }
  if (message.startsWith('Too small') && limit !== null) return `${label} ${verb} needed.`;
  return `${label} ${verb} not valid: ${message}.`;
}
