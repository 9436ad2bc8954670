import { z } from 'zod';
import { LngLatSchema } from '../geo/position.ts';
import { canonical, indexTokens, normalizeTokens, withSpellings } from './gazetteerWords.ts';
import { INTERSECTION_JOIN, intersectionSides } from './intersectionQuery.ts';

/** What a gazetteer entry is, in the order results of equal rank are listed. */
export const GAZETTEER_KINDS = [
  'hospital',
  'community_health_centre',
  'clinic',
  'police_station',
  'fire_station',
  'ambulance_station',
  'ward',
  'region',
  'place',
  'street',
  'poi',
  'intersection',
  'address',
] as const;
export const GazetteerKindSchema = z.enum(GAZETTEER_KINDS);
export type GazetteerKind = z.infer<typeof GazetteerKindSchema>;

/**
 * A named point the call-taker can search for: a facility, a ward, a region, a place, a street, a point of interest,
 * an intersection ("Avinguda Meritxell & Avinguda Prat de la Creu") or a street address ("12 Carrer Major").
 */
export const GazetteerEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: GazetteerKindSchema,
  /** A second line: street address, "Ward 60 · Region F (approximate)", or what and where ("Hotel · Encamp"). */
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
  /** An intersection's two streets, each as its words with their other spellings; null for other kinds. */
  sides: readonly [readonly string[], readonly string[]] | null;
  /** Position in (kind, name) order: the tie-break. */
  order: number;
};

/** Entries normalised once for searching (see buildGazetteerIndex). */
export type GazetteerIndex = { readonly entries: readonly IndexedEntry[] };

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
  street: 'street',
  poi: 'landmark',
  intersection: 'intersection junction corner',
  address: 'address',
};

const WARD_SHORTHAND = /^w(\d+)$/;

const kindRank = (kind: GazetteerKind): number => GAZETTEER_KINDS.indexOf(kind);
const NAME_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The two streets of an intersection's name, or null when it does not split in two. */
function sidesOf(name: string): [string[], string[]] | null {
  const [first, second, ...more] = name.split(INTERSECTION_JOIN);
  if (first === undefined || second === undefined || more.length > 0) return null;
  return [withSpellings(indexTokens(first)), withSpellings(indexTokens(second))];
}

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
        sides: entry.kind === 'intersection' ? sidesOf(entry.name) : null,
        order,
      };
    }),
  };
}

function someStartsWith(tokens: readonly string[], prefix: string): boolean {
  for (const token of tokens) if (token.startsWith(prefix)) return true;
  return false;
}

function allStartSome(prefixes: readonly string[], tokens: readonly string[]): boolean {
  for (const prefix of prefixes) if (!someStartsWith(tokens, prefix)) return false;
  return true;
}

/** Whether the intersection's two streets are the two the query names, in either order. */
function matchesSides(sides: IndexedEntry['sides'], querySides: ReturnType<typeof intersectionSides>): boolean {
  if (sides === null) return false;
  for (const [left, right] of querySides) {
    if ((allStartSome(left, sides[0]) && allStartSome(right, sides[1])) || (allStartSome(left, sides[1]) && allStartSome(right, sides[0]))) return true;
  }
  return false;
}

/** An intersection whose two streets are the two the query names ("meritxell & prat") comes before anything else. */
const BOTH_STREETS = -1;
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
 * entry's name or detail ("helen jos", "perth rd", "w60", "12 carrer major", "carrer major 12"); abbreviations (rd,
 * st, ave, dr, hosp, chc, sap/saps, av/avda, c/, ctra, pl…: gazetteerWords.ts) match their written-out words and
 * back. A query naming two streets ("meritxell & prat", "prat de la creu / meritxell", "meritxell and prat", "a at
 * b", "a x b", "a i b") finds their intersections first, in either order [LO5]. Rank: intersections of the two
 * streets, exact name, then name starting with the query, then all words in the name, then words found in the
 * detail; ties by kind (hospitals first) then name. Case and accents are ignored. Pure.
 */
export function searchGazetteer(index: GazetteerIndex, query: string, limit = 8): GazetteerEntry[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0 || limit <= 0) return [];
  const plainQuery = tokens.join(' ');
  const canonicalQuery = canonical(tokens);
  const querySides = intersectionSides(query);
  const hits: { rank: number; item: IndexedEntry }[] = [];
  for (const item of index.entries) {
    if (querySides.length > 0 && matchesSides(item.sides, querySides)) {
      hits.push({ rank: BOTH_STREETS, item });
      continue;
    }
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
