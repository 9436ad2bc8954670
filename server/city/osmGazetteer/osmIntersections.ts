import type { GazetteerEntry } from '../../../shared/city/gazetteer.ts';
import { INTERSECTION_JOIN } from '../../../shared/city/intersectionQuery.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import type { OsmExtract } from '../../routing/osm/readOsmExtract.ts';
import type { LocalityIndex } from './localities.ts';
import { nameKey, type StreetWay } from './osmStreets.ts';

type Street = { key: string; name: string; rank: number };
/** A street at a node, and the ways that bring it there. */
type StreetAt = { street: Street; ways: Set<number> };
type Meeting = { nodeId: number; position: LngLat };
type Pair = { a: Street; b: Street; locality: string; meetings: Meeting[] };

/** The names a way is known by at a junction: its names, else its road number. */
function streetsOf(way: StreetWay): Street[] {
  const names = way.names.length > 0 ? way.names : way.refs.slice(0, 1);
  // A name holding the join itself would make the intersection's name ambiguous to split.
  return names.filter((name) => !name.includes(INTERSECTION_JOIN.trim())).map((name) => ({ key: nameKey(name), name, rank: way.rank }));
}

const byImportance = (x: Street, y: Street): number => x.rank - y.rank || x.name.localeCompare(y.name);

/** The meeting nearest to the mean of all meetings: one real junction node near the middle of a cluster. */
function centralMeeting(meetings: readonly Meeting[]): Meeting | null {
  if (meetings.length === 0) return null;
  const lng = meetings.reduce((sum, m) => sum + m.position[0], 0) / meetings.length;
  const lat = meetings.reduce((sum, m) => sum + m.position[1], 0) / meetings.length;
  let best: Meeting | null = null;
  let bestDistance = Infinity;
  for (const m of meetings) {
    const d = (m.position[0] - lng) ** 2 + (m.position[1] - lat) ** 2;
    if (d < bestDistance || (d === bestDistance && best !== null && m.nodeId < best.nodeId)) {
      best = m;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * [LO4] Intersections: nodes shared by streets of two different names, one entry per pair of names per locality
 * ("Avinguda Meritxell & Carrer Prat de la Creu", the more important road first). The nodes where one pair meets in
 * one locality (dual carriageways, roundabouts) become one entry, at the junction node nearest their middle.
 */
export function intersectionEntries(extract: OsmExtract, ways: readonly StreetWay[], localities: LocalityIndex): GazetteerEntry[] {
  const streetsAt = new Map<number, Map<string, StreetAt>>();
  for (const way of ways) {
    const named = streetsOf(way);
    if (named.length === 0) continue;
    for (const nodeId of new Set(way.nodeRefs)) {
      const streets = streetsAt.get(nodeId) ?? new Map<string, StreetAt>();
      for (const street of named) {
        const known = streets.get(street.key) ?? { street, ways: new Set<number>() };
        if (street.rank < known.street.rank) known.street = street;
        known.ways.add(way.id);
        streets.set(street.key, known);
      }
      streetsAt.set(nodeId, streets);
    }
  }
  // Two names of one way ("A;B") do not cross each other: a pair needs a way of each.
  const meet = (x: StreetAt, y: StreetAt): boolean => [...x.ways].some((a) => [...y.ways].some((b) => a !== b));
  const pairs = new Map<string, Pair>();
  for (const [nodeId, streets] of streetsAt) {
    if (streets.size < 2) continue;
    const index = extract.nodeIndex.get(nodeId);
    if (index === undefined) continue;
    const position: LngLat = [extract.lng[index] ?? 0, extract.lat[index] ?? 0];
    const locality = localities.localityOf(position).label;
    const list = [...streets.values()].sort((x, y) => x.street.key.localeCompare(y.street.key));
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        const x = list[i];
        const y = list[j];
        if (x === undefined || y === undefined || !meet(x, y)) continue;
        const [a, b] = [x.street, y.street];
        const key = `${a.key}|${b.key}|${locality}`;
        const pair = pairs.get(key) ?? { a, b, locality, meetings: [] };
        if (a.rank < pair.a.rank) pair.a = a;
        if (b.rank < pair.b.rank) pair.b = b;
        pair.meetings.push({ nodeId, position });
        pairs.set(key, pair);
      }
    }
  }
  const entries: GazetteerEntry[] = [];
  for (const pair of pairs.values()) {
    const meeting = centralMeeting(pair.meetings);
    if (meeting === null) continue;
    const [first, second] = [pair.a, pair.b].sort(byImportance);
    if (first === undefined || second === undefined) continue;
    entries.push({ id: `junction-n${meeting.nodeId}`, name: `${first.name}${INTERSECTION_JOIN}${second.name}`, kind: 'intersection', detail: pair.locality, position: meeting.position });
  }
  return entries;
}
