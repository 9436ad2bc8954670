/**
 * Imports an OpenStreetMap extract into a routing pack (run: npx tsx scripts/importCity.ts <extract> [--out dir];
 * `npm run city:import -- <extract>`). Writes a whole city pack: <out>/roads.bin, stations.json, city.json,
 * boundary.geojson, fleet.json and ATTRIBUTION.md;
 * <out> defaults to fixtures/<name of the extract before its first dot>.
 */
import { basename, join } from 'node:path';
import { cityNameOf, importExtract } from '../server/routing/importExtract.ts';

const USAGE = 'usage: npm run city:import -- <extract.osm.pbf|.osm|.osm.gz> [--out fixtures/<name>] [--name "City name"]';

/** Removes `--flag value` from `rest` and returns the value. */
function takeOption(rest: string[], flag: string, what: string): string | undefined {
  const at = rest.indexOf(flag);
  if (at === -1) return undefined;
  const value = rest[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs ${what}\n${USAGE}`);
  rest.splice(at, 2);
  return value;
}

function parseArgs(argv: readonly string[]): { extract: string; out: string; name: string } {
  const rest = [...argv];
  const out = takeOption(rest, '--out', 'a folder');
  const name = takeOption(rest, '--name', 'a city name');
  const extract = rest[0];
  if (extract === undefined || rest.length !== 1) throw new Error(USAGE);
  return { extract, out: out ?? join(import.meta.dirname, '..', 'fixtures', basename(extract).split('.')[0] ?? 'city'), name: name ?? cityNameOf(extract) };
}

async function main(): Promise<void> {
  const { extract, out, name } = parseArgs(process.argv.slice(2));
  const report = await importExtract(extract, out, new Date(), name);
  const { timings: t } = report;
  const stations = Object.entries(report.stations).map(([kind, n]) => `${kind} ${n}`).join(', ');
  console.log(`imported ${report.source} into ${out}`);
  console.log(`  OSM: ${report.osmNodes} nodes, ${report.keptWays} ways kept (${report.build.routableWays} routable)`);
  console.log(`  graph: ${report.nodes} nodes, ${report.edges} edges (largest strongly connected part of ${report.build.nodesBeforePruning} nodes / ${report.build.edgesBeforePruning} edges), ${report.shortcuts} shortcuts`);
  console.log(`  roads.bin: ${(report.roadsBytes / 1024).toFixed(0)} KiB; stations: ${stations}`);
  console.log(`  timings: read ${t.read.toFixed(0)} ms, build ${t.build.toFixed(0)} ms, contract ${t.contract.toFixed(0)} ms, write ${t.write.toFixed(0)} ms`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `city import failed: ${error.message}` : error);
  process.exit(1);
});
