import { normalizeTokens } from './gazetteerWords.ts';

/** How an intersection's name joins its two streets: "Avinguda Meritxell & Avinguda Prat de la Creu". */
export const INTERSECTION_JOIN = ' & ';

/** Marks that join two streets in a query: "meritxell & prat", "prat / meritxell", "a + b". */
const JOIN_MARKS = /[&/+]/;
/** Words that join two streets when no mark does: English and, at, x, corner/cnr; Catalan i; Spanish y; French et. */
const JOIN_WORDS: ReadonlySet<string> = new Set(['and', 'at', 'x', 'corner', 'cnr', 'i', 'y', 'et']);
/** "c/ Major" is the Catalan and Spanish "carrer/calle Major", not a join. */
const STREET_SLASH = /(^|[^\p{L}\p{N}])c\//giu;

/** The two streets a query may name, as words: one pair per place the query may be split. */
export type IntersectionSides = readonly (readonly [readonly string[], readonly string[]])[];

/**
 * [LO5] The ways a query may name two streets: split at its join marks when it has any ("prat de la creu /
 * meritxell"), else at each join word ("meritxell and prat de la", "meritxell i prat"). Join words are left out of
 * both sides. Empty when the query names fewer than two streets. Pure.
 */
export function intersectionSides(query: string): IntersectionSides {
  const parts = query.replace(STREET_SLASH, '$1c ').split(JOIN_MARKS).map((part) => normalizeTokens(part));
  const sides: [string[], string[]][] = [];
  const words = (list: readonly string[][]): string[] => list.flat().filter((word) => !JOIN_WORDS.has(word));
  if (parts.length > 1) {
    for (let at = 1; at < parts.length; at += 1) sides.push([words(parts.slice(0, at)), words(parts.slice(at))]);
  } else {
    const tokens = parts[0] ?? [];
    tokens.forEach((token, at) => {
      if (JOIN_WORDS.has(token)) sides.push([words([tokens.slice(0, at)]), words([tokens.slice(at + 1)])]);
    });
  }
  return sides.filter(([left, right]) => left.length > 0 && right.length > 0);
}
