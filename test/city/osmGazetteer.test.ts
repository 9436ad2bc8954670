import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractGazetteer } from '../../server/city/osmGazetteer/extractGazetteer.ts';
import { isGazetteerNode, isGazetteerWay } from '../../server/city/osmGazetteer/gazetteerTags.ts';
import { importGazetteer } from '../../server/city/osmGazetteer/importGazetteer.ts';
import { loadGazetteerFile } from '../../server/city/gazetteerFile.ts';
import { loadCityPack } from '../../server/city/loadCityPack.ts';
import { buildGazetteer } from '../../server/city/buildGazetteer.ts';
import { readOsmExtract, type OsmExtract } from '../../server/routing/osm/readOsmExtract.ts';
import { buildGazetteerIndex, GazetteerEntrySchema, searchGazetteer, type GazetteerEntry, type GazetteerIndex } from '../../shared/city/gazetteer.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import { distanceMeters } from '../../shared/geo/distance.ts';
import type { BBox } from '../../shared/geo/gridSpec.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ANDORRA = join(ROOT, 'fixtures/osm/andorra.osm.pbf');

/** Metres from `p` to the nearest point of the segment a–b (flat approximation, fine over a street). */
function metresToSegment(p: LngLat, a: LngLat, b: LngLat): number {
  const cos = Math.cos((p[1] * Math.PI) / 180);
  const [ax, ay, bx, by, px, py] = [a[0] * cos, a[1], b[0] * cos, b[1], p[0] * cos, p[1]];
  const squared = (bx - ax) ** 2 + (by - ay) ** 2;
  const t = squared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / squared));
  return distanceMeters(p, [(ax + t * (bx - ax)) / cos, ay + t * (by - ay)]);
}

/** The node positions of every way of the extract named `name`, as lines. */
function linesNamed(extract: OsmExtract, name: string): LngLat[][] {
  return extract.ways
    .filter((way) => way.tags.name === name)
    .map((way) => way.refs.flatMap((ref): LngLat[] => {
      const i = extract.nodeIndex.get(ref);
      return i === undefined ? [] : [[extract.lng[i] ?? 0, extract.lat[i] ?? 0]];
    }));
}

function metresToLines(p: LngLat, lines: readonly LngLat[][]): number {
  let best = Infinity;
  for (const line of lines) for (let i = 1; i < line.length; i += 1) best = Math.min(best, metresToSegment(p, line[i - 1] ?? p, line[i] ?? p));
  return best;
}

describe('the importer extracts a gazetteer from the Andorra extract', () => {
  let extract: OsmExtract;
  let entries: GazetteerEntry[];
  let index: GazetteerIndex;
  const first = (query: string): GazetteerEntry | undefined => searchGazetteer(index, query)[0];

  beforeAll(async () => {
    extract = await readOsmExtract(ANDORRA, { keepNode: isGazetteerNode, keepWay: isGazetteerWay });
    entries = extractGazetteer(extract);
    index = buildGazetteerIndex(entries);
  });

  it('[LO4] lists places, streets, intersections, points of interest and addresses, each a valid entry with a unique id', () => {
    const count = (kind: GazetteerEntry['kind']): number => entries.filter((e) => e.kind === kind).length;
    expect([count('place'), count('street'), count('intersection'), count('poi'), count('address')]).toEqual([67, 373, 296, 343, 3]);
    for (const e of entries) expect(GazetteerEntrySchema.parse(e)).toEqual(e);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    // Coordinates are rounded to 6 decimals (about 0.1 m).
    for (const e of entries) for (const c of e.position) expect(Math.round(c * 1e6) / 1e6).toBe(c);
  });

  it('[LO4] finds a street once per locality, its ways merged, placed on the street near its middle', () => {
    const street = first('avinguda de tarragona');
    expect(street).toMatchObject({ kind: 'street', name: 'Avinguda de Tarragona', detail: 'CG-1 · Andorra la Vella' });
    expect(entries.filter((e) => e.kind === 'street' && e.name === 'Avinguda de Tarragona')).toHaveLength(1);
    const lines = linesNamed(extract, 'Avinguda de Tarragona');
    expect(lines.length).toBeGreaterThan(1);
    expect(metresToLines(street?.position ?? [0, 0], lines)).toBeLessThan(0.5);
    // Near its middle: not at either end of the street.
    const ends = lines.flatMap((line) => [line[0], line[line.length - 1]]).filter((p): p is LngLat => p !== undefined);
    const [west, east] = [Math.min(...ends.map((p) => p[0])), Math.max(...ends.map((p) => p[0]))];
    expect(street?.position[0]).toBeGreaterThan(west + (east - west) * 0.2);
    expect(street?.position[0]).toBeLessThan(east - (east - west) * 0.2);
  });

  it('[LO4] finds a road by its number, with its name and locality as detail', () => {
    expect(first('cg-1')).toMatchObject({ kind: 'street', name: 'CG-1' });
    expect(searchGazetteer(index, 'cg1', 20).map((e) => e.detail)).toContain('Avinguda de Tarragona · Andorra la Vella');
  });

  it('[LO4][LO5] finds the intersection of Avinguda Meritxell and Avinguda Prat de la Creu, at a node both streets share', () => {
    const corner = first('meritxell & prat');
    expect(corner).toMatchObject({ kind: 'intersection', name: 'Avinguda Prat de la Creu & Avinguda Meritxell', detail: 'Andorra la Vella' });
    for (const query of ['meritxell and prat de la', 'Prat de la Creu / Meritxell', 'av meritxell x avda prat', 'meritxell i prat de la creu', 'prat at meritxell']) {
      expect(first(query)?.id, query).toBe(corner?.id);
    }
    expect(metresToLines(corner?.position ?? [0, 0], linesNamed(extract, 'Avinguda Meritxell'))).toBeLessThan(0.5);
    expect(metresToLines(corner?.position ?? [0, 0], linesNamed(extract, 'Avinguda Prat de la Creu'))).toBeLessThan(0.5);
    // One entry for the pair in its locality, however many nodes the two share.
    expect(entries.filter((e) => e.kind === 'intersection' && /Meritxell/.test(e.name) && /Prat de la Creu/.test(e.name))).toHaveLength(1);
  });

  it('[LO4] finds the towns: Encamp, Sant Julià de Lòria (accents and "st" forgiven), with villages in their parish town', () => {
    expect(first('encamp')).toMatchObject({ kind: 'place', name: 'Encamp', detail: 'Town' });
    expect(first('sant julia de loria')).toMatchObject({ kind: 'place', name: 'Sant Julià de Lòria', detail: 'Town' });
    expect(first('st julia')?.name).toBe('Sant Julià de Lòria');
    expect(first('santa coloma')).toMatchObject({ kind: 'place', detail: 'Village · Andorra la Vella' });
  });

  it('[LO4] finds a street address by number then street, or street then number', () => {
    const address = first('11 avinguda meritxell');
    expect(address).toMatchObject({ kind: 'address', name: '11 Avinguda Meritxell', detail: 'Pyrénées · Andorra la Vella' });
    expect(first('avda meritxell 11')?.id).toBe(address?.id);
    expect(first('4 placa major')).toMatchObject({ kind: 'address', name: '4 Plaça Major' });
  });

  it('[LO4] finds points of interest by name and by what they are, stations left to the station list', () => {
    const hotels = searchGazetteer(index, 'hotel', 50);
    expect(hotels.length).toBeGreaterThan(10);
    expect(hotels.every((e) => e.kind === 'poi' && e.detail.startsWith('Hotel'))).toBe(true);
    expect(first('pyrenees')).toMatchObject({ kind: 'poi', name: 'Pyrénées', detail: 'Supermarket · 11 Avinguda Meritxell · Andorra la Vella' });
    expect(entries.filter((e) => e.kind === 'poi' && /hospital/i.test(e.detail))).toEqual([]);
  });

  it('[LO4] the Andorra pack carries this gazetteer (regenerated with the importer), compact, served with the city', () => {
    const pack = loadCityPack(join(ROOT, 'fixtures/andorra'));
    expect(pack.city.gazetteer).toEqual(entries);
    const served = buildGazetteer(pack.city);
    expect(served.filter((e) => e.kind === 'hospital' || e.kind === 'police_station')).toHaveLength(9);
    expect(served).toHaveLength(entries.length + 9);
    expect(statSync(join(ROOT, 'fixtures/andorra/gazetteer.json')).size).toBeLessThan(160_000);
    expect(readFileSync(join(ROOT, 'fixtures/andorra/ATTRIBUTION.md'), 'utf8')).toContain('gazetteer.json');
    expect(pack.city.attribution.join(' ')).toMatch(/streets and places: © OpenStreetMap contributors/);
  });

  it('[LO4] is fast enough per keystroke over the Andorra gazetteer', () => {
    const queries = ['m', 'me', 'mer', 'meritxell', 'meritxell &', 'meritxell & p', 'meritxell & prat', '11 av', 'encamp', 'hotel s'];
    const started = performance.now();
    let found = 0;
    for (let i = 0; i < 1000; i += 1) found += searchGazetteer(index, queries[i % queries.length] ?? '').length;
    expect(found).toBeGreaterThan(1000);
    // Generous bound for a loaded machine; it typically takes a few tens of milliseconds.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('a gazetteer of its own for a pack (--gazetteer-only)', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'gazetteer-only-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('[LO6] writes only gazetteer.json, keeping the entries within the box, that a pack loads back', async () => {
    // Andorra la Vella and les Escaldes, not the rest of the country.
    const box: BBox = [1.51, 42.5, 1.55, 42.52];
    const report = await importGazetteer(ANDORRA, out, box);
    expect(readdirSync(out)).toEqual(['gazetteer.json']);
    expect(report.kept).toBeLessThan(report.extracted);
    const { entries, attribution } = loadGazetteerFile(out);
    expect(entries).toHaveLength(report.kept);
    expect(entries.every((e) => e.position[0] >= box[0] && e.position[0] <= box[2] && e.position[1] >= box[1] && e.position[1] <= box[3])).toBe(true);
    expect(entries.some((e) => e.name === 'Avinguda Prat de la Creu & Avinguda Meritxell')).toBe(true);
    expect(entries.some((e) => e.name === 'Encamp')).toBe(false);
    expect(attribution).toBe('Streets, places and addresses: © OpenStreetMap contributors, ODbL 1.0 (andorra.osm.pbf)');
  });
});
