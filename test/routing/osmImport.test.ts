import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromExtract, importExtract } from '../../server/routing/importExtract.ts';
import { findEdge, type RoadGraph } from '../../server/routing/graph/RoadGraph.ts';
import { decodeRoadGraph, encodeRoadGraph, loadRoadGraph } from '../../server/routing/graph/roadGraphFile.ts';
import { StationListSchema, type Station } from '../../server/routing/osm/stationSchema.ts';
import { createRouter } from '../../server/routing/router/createRouter.ts';

/** The real extracts in the workplace's shared data folder, beside the repository (see shared/data/README.md). */
const osmDir = resolve(import.meta.dirname, '../../fixtures/osm');
const ANDORRA = join(osmDir, 'andorra.osm.pbf');
const MONACO = join(osmDir, 'monaco.osm.gz');
const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

function nodeByOsmId(graph: RoadGraph, osmId: number): number {
  const node = graph.osmNodeId.indexOf(osmId);
  expect(node, `OSM node ${osmId} is in the graph`).toBeGreaterThanOrEqual(0);
  return node;
}

describe('OSM import: Andorra (PBF)', () => {
  let graph: RoadGraph;
  let stations: Station[];

  beforeAll(async () => {
    ({ graph, stations } = await buildFromExtract(ANDORRA));
  });

  it('[RO1] builds the road graph with the observed node and edge counts', () => {
    expect(graph.nodeCount).toBe(16_490);
    expect(graph.edgeCount).toBe(31_659);
    expect(graph.ch?.edgeChildA.length).toBe(61_185);
  });

  it('[RO4] matches the generated fixture byte for byte', () => {
    expect(encodeRoadGraph(graph).equals(readFileSync(join(FIXTURES, 'andorra/roads.bin')))).toBe(true);
  });

  it('[RO2] respects one-way: way 6165450 (primary, oneway=yes) has edges along its node order only', () => {
    const a = nodeByOsmId(graph, 51110488);
    const b = nodeByOsmId(graph, 51110489);
    const c = nodeByOsmId(graph, 51110491);
    expect(findEdge(graph, a, b)).toBeGreaterThanOrEqual(0);
    expect(findEdge(graph, b, c)).toBeGreaterThanOrEqual(0);
    expect(findEdge(graph, b, a)).toBe(-1);
    expect(findEdge(graph, c, b)).toBe(-1);
  });

  it('[RO2] routes a known pair the right way round: along the one-way is direct, back is a detour', () => {
    const router = createRouter(graph);
    const a = nodeByOsmId(graph, 51110488);
    const c = nodeByOsmId(graph, 51110491);
    const A: [number, number] = [graph.lng[a] ?? 0, graph.lat[a] ?? 0];
    const C: [number, number] = [graph.lng[c] ?? 0, graph.lat[c] ?? 0];
    const along = router.route(A, C);
    const back = router.route(C, A);
    if (!along.ok || !back.ok) throw new Error('both directions should route');
    expect(along.geometry.coordinates).toHaveLength(3);
    expect(along.distanceMeters).toBeCloseTo(45.65, 1);
    expect(along.etaSeconds).toBeCloseTo(1.958, 3);
    expect(back.distanceMeters).toBeGreaterThan(4 * along.distanceMeters);
    expect(back.etaSeconds).toBeGreaterThan(4 * along.etaSeconds);
  });

  it('[RO5] finds the stations (hospitals and police in this extract)', () => {
    const count = (kind: Station['kind']): number => stations.filter((s) => s.kind === kind).length;
    expect(stations).toHaveLength(9);
    expect([count('hospital'), count('police_station'), count('fire_station'), count('ambulance_station')]).toEqual([7, 2, 0, 0]);
    expect(StationListSchema.parse(stations)).toEqual(stations);
    expect(stations.map((s) => s.osmType)).toContain('way');
  });
});

describe('OSM import: Monaco (gzipped XML)', () => {
  let out: string;
  let report: Awaited<ReturnType<typeof importExtract>>;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'monaco-import-'));
    report = await importExtract(MONACO, out, new Date('2026-01-01T00:00:00Z'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('[RO1] builds the road graph with the observed node and edge counts', () => {
    expect([report.osmNodes, report.nodes, report.edges, report.shortcuts]).toEqual([13_739, 2_812, 4_713, 4_443]);
  });

  it('[RO4] writes roads.bin that loads back to the same graph, and matches the fixture', () => {
    const bytes = readFileSync(join(out, 'roads.bin'));
    expect(bytes.length).toBe(report.roadsBytes);
    expect(bytes.equals(readFileSync(join(FIXTURES, 'monaco/roads.bin')))).toBe(true);
    const graph = loadRoadGraph(join(out, 'roads.bin'));
    expect(encodeRoadGraph(decodeRoadGraph(bytes)).equals(bytes)).toBe(true);
    expect(graph.nodeCount).toBe(2_812);
  });

  it('[RO2] respects one-way: Boulevard Albert 1er (way 4226740, primary, oneway=yes)', () => {
    const graph = loadRoadGraph(join(out, 'roads.bin'));
    const [a, b, c] = [25192130, 1737389127, 25192233].map((id) => nodeByOsmId(graph, id));
    expect(findEdge(graph, a ?? -1, b ?? -1)).toBeGreaterThanOrEqual(0);
    expect(findEdge(graph, b ?? -1, c ?? -1)).toBeGreaterThanOrEqual(0);
    expect(findEdge(graph, b ?? -1, a ?? -1)).toBe(-1);
    expect(findEdge(graph, c ?? -1, b ?? -1)).toBe(-1);
  });

  it('[RO5] writes stations.json (validated) and the ODbL attribution naming the source', () => {
    const file = JSON.parse(readFileSync(join(out, 'stations.json'), 'utf8')) as { attribution: string; source: string; stations: unknown };
    const stations = StationListSchema.parse(file.stations);
    expect(file.source).toBe('monaco.osm.gz');
    expect(stations.filter((s) => s.kind === 'police_station')).toHaveLength(6);
    expect(stations.filter((s) => s.kind === 'hospital')).toHaveLength(3);
    const attribution = readFileSync(join(out, 'ATTRIBUTION.md'), 'utf8');
    expect(attribution).toContain('© OpenStreetMap contributors');
    expect(attribution).toContain('ODbL');
    expect(attribution).toContain('monaco.osm.gz');
  });

  it('[LO4] writes gazetteer.json, byte for byte the Monaco pack\'s, and credits it', () => {
    const written = readFileSync(join(out, 'gazetteer.json'));
    expect(written.length).toBe(report.gazetteerBytes);
    expect(written.equals(readFileSync(join(FIXTURES, 'monaco/gazetteer.json')))).toBe(true);
    expect(report.gazetteer).toEqual({ place: 5, street: 152, poi: 129, intersection: 212, address: 16 });
    expect(readFileSync(join(out, 'ATTRIBUTION.md'), 'utf8')).toContain('gazetteer.json');
  });
});
