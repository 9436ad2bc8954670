import type { GazetteerEntry } from '../../../shared/city/gazetteer.ts';
import { normalizeTokens } from '../../../shared/city/gazetteerWords.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import type { OsmExtract } from '../../routing/osm/readOsmExtract.ts';
import { isStreet, refsOf, roadRank, streetNames } from './gazetteerTags.ts';
import type { LocalityIndex } from './localities.ts';
import { pointNearMiddle, wayPoints } from './wayGeometry.ts';

/** A street way of the extract, with what the gazetteer needs of it. */
export type StreetWay = {
  id: number;
  /** Its names (usually one). */
  names: string[];
  refs: string[];
  /** Road class rank (roadRank): lower is more important. */
  rank: number;
  nodeRefs: readonly number[];
  points: LngLat[];
  /** The locality of the way's middle, e.g. "Santa Coloma, Andorra la Vella" ('' when unknown). */
  locality: string;
};

/** Spelling-insensitive key of a name: "Avinguda  Meritxell" and "avinguda meritxell" are one street. */
export const nameKey = (name: string): string => normalizeTokens(name).join(' ');

/** The named or numbered streets of an extract, each with the locality of its middle. */
export function streetWaysOf(extract: OsmExtract, localities: LocalityIndex): StreetWay[] {
  const streets: StreetWay[] = [];
  for (const way of extract.ways) {
    if (!isStreet(way.tags)) continue;
    const points = wayPoints(extract, way.refs);
    const middle = pointNearMiddle([points]);
    if (middle === null) continue;
    streets.push({
      id: way.id,
      names: streetNames(way.tags),
      refs: refsOf(way.tags),
      rank: roadRank(way.tags),
      nodeRefs: way.refs,
      points,
      locality: localities.localityOf(middle).label,
    });
  }
  return streets;
}

/** The most used of the spellings (the first seen among equals). */
function mostUsed(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of spellings) counts.set(s, (counts.get(s) ?? 0) + 1);
  let best = spellings[0] ?? '';
  for (const [s, n] of counts) if (n > (counts.get(best) ?? 0)) best = s;
  return best;
}

/** The ways of one street (or road number) in one locality, and how each spells it. */
type Group = { spellings: string[]; ways: StreetWay[] };

function groupBy(ways: readonly StreetWay[], labelsOf: (way: StreetWay) => string[]): Group[] {
  const groups = new Map<string, Group>();
  for (const way of ways) {
    for (const label of labelsOf(way)) {
      const key = `${nameKey(label)}|${way.locality}`;
      const group = groups.get(key) ?? { spellings: [], ways: [] };
      group.spellings.push(label);
      group.ways.push(way);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];
const detailOf = (parts: readonly string[]): string => parts.filter((part) => part !== '').join(' · ');

/**
 * [LO4] One entry per street name per locality: the ways of one street merged, placed at a point on the street near
 * its middle, with the road numbers and the locality as detail ("CG-2 · Andorra la Vella"). Roads also answer to
 * their number: one entry per number per locality ("M1", detail "De Villiers Graaff Motorway · Braamfontein").
 */
export function streetEntries(ways: readonly StreetWay[]): GazetteerEntry[] {
  const entries: GazetteerEntry[] = [];
  const add = (group: Group, id: string, name: string, detail: string): void => {
    const position = pointNearMiddle(group.ways.map((way) => way.points));
    if (position === null) return;
    entries.push({ id, name, kind: 'street', detail, position });
  };
  for (const group of groupBy(ways, (way) => way.names)) {
    const firstId = Math.min(...group.ways.map((way) => way.id));
    const refs = unique(group.ways.flatMap((way) => way.refs)).sort();
    add(group, `street-w${firstId}`, mostUsed(group.spellings), detailOf([refs.join(', '), group.ways[0]?.locality ?? '']));
  }
  for (const group of groupBy(ways, (way) => way.refs)) {
    const firstId = Math.min(...group.ways.map((way) => way.id));
    const ref = mostUsed(group.spellings);
    const names = group.ways.flatMap((way) => way.names);
    const mainName = names.length === 0 ? '' : mostUsed(names);
    add(group, `road-w${firstId}-${nameKey(ref).replace(/ /g, '-')}`, ref, detailOf([mainName, group.ways[0]?.locality ?? '']));
  }
  return entries;
}
