/**
 * How gazetteer names and queries are split into words: case, accents and punctuation ignored ("placa" finds
 * "Plaça"), and the abbreviations call-takers type read as the words they stand for.
 */

/**
 * Words that mean the same; the first is the written-out (canonical) form. A word may belong to several groups
 * ("st": street, sant, saint; "dr": drive, doctor); it then answers to the words of all of them.
 * English and South African street words first, then the Catalan, Spanish and French ones of Andorra and Monaco.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['road', 'rd'],
  ['street', 'st', 'str'],
  ['avenue', 'ave', 'av', 'avinguda', 'avda', 'avgda', 'avd', 'avenida'],
  ['drive', 'dr'],
  ['crescent', 'cres'],
  ['lane', 'ln'],
  ['highway', 'hwy'],
  ['extension', 'ext'],
  ['hospital', 'hosp'],
  ['police', 'sap', 'saps'],
  ['community health centre', 'chc'],
  ['carrer', 'c', 'cr', 'calle', 'cl'],
  ['carretera', 'ctra', 'crta'],
  ['placa', 'pl', 'pca', 'plaza', 'pza'],
  ['place', 'pl'],
  ['passeig', 'pg', 'pge', 'paseo', 'pso'],
  ['cami', 'cm', 'camino', 'cno'],
  ['travessia', 'trav', 'tv', 'travesia'],
  ['ronda', 'rda'],
  ['urbanitzacio', 'urb', 'urbanizacion'],
  ['edifici', 'edif', 'ed', 'edificio'],
  ['boulevard', 'bd', 'bld', 'blvd', 'bvd', 'boul'],
  ['chemin', 'ch', 'chem'],
  ['route', 'rte'],
  ['impasse', 'imp'],
  ['sant', 'st'],
  ['santa', 'sta'],
  ['saint', 'st'],
  ['sainte', 'ste'],
  ['doctor', 'dr', 'dtor'],
];

/** Every spelling each word answers to (the words of all its groups). */
const SPELLINGS = new Map<string, readonly string[]>();
/** The canonical form of each word: the first word of its first group. */
const CANONICAL = new Map<string, string>();
for (const group of SYNONYMS) {
  for (const word of group) {
    SPELLINGS.set(word, [...new Set([...(SPELLINGS.get(word) ?? []), ...group])]);
    if (!CANONICAL.has(word)) CANONICAL.set(word, group[0] ?? word);
  }
}

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['\u2019]/g;
const NON_ALPHANUMERIC = /[^a-z0-9]+/g;

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

const ROAD_LETTERS = /^[a-z]{1,3}$/;
const ROAD_CODE = /^([a-z]{1,3})(\d[a-z0-9]*)$/;

/** Road numbers written with or without a dash answer alike: "CG-1" also as "cg1", "CG3a" also as "cg" and "3a". */
function roadCodeForms(tokens: readonly string[]): string[] {
  const forms: string[] = [];
  tokens.forEach((token, i) => {
    const code = ROAD_CODE.exec(token);
    if (code?.[1] !== undefined && code[2] !== undefined) forms.push(code[1], code[2]);
    const next = tokens[i + 1];
    if (next !== undefined && ROAD_LETTERS.test(token) && /^\d/.test(next)) forms.push(token + next);
  });
  return forms;
}

/**
 * The words of an indexed text both with apostrophes joining and splitting ("l'Església" → lesglesia, l, esglesia),
 * and road numbers with and without their dash.
 */
export function indexTokens(text: string): string[] {
  const folded = fold(text);
  const joined = words(folded.replace(APOSTROPHES, ''));
  return [...new Set([...joined, ...words(folded), ...roadCodeForms(joined)])];
}

/** The tokens plus every other spelling of each abbreviation (multi-word spellings add their words and the acronym). */
export function withSpellings(tokens: readonly string[]): string[] {
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

/** The words with abbreviations written out, joined by spaces: "av meritxell" and "avinguda meritxell" compare equal. */
export function canonical(tokens: readonly string[]): string {
  return tokens.map((token) => CANONICAL.get(token) ?? token).join(' ');
}
