import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildRoadGraph, type BuildStats } from './graph/buildRoadGraph.ts';
import { contractGraph } from './graph/contractGraph.ts';
import type { RoadGraph } from './graph/RoadGraph.ts';
import { writeRoadGraph } from './graph/roadGraphFile.ts';
import type { GazetteerEntry } from '../../shared/city/gazetteer.ts';
import { GAZETTEER_FILE, writeGazetteerFile } from '../city/gazetteerFile.ts';
import { extractGazetteer } from '../city/osmGazetteer/extractGazetteer.ts';
import { isGazetteerNode, isGazetteerWay } from '../city/osmGazetteer/gazetteerTags.ts';
import { extractStations, stationKindOf } from './osm/extractStations.ts';
import { readOsmExtract, type OsmTags } from './osm/readOsmExtract.ts';
import { roadRuleOf } from './osm/roadRuleOf.ts';
import type { Station } from './osm/stationSchema.ts';
import { writeCityPack } from './writeCityPack.ts';

/** The files an import writes into its output folder. */
export const ROUTING_FILES = { roads: 'roads.bin', stations: 'stations.json', gazetteer: GAZETTEER_FILE, attribution: 'ATTRIBUTION.md' } as const;

export type ImportReport = {
  source: string;
  osmNodes: number;
  keptWays: number;
  build: BuildStats;
  nodes: number;
  edges: number;
  shortcuts: number;
  stations: Record<Station['kind'], number>;
  /** Gazetteer entries by kind. */
  gazetteer: Partial<Record<GazetteerEntry['kind'], number>>;
  roadsBytes: number;
  gazetteerBytes: number;
  /** Milliseconds per step. */
  timings: { read: number; build: number; contract: number; gazetteer: number; write: number };
};

const keepNode = (tags: OsmTags): boolean => stationKindOf(tags) !== null || isGazetteerNode(tags);
const keepWay = (tags: OsmTags): boolean => roadRuleOf(tags) !== null || stationKindOf(tags) !== null || isGazetteerWay(tags);

function countByKind(entries: readonly GazetteerEntry[]): ImportReport['gazetteer'] {
  const counts: ImportReport['gazetteer'] = {};
  for (const entry of entries) counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
  return counts;
}

/** The road graph, stations and gazetteer of an extract, contraction hierarchy included (no files written). */
export async function buildFromExtract(
  path: string,
): Promise<{ graph: RoadGraph; stations: Station[]; gazetteer: GazetteerEntry[]; report: Omit<ImportReport, 'roadsBytes' | 'gazetteerBytes'> }> {
  const t0 = performance.now();
  // Ways kept for the gazetteer alone (footpaths, buildings) are not roads: the graph builder skips them.
  const extract = await readOsmExtract(path, { keepNode, keepWay });
  const t1 = performance.now();
  const { graph, stats } = buildRoadGraph(extract);
  const t2 = performance.now();
  graph.ch = contractGraph(graph);
  const t3 = performance.now();
  const stations = extractStations(extract);
  const counts = { fire_station: 0, ambulance_station: 0, hospital: 0, police_station: 0 };
  for (const s of stations) counts[s.kind] += 1;
  const gazetteer = extractGazetteer(extract);
  const t4 = performance.now();
  return {
    graph,
    stations,
    gazetteer,
    report: {
      source: basename(path),
      osmNodes: extract.lng.length,
      keptWays: extract.ways.length,
      build: stats,
      nodes: graph.nodeCount,
      edges: graph.edgeCount,
      shortcuts: graph.ch.edgeChildA.length - graph.edgeCount,
      stations: counts,
      gazetteer: countByKind(gazetteer),
      timings: { read: t1 - t0, build: t2 - t1, contract: t3 - t2, gazetteer: t4 - t3, write: 0 },
    },
  };
}

function attributionOf(source: string, date: string): string {
  return `# Attribution

\`${ROUTING_FILES.roads}\`, \`${ROUTING_FILES.stations}\` and \`${ROUTING_FILES.gazetteer}\` (the streets, intersections, places,
points of interest and addresses the call-takers search) are derived from OpenStreetMap data.

- Source extract: \`${source}\`
- Imported: ${date} with \`scripts/importCity.ts\`
- Licence: Open Database License (ODbL) 1.0, https://opendatacommons.org/licenses/odbl/

Map data © OpenStreetMap contributors, https://www.openstreetmap.org/copyright

The derived database is shared under the same licence: keep this notice with the files and show
"© OpenStreetMap contributors" wherever routes, stations or places from them are displayed.
`;
}

/**
 * Imports an extract into `outDir` [RO1]–[RO5], [LO4]: `roads.bin` (road graph with contraction hierarchy),
 * `stations.json` (zod-validated stations), `gazetteer.json` (streets, intersections, places, points of interest,
 * addresses) and `ATTRIBUTION.md` (ODbL notice naming the source file).
 */
export async function importExtract(path: string, outDir: string, now = new Date(), name = cityNameOf(path), timeZone = 'UTC'): Promise<ImportReport> {
  const { graph, stations, gazetteer, report } = await buildFromExtract(path);
  const t0 = performance.now();
  mkdirSync(outDir, { recursive: true });
  const roadsBytes = writeRoadGraph(join(outDir, ROUTING_FILES.roads), graph);
  const stationsFile = { attribution: '© OpenStreetMap contributors, ODbL 1.0', source: report.source, stations };
  writeFileSync(join(outDir, ROUTING_FILES.stations), `${JSON.stringify(stationsFile, null, 2)}\n`);
  const gazetteerBytes = writeGazetteerFile(outDir, report.source, gazetteer);
  writeFileSync(join(outDir, ROUTING_FILES.attribution), attributionOf(report.source, now.toISOString().slice(0, 10)));
  writeCityPack(outDir, { name, timeZone, source: report.source, graph, stations });
  return { ...report, roadsBytes, gazetteerBytes, timings: { ...report.timings, write: performance.now() - t0 } };
}

/** "andorra.osm.pbf" → "Andorra". */
export function cityNameOf(path: string): string {
  const stem = basename(path).split('.')[0] ?? 'City';
  return stem.charAt(0).toUpperCase() + stem.slice(1);
}
