import { describe, expect, it } from 'vitest';
import { extractGazetteer } from '../../server/city/osmGazetteer/extractGazetteer.ts';
import type { OsmExtract, OsmTags } from '../../server/routing/osm/readOsmExtract.ts';
import type { GazetteerEntry } from '../../shared/city/gazetteer.ts';
import { syntheticExtract } from '../routing/syntheticExtract.ts';

/** Two towns 8 km apart, each with a Carrer Major; a dual carriageway crossing the first one twice. */
function twoTowns(): OsmExtract {
  const nodes: Record<number, [number, number]> = {
    // Vila A's Carrer Major, in two ways: 1-2-3 and 3-4-5.
    1: [1.5, 42.5], 2: [1.501, 42.5], 3: [1.502, 42.5], 4: [1.503, 42.5], 5: [1.504, 42.5],
    // Avinguda Nova, two carriageways crossing Carrer Major at 2 and at 4 (a few tens of metres apart).
    6: [1.501, 42.499], 7: [1.501, 42.501], 8: [1.503, 42.499], 9: [1.503, 42.501],
    // Vila B's Carrer Major.
    11: [1.6, 42.5], 12: [1.601, 42.5], 13: [1.602, 42.5],
    // A building with an address, and the towns, a school, a bench and a hospital.
    21: [1.5021, 42.5001], 22: [1.5023, 42.5001], 23: [1.5023, 42.5003], 24: [1.5021, 42.5003],
    31: [1.5, 42.5005], 32: [1.6, 42.5005], 33: [1.5015, 42.5005], 34: [1.5016, 42.5005], 35: [1.5017, 42.5005], 36: [1.50215, 42.50015],
    // A planned road and a road whose ref is a note.
    41: [1.505, 42.5], 42: [1.506, 42.5],
  };
  const way = (id: number, tags: OsmTags, refs: number[]) => ({ id, tags, refs });
  const extract = syntheticExtract(nodes, [
    way(101, { highway: 'residential', name: 'Carrer Major' }, [1, 2, 3]),
    way(102, { highway: 'residential', name: 'Carrer Major' }, [3, 4, 5]),
    way(103, { highway: 'primary', name: 'Avinguda Nova', ref: 'CG-9', oneway: 'yes' }, [6, 2, 7]),
    way(104, { highway: 'primary', name: 'Avinguda Nova', ref: 'CG-9', oneway: 'yes' }, [9, 4, 8]),
    way(105, { highway: 'residential', name: 'carrer  Major' }, [11, 12, 13]),
    way(106, { building: 'yes', 'addr:housenumber': '12', 'addr:street': 'Carrer Major' }, [21, 22, 23, 24, 21]),
    way(107, { highway: 'proposed', name: 'Carrer Futur' }, [41, 42]),
    way(108, { highway: 'track', ref: 'FIXME', name: 'Pista Vella;Cami del Bosc' }, [5, 41, 42]),
  ]);
  const tagged: [number, OsmTags][] = [
    [31, { place: 'town', name: 'Vila A' }],
    [32, { place: 'town', name: 'Vila B' }],
    [33, { amenity: 'school', name: 'Escola Major' }],
    [34, { amenity: 'bench', name: 'Banc del Poeta' }],
    [35, { amenity: 'hospital', name: 'Hospital de Vila A' }],
    [36, { 'addr:housenumber': '12', 'addr:street': 'Carrer Major' }],
  ];
  for (const [id, tags] of tagged) extract.taggedNodes.push({ id, index: extract.nodeIndex.get(id) ?? -1, tags });
  return extract;
}

const entries = extractGazetteer(twoTowns());
const named = (name: string, kind?: GazetteerEntry['kind']): GazetteerEntry[] => entries.filter((e) => e.name === name && (kind === undefined || e.kind === kind));

describe('gazetteer extraction rules (a hand-made extract)', () => {
  it('[LO4] merges the ways of one street, one entry per locality, placed on the street near its middle', () => {
    const streets = entries.filter((e) => e.kind === 'street' && /^carrer\s+major$/i.test(e.name));
    expect(streets.map((e) => `${e.name} · ${e.detail}`).sort()).toEqual(['Carrer Major · Vila A', 'carrer  Major · Vila B']);
    const inA = streets.find((e) => e.detail === 'Vila A');
    expect(inA?.id).toBe('street-w101');
    expect(inA?.position).toEqual([1.502, 42.5]);
    expect(streets.find((e) => e.detail === 'Vila B')?.position).toEqual([1.601, 42.5]);
  });

  it('[LO4] makes one intersection of a pair of streets meeting at several nearby nodes, the major road first', () => {
    const corners = entries.filter((e) => e.kind === 'intersection');
    // The track named "Pista Vella;Cami del Bosc" meets Carrer Major under both names, but not itself.
    expect(corners.map((e) => e.name)).toEqual(['Avinguda Nova & Carrer Major', 'Carrer Major & Cami del Bosc', 'Carrer Major & Pista Vella']);
    const nova = named('Avinguda Nova & Carrer Major');
    expect(nova).toHaveLength(1);
    expect([[1.501, 42.5], [1.503, 42.5]]).toContainEqual(nova[0]?.position);
    expect(nova[0]?.detail).toBe('Vila A');
  });

  it('[LO4] reads both names of a way named "A;B", and ignores planned roads and refs without a number', () => {
    expect(named('Pista Vella', 'street')).toHaveLength(1);
    expect(named('Cami del Bosc', 'street')).toHaveLength(1);
    expect(named('Carrer Futur')).toEqual([]);
    expect(named('FIXME')).toEqual([]);
    expect(named('CG-9', 'street')[0]).toMatchObject({ detail: 'Avinguda Nova · Vila A' });
    expect(named('Avinguda Nova', 'street')[0]).toMatchObject({ detail: 'CG-9 · Vila A' });
  });

  it('[LO4] lists places with their kind, points of interest worth a search, and each address once', () => {
    expect(named('Vila A', 'place')[0]).toMatchObject({ detail: 'Town', position: [1.5, 42.5005] });
    expect(named('Escola Major', 'poi')[0]).toMatchObject({ detail: 'School · Vila A' });
    // A bench is clutter; a hospital is a station the pack lists already.
    expect(named('Banc del Poeta')).toEqual([]);
    expect(named('Hospital de Vila A')).toEqual([]);
    const addresses = named('12 Carrer Major', 'address');
    expect(addresses).toHaveLength(1);
    // The node came first in the file; the building at its centroid would have been the same address.
    expect(addresses[0]?.id).toBe('address-n36');
  });
});
