import { LngLatSchema, type LngLat } from './position.ts';

/** How the coordinates were written: decimal degrees, degrees-minutes-seconds, or degrees and decimal minutes. */
export type CoordinateFormat = 'decimal' | 'dms' | 'dm';

export type ParsedCoordinates = { ok: true; position: LngLat; format: CoordinateFormat } | { ok: false; reason: string };

/** Web Mercator's latitude limit (as LngLatSchema). */
const MAX_LATITUDE = 85.05112878;

type Hemisphere = 'N' | 'S' | 'E' | 'W';
type Mark = 'deg' | 'min' | 'sec';

type Token =
  | { type: 'number'; text: string; value: number; sign: '-' | '+' | null }
  | { type: 'mark'; mark: Mark; text: string }
  | { type: 'hemisphere'; hemisphere: Hemisphere; text: string }
  | { type: 'separator' };

type NumberPart = { text: string; value: number; sign: '-' | '+' | null; mark: Mark | null };

/** One coordinate as written: up to three numbers (degrees, minutes, seconds) and an optional hemisphere letter. */
type Group = { parts: NumberPart[]; hemisphere: Hemisphere | null; hemisphereText: string };

type Failure = { ok: false; reason: string };

const HEMISPHERE_WORDS: ReadonlyMap<string, Hemisphere> = new Map([
  ['n', 'N'],
  ['s', 'S'],
  ['e', 'E'],
  ['w', 'W'],
  ['north', 'N'],
  ['south', 'S'],
  ['east', 'E'],
  ['west', 'W'],
]);

const MARK_NAMES: Record<Mark, string> = { deg: 'degree sign', min: 'minute mark', sec: 'second mark' };
const PART_NAMES = ['degrees', 'minutes', 'seconds'] as const;

function fail(reason: string): Failure {
  return { ok: false, reason };
}

/** Folds the many ways of typing minus signs, degree signs and primes into ASCII. */
function normalizeMarks(text: string): string {
  return text
    .replace(/[\u2212\u2012\u2013\u2014]/g, '-')
    .replace(/[\u2032\u2019\u2018`\u00b4]/g, "'")
    .replace(/''/g, '"')
    .replace(/[\u2033\u201c\u201d]/g, '"')
    .replace(/[\u00ba\u02da]/g, '°');
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

function tokenize(text: string): Token[] | Failure {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === ',' || ch === ';') {
      tokens.push({ type: 'separator' });
      i += 1;
    } else if (ch === '°' || ch === "'" || ch === '"') {
      const mark: Mark = ch === '°' ? 'deg' : ch === "'" ? 'min' : 'sec';
      tokens.push({ type: 'mark', mark, text: ch });
      i += 1;
    } else if (isDigit(ch) || ((ch === '-' || ch === '+' || ch === '.') && (isDigit(text[i + 1]) || (text[i + 1] === '.' && isDigit(text[i + 2]))))) {
      const start = i;
      const sign = ch === '-' || ch === '+' ? ch : null;
      if (sign !== null) i += 1;
      while (isDigit(text[i])) i += 1;
      if (text[i] === '.') {
        i += 1;
        if (!isDigit(text[i])) return fail(`"${text.slice(start, i)}" is not a number`);
        while (isDigit(text[i])) i += 1;
      }
      const numberText = text.slice(start, i);
      tokens.push({ type: 'number', text: numberText, value: Number(numberText), sign });
    } else if (isLetter(ch)) {
      const start = i;
      while (isLetter(text[i])) i += 1;
      const word = text.slice(start, i);
      const hemisphere = HEMISPHERE_WORDS.get(word.toLowerCase());
      if (hemisphere === undefined) return fail(`unexpected "${word}": expected numbers and N, S, E or W`);
      tokens.push({ type: 'hemisphere', hemisphere, text: word });
    } else {
      return fail(`unexpected character "${ch}"`);
    }
  }
  return tokens;
}

function emptyGroup(): Group {
  return { parts: [], hemisphere: null, hemisphereText: '' };
}

/**
 * Splits the tokens into coordinates. A comma or semicolon ends one; so does a hemisphere letter written after its
 * numbers ("26.2 S, 28.0 E"), while a letter written before them starts one ("S 26.2 E 28.0"); a number carrying a
 * degree sign starts a new coordinate when the current one already has numbers and there are no letters ("-26.2° 28.0°").
 */
function groupTokens(tokens: readonly Token[]): Group[] | Failure {
  const firstLetter = tokens.findIndex((t) => t.type === 'hemisphere');
  const firstNumber = tokens.findIndex((t) => t.type === 'number');
  // With hemisphere letters, the letters delimit the coordinates; without, commas and degree signs do.
  const lettersFirst = firstLetter !== -1 && (firstNumber === -1 || firstLetter < firstNumber);
  const groups: Group[] = [];
  let current = emptyGroup();
  const close = (): void => {
    if (current.parts.length > 0 || current.hemisphere !== null) groups.push(current);
    current = emptyGroup();
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token === undefined) continue;
    switch (token.type) {
      case 'separator':
        if (lettersFirst && current.parts.length === 0 && current.hemisphere !== null) {
          return fail(`${current.hemisphereText} has no number after it`);
        }
        close();
        break;
      case 'hemisphere':
        if (lettersFirst) {
          if (current.hemisphere !== null && current.parts.length === 0) return fail(`${current.hemisphereText} has no number after it`);
          close();
          current.hemisphere = token.hemisphere;
          current.hemisphereText = token.text;
        } else {
          if (current.parts.length === 0) return fail(`${token.text} has no number before it`);
          current.hemisphere = token.hemisphere;
          current.hemisphereText = token.text;
          close();
        }
        break;
      case 'mark': {
        const last = current.parts.at(-1);
        if (last === undefined || last.mark !== null) return fail(`${MARK_NAMES[token.mark]} ${token.text} has no number before it`);
        last.mark = token.mark;
        break;
      }
      case 'number': {
        const next = tokens[i + 1];
        const startsDegrees = next?.type === 'mark' && next.mark === 'deg';
        if (startsDegrees && firstLetter === -1 && current.parts.length > 0) close();
        current.parts.push({ text: token.text, value: token.value, sign: token.sign, mark: null });
        break;
      }
    }
  }
  if (lettersFirst && current.hemisphere !== null && current.parts.length === 0) return fail(`${current.hemisphereText} has no number after it`);
  close();
  return groups;
}

/** "-26.2 28.0" or "26 12 14.8 28 2 50.3": unmarked numbers with no letter or comma are split in two equal halves. */
function splitPlainNumbers(group: Group): Group[] | null {
  const n = group.parts.length;
  if (group.hemisphere !== null || n % 2 !== 0 || n < 2 || n > 6 || group.parts.some((p) => p.mark !== null)) return null;
  return [
    { parts: group.parts.slice(0, n / 2), hemisphere: null, hemisphereText: '' },
    { parts: group.parts.slice(n / 2), hemisphere: null, hemisphereText: '' },
  ];
}

function formatOf(group: Group): CoordinateFormat {
  return group.parts.length === 3 ? 'dms' : group.parts.length === 2 ? 'dm' : 'decimal';
}

function quote(group: Group): string {
  const numbers = group.parts.map((p) => p.text + (p.mark === 'deg' ? '°' : p.mark === 'min' ? "'" : p.mark === 'sec' ? '"' : '')).join(' ');
  if (group.hemisphere === null) return `"${numbers}"`;
  return `"${numbers} ${group.hemisphereText}"`;
}

/** The signed value in degrees of one coordinate, checking its marks, minutes, seconds and hemisphere. */
function valueOf(group: Group): { value: number } | Failure {
  const { parts } = group;
  if (parts.length === 0) return fail(`${group.hemisphereText} has no number`);
  if (parts.length > 3) return fail(`too many numbers in ${quote(group)}: expected degrees, minutes and seconds at most`);
  const expectedMarks: readonly Mark[] = ['deg', 'min', 'sec'];
  let degrees = 0;
  for (const [index, part] of parts.entries()) {
    const name = PART_NAMES[index] ?? 'value';
    if (part.mark !== null && part.mark !== expectedMarks[index]) {
      return fail(`${MARK_NAMES[part.mark]} after ${part.text} in ${quote(group)}: ${name} expected there`);
    }
    if (index > 0 && part.sign !== null) return fail(`${name} cannot carry a sign (got ${part.text}); put the sign on the degrees`);
    const isLast = index === parts.length - 1;
    if (!isLast && !Number.isInteger(part.value)) {
      return fail(`${name} must be a whole number when ${PART_NAMES[index + 1] ?? 'more'} follow (got ${part.text})`);
    }
    if (index > 0 && part.value >= 60) return fail(`${name} must be below 60 (got ${part.text})`);
    degrees += Math.abs(part.value) / 60 ** index;
  }
  const first = parts[0];
  const sign = first?.sign ?? null;
  if (group.hemisphere === null) return { value: sign === '-' ? -degrees : degrees };
  const negative = group.hemisphere === 'S' || group.hemisphere === 'W';
  if (sign !== null && (sign === '-') !== negative) {
    return fail(`the sign of ${first?.text ?? ''} contradicts hemisphere ${group.hemisphereText} in ${quote(group)}`);
  }
  return { value: negative ? -degrees : degrees };
}

function axisOf(hemisphere: Hemisphere | null): 'lat' | 'lng' | null {
  if (hemisphere === 'N' || hemisphere === 'S') return 'lat';
  if (hemisphere === 'E' || hemisphere === 'W') return 'lng';
  return null;
}

/** Assigns the two coordinates to latitude and longitude: by hemisphere letters, else in the human lat, lng order. */
function assignAxes(a: Group, av: number, b: Group, bv: number): { lat: number; lng: number } | Failure {
  const axisA = axisOf(a.hemisphere);
  const axisB = axisOf(b.hemisphere);
  if (axisA !== null && axisA === axisB) {
    const both = axisA === 'lat' ? 'latitudes (N/S)' : 'longitudes (E/W)';
    return fail(`both coordinates are ${both}: ${quote(a)} and ${quote(b)}`);
  }
  if (axisA === 'lat' || axisB === 'lng') return { lat: av, lng: bv };
  if (axisA === 'lng' || axisB === 'lat') return { lat: bv, lng: av };
  // No letters: latitude first, unless the first value cannot be a latitude (then the pair is lng, lat).
  if (Math.abs(av) > 90) return { lat: bv, lng: av };
  return { lat: av, lng: bv };
}

/**
 * Reads a position as a caller or a phone app says it: decimal degrees ("-26.2041, 28.0473", "26.2041 S, 28.0473 E",
 * "S 26.2041 E 28.0473"), degrees-minutes-seconds ("26°12'14.8\"S 28°02'50.3\"E", "26 12 14.8 S 28 2 50.3 E") or
 * degrees and decimal minutes ("S 26° 12.247' E 28° 2.838'"). Latitude comes first unless hemisphere letters say
 * otherwise or the first value is outside ±90 (then it can only be a longitude). Hemisphere letters give the sign; a
 * letter contradicting an explicit sign is an error. Returns the validated position in GeoJSON [lng, lat] order, or
 * the reason the text is not a position. Pure.
 */
export function parseCoordinates(text: string): ParsedCoordinates {
  const trimmed = normalizeMarks(text).trim();
  if (trimmed === '') return fail('empty input: give a latitude and a longitude');
  const tokens = tokenize(trimmed);
  if (!Array.isArray(tokens)) return tokens;
  if (!tokens.some((t) => t.type === 'number')) return fail('no numbers found: give a latitude and a longitude');
  const grouped = groupTokens(tokens);
  if (!Array.isArray(grouped)) return grouped;
  let groups = grouped;
  if (groups.length === 1 && groups[0] !== undefined) groups = splitPlainNumbers(groups[0]) ?? groups;
  if (groups.length > 2) {
    const decimalComma = /\d,\d/.exec(trimmed);
    if (decimalComma !== null) return fail(`found ${groups.length} coordinates: write decimals with a point, not a comma ("${decimalComma[0]}")`);
    return fail(`found ${groups.length} coordinates: expected a latitude and a longitude`);
  }
  const [a, b] = groups;
  if (a === undefined) return fail('no numbers found: give a latitude and a longitude');
  if (b === undefined) {
    if (a.parts.length === 1 && a.hemisphere === null) return fail(`a single number (${a.parts[0]?.text ?? ''}) is not a position: give a latitude and a longitude`);
    if (a.hemisphere === null && a.parts.every((p) => p.mark === null)) {
      return fail(`cannot tell latitude from longitude in ${quote(a)}: separate them with a comma or N/S/E/W`);
    }
    return fail(`only one coordinate found (${quote(a)}): give a latitude and a longitude`);
  }
  const va = valueOf(a);
  if ('ok' in va) return va;
  const vb = valueOf(b);
  if ('ok' in vb) return vb;
  if (formatOf(a) !== formatOf(b)) return fail(`the two coordinates use different notations: ${quote(a)} and ${quote(b)}`);
  const axes = assignAxes(a, va.value, b, vb.value);
  if ('ok' in axes) return axes;
  const { lat, lng } = axes;
  if (!(Math.abs(lat) <= MAX_LATITUDE)) return fail(`latitude must be within ±${MAX_LATITUDE} (Web Mercator) (got ${lat})`);
  if (!(Math.abs(lng) <= 180)) return fail(`longitude must be within ±180 (got ${lng})`);
  const parsed = LngLatSchema.safeParse([lng, lat]);
  if (!parsed.success) return fail(`not a valid position: ${lng}, ${lat}`);
  return { ok: true, position: parsed.data, format: formatOf(a) };
}
