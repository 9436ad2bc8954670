/**
 * Imports an OpenStreetMap extract into a routing pack (run: npx tsx scripts/importCity.ts <extract> [--out dir];
 * `npm run city:import -- <extract>`). Writes <out>/roads.bin, <out>/stations.json and <out>/ATTRIBUTION.md;
 * <out> defaults to fixtures/<name of the extract before its first dot>.
 */
import { basename, join } from 'node:path';
import { importExtract } from '../server/routing/importExtract.ts';

const USAGE = 'usage: npx tsx scripts/importCity.ts <extract.osm.pbf|.osm|.osm.gz> [--out fixtures/<name>]';

function parseArgs(argv: readonly string[]): { extract: string; out: string } {
  const rest = [...argv];
  let out: string | undefined;
  const outAt = rest.indexOf('--out');
  if (outAt !== -1) {
    out = rest[outAt + 1];
    if (out === undefined || out.startsWith('--')) throw new Error(`--out needs a folder\n${USAGE}`);
    rest.splice(outAt, 2);
  }
  const extract = rest[0];
  if (extract === undefined || rest.length !== 1) throw new Error(USAGE);
  return { extract, out: out ?? join(import.meta.dirname, '..', 'fixtures', basename(extract).split('.')[0] ?? 'city') };
}

async function main(): Promise<void> {
  const { extract, out } = parseArgs(process.argv.slice(2));
  const report = await importExtract(extract, out);
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
