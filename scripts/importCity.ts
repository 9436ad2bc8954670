/**
 * Imports an OpenStreetMap extract into a routing pack (run: npx tsx scripts/importCity.ts <extract> [--out dir];
 * `npm run city:import -- <extract>`). Writes a whole city pack: <out>/roads.bin, stations.json, gazetteer.json,
 * city.json, boundary.geojson, fleet.json and ATTRIBUTION.md;
 * <out> defaults to fixtures/<name of the extract before its first dot>.
 * With --gazetteer-only it writes <out>/gazetteer.json alone (for a municipal pack such as Johannesburg's), keeping
 * with --within <outline.geojson> only the entries within that outline's bounding box (plus about 2 km).
 */
import { basename, join } from 'node:path';
import { areaBoxOf, importGazetteer } from '../server/city/osmGazetteer/importGazetteer.ts';
import { cityNameOf, importExtract } from '../server/routing/importExtract.ts';
import { isTimeZone } from '../server/city/osmCityPack.ts';

const USAGE = [
  'usage: npm run city:import -- <extract.osm.pbf|.osm|.osm.gz> [--out fixtures/<name>] [--name "City name"] [--time-zone Europe/Andorra]',
  '       npm run city:import -- <extract> --gazetteer-only --out <pack folder> [--within <outline.geojson>]',
].join('\n');

/** Removes `--flag value` from `rest` and returns the value. */
function takeOption(rest: string[], flag: string, what: string): string | undefined {
  const at = rest.indexOf(flag);
  if (at === -1) return undefined;
  const value = rest[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs ${what}\n${USAGE}`);
  rest.splice(at, 2);
  return value;
}

/** Removes `flag` from `rest` and says whether it was there. */
function takeFlag(rest: string[], flag: string): boolean {
  const at = rest.indexOf(flag);
  if (at !== -1) rest.splice(at, 1);
  return at !== -1;
}

type Args = { extract: string; out: string; name: string; timeZone: string; gazetteerOnly: boolean; within: string | undefined };

function parseArgs(argv: readonly string[]): Args {
  const rest = [...argv];
  const out = takeOption(rest, '--out', 'a folder');
  const name = takeOption(rest, '--name', 'a city name');
  const within = takeOption(rest, '--within', 'a GeoJSON outline file');
  const timeZone = takeOption(rest, '--time-zone', 'an IANA time zone') ?? 'UTC';
  if (!isTimeZone(timeZone)) throw new Error(`--time-zone ${timeZone} is not an IANA time zone (e.g. Europe/Andorra)\n${USAGE}`);
  const gazetteerOnly = takeFlag(rest, '--gazetteer-only');
  const extract = rest[0];
  if (extract === undefined || rest.length !== 1) throw new Error(USAGE);
  if (within !== undefined && !gazetteerOnly) throw new Error(`--within goes with --gazetteer-only\n${USAGE}`);
  if (gazetteerOnly && out === undefined) throw new Error(`--gazetteer-only needs --out <pack folder>\n${USAGE}`);
  const defaultOut = join(import.meta.dirname, '..', 'fixtures', basename(extract).split('.')[0] ?? 'city');
  return { extract, out: out ?? defaultOut, name: name ?? cityNameOf(extract), timeZone, gazetteerOnly, within };
}

async function importGazetteerOnly({ extract, out, within }: Args): Promise<void> {
  const report = await importGazetteer(extract, out, within === undefined ? null : areaBoxOf(within));
  const { timings: t } = report;
  console.log(`imported the gazetteer of ${report.source} into ${join(out, 'gazetteer.json')}`);
  console.log(`  ${report.kept} entries${within === undefined ? '' : ` within ${within} (of ${report.extracted})`}, ${(report.bytes / 1024).toFixed(0)} KiB`);
  console.log(`  timings: read ${t.read.toFixed(0)} ms, extract ${t.extract.toFixed(0)} ms, write ${t.write.toFixed(0)} ms`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.gazetteerOnly) return importGazetteerOnly(args);
  const { extract, out, name, timeZone } = args;
  const report = await importExtract(extract, out, new Date(), name, timeZone);
  const { timings: t } = report;
  const stations = Object.entries(report.stations).map(([kind, n]) => `${kind} ${n}`).join(', ');
  console.log(`imported ${report.source} into ${out}`);
  console.log(`  OSM: ${report.osmNodes} nodes, ${report.keptWays} ways kept (${report.build.routableWays} routable)`);
  console.log(`  graph: ${report.nodes} nodes, ${report.edges} edges (largest strongly connected part of ${report.build.nodesBeforePruning} nodes / ${report.build.edgesBeforePruning} edges), ${report.shortcuts} shortcuts`);
  console.log(`  roads.bin: ${(report.roadsBytes / 1024).toFixed(0)} KiB; stations: ${stations}`);
  const gazetteer = Object.entries(report.gazetteer).map(([kind, n]) => `${kind} ${n}`).join(', ');
  console.log(`  gazetteer.json: ${(report.gazetteerBytes / 1024).toFixed(0)} KiB; ${gazetteer}`);
  const times = `read ${t.read.toFixed(0)} ms, build ${t.build.toFixed(0)} ms, contract ${t.contract.toFixed(0)} ms, gazetteer ${t.gazetteer.toFixed(0)} ms`;
  console.log(`  timings: ${times}, write ${t.write.toFixed(0)} ms`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `city import failed: ${error.message}` : error);
  process.exit(1);
});
