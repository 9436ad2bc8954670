import { z } from 'zod';
import { LngLatSchema } from '../geo/position.ts';

/** What a gazetteer entry is, in the order results of equal rank are listed. */
export const GAZETTEER_KINDS = ['hospital', 'community_health_centre', 'clinic', 'police_station', 'fire_station', 'ambulance_station', 'ward', 'region', 'place'] as const;
export const GazetteerKindSchema = z.enum(GAZETTEER_KINDS);
export type GazetteerKind = z.infer<typeof GazetteerKindSchema>;

/** A named point the call-taker can search for: a facility, a ward, a region or a well-known place. */
export const GazetteerEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: GazetteerKindSchema,
  /** A second line: street address, or "Ward 60 · Region F (approximate)". */
  detail: z.string(),
  position: LngLatSchema,
});
export type GazetteerEntry = z.infer<typeof GazetteerEntrySchema>;

type IndexedEntry = {
  entry: GazetteerEntry;
  /** Name tokens, plus the other spellings of any abbreviation among them. */
  nameTokens: readonly string[];
  /** Detail tokens and the kind's words, plus the other spellings of abbreviations. */
  detailTokens: readonly string[];
  /** Name tokens joined by spaces, as written. */
  plainName: string;
  /** Name tokens with abbreviations written out, joined by spaces. */
  canonicalName: string;
  /** Position in (kind, name) order: the tie-break. */
  order: number;
};

/** Entries normalised once for searching (see buildGazetteerIndex). */
export type GazetteerIndex = { readonly entries: readonly IndexedEntry[] };

/** Words that mean the same; the first is the written-out (canonical) form. */
const SYNONYMS: readonly (readonly string[])[] = [
  ['road', 'rd'],
  ['street', 'st', 'str'],
  ['avenue', 'ave', 'av'],
  ['drive', 'dr'],
  ['hospital', 'hosp'],
  ['police', 'sap', 'saps'],
  ['community health centre', 'chc'],
];

const SPELLINGS = new Map<string, readonly string[]>();
const CANONICAL = new Map<string, string>();
for (const group of SYNONYMS) {
  for (const word of group) {
    SPELLINGS.set(word, group);
    CANONICAL.set(word, group[0] ?? word);
  }
}

/** Searchable words of each kind (so "police", "saps", "clinic" or "chc" find entries whose name lacks the word). */
const KIND_WORDS: Record<GazetteerKind, string> = {
  hospital: 'hospital',
  community_health_centre: 'community health centre',
  clinic: 'clinic',
  police_station: 'police station',
  fire_station: 'fire station',
  ambulance_station: 'ambulance station',
  ward: 'ward',
  region: 'region',
  place: 'place',
};

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['\u2019]/g;
const NON_ALPHANUMERIC = /[^a-z0-9]+/g;
const WARD_SHORTHAND = /^w(\d+)$/;

function words(folded: string): string[] {
  return folded
    .replace(NON_ALPHANUMERIC, ' ')
    .split(' ')
    .filter((token) => token !== '');
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Lower case, accents and punctuation removed, split into words; apostrophes join: "Zoë's Rd." → ["zoes", "rd"]. */
export function normalizeTokens(text: string): string[] {
  return words(fold(text).replace(APOSTROPHES, ''));
}

/** The words of an indexed text both with apostrophes joining and splitting ("l'Église" → leglise, l, eglise). */
function indexTokens(text: string): string[] {
  const folded = fold(text);
  return [...new Set([...words(folded.replace(APOSTROPHES, '')), ...words(folded)])];
}

/** The tokens plus every other spelling of each abbreviation (multi-word spellings add their words and the acronym). */
function withSpellings(tokens: readonly string[]): string[] {
  const out = new Set(tokens);
  for (const token of tokens) for (const spelling of SPELLINGS.get(token) ?? []) for (const word of spelling.split(' ')) out.add(word);
  // "community health centre" as consecutive words also answers to "chc".
  const joined = ` ${tokens.join(' ')} `;
  for (const group of SYNONYMS) {
    const phrase = group[0];
    if (phrase !== undefined && phrase.includes(' ') && joined.includes(` ${phrase} `)) for (const word of group) out.add(word);
  }
  return [...out];
}

function canonical(tokens: readonly string[]): string {
  return tokens.map((token) => CANONICAL.get(token) ?? token).join(' ');
}

const kindRank = (kind: GazetteerKind): number => GAZETTEER_KINDS.indexOf(kind);
const NAME_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Normalises every entry's name and detail once, so that a search only compares prepared strings. */
export function buildGazetteerIndex(entries: readonly GazetteerEntry[]): GazetteerIndex {
  const sorted = [...entries].sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || NAME_ORDER.compare(a.name, b.name) || a.id.localeCompare(b.id));
  return {
    entries: sorted.map((entry, order) => {
      const name = normalizeTokens(entry.name);
      return {
        entry,
        nameTokens: withSpellings(indexTokens(entry.name)),
        detailTokens: withSpellings([...indexTokens(entry.detail), ...normalizeTokens(KIND_WORDS[entry.kind])]),
        plainName: name.join(' '),
        canonicalName: canonical(name),
        order,
      };
    }),
  };
}

function someStartsWith(tokens: readonly string[], prefix: string): boolean {
  for (const token of tokens) if (token.startsWith(prefix)) return true;
  return false;
}

const EXACT_NAME = 0;
const NAME_PREFIX = 1;
const NAME_TOKENS = 2;
const DETAIL_TOKENS = 3;

/** The query's tokens with "w60" read as "ward 60". */
function queryTokens(query: string): string[] {
  return normalizeTokens(query).flatMap((token) => {
    const ward = WARD_SHORTHAND.exec(token)?.[1];
    return ward === undefined ? [token] : ['ward', ward];
  });
}

/**
 * The entries matching `query`, best first, at most `limit`. Every query word must be the start of a word of the
 * entry's name or detail ("helen jos", "perth rd", "w60"); abbreviations (rd, st, ave, dr, hosp, chc, sap/saps) match
 * their written-out words and back. Rank: exact name, then name starting with the query, then all words in the name,
 * then words found in the detail; ties by kind (hospitals first) then name. Case and accents are ignored. Pure.
 */
export function searchGazetteer(index: GazetteerIndex, query: string, limit = 8): GazetteerEntry[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0 || limit <= 0) return [];
  const plainQuery = tokens.join(' ');
  const canonicalQuery = canonical(tokens);
  const hits: { rank: number; item: IndexedEntry }[] = [];
  for (const item of index.entries) {
    let inNameOnly = true;
    let matches = true;
    for (const token of tokens) {
      if (someStartsWith(item.nameTokens, token)) continue;
      if (someStartsWith(item.detailTokens, token)) {
        inNameOnly = false;
        continue;
      }
      matches = false;
      break;
    }
    if (!matches) continue;
    let rank = DETAIL_TOKENS;
    if (item.canonicalName === canonicalQuery) rank = EXACT_NAME;
    else if (item.plainName.startsWith(plainQuery) || item.canonicalName.startsWith(canonicalQuery)) rank = NAME_PREFIX;
    else if (inNameOnly) rank = NAME_TOKENS;
    hits.push({ rank, item });
  }
  hits.sort((a, b) => a.rank - b.rank || a.item.order - b.item.order);
  return hits.slice(0, limit).map((hit) => hit.item.entry);
}
