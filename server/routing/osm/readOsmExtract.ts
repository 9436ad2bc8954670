import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import osmRead from 'osm-read';
import { OsmImportError } from './OsmImportError.ts';

/** OSM tags of one element (key → value). */
export type OsmTags = Readonly<Record<string, string>>;

/** A tagged node the caller asked to keep (stations). `index` points into the extract's coordinate arrays. */
export type OsmTaggedNode = { id: number; index: number; tags: OsmTags };

/** A way the caller asked to keep, with its node references as OSM ids. */
export type OsmWay = { id: number; tags: OsmTags; refs: number[] };

/** What the importer needs from an extract: every node's position, the kept tagged nodes and the kept ways. */
export type OsmExtract = {
  /** OSM node id → index into `lng` / `lat`. */
  nodeIndex: Map<number, number>;
  /** Node longitudes and latitudes, degrees, in file order. */
  lng: number[];
  lat: number[];
  taggedNodes: OsmTaggedNode[];
  ways: OsmWay[];
};

/** Which elements to keep; every node's position is kept regardless. */
export type OsmFilter = { keepNode(tags: OsmTags): boolean; keepWay(tags: OsmTags): boolean };

/** The container formats the importer reads. */
export type OsmFormat = 'pbf' | 'xml' | 'xml.gz';

/** The format from the file name: `.osm.pbf`/`.pbf`, `.osm`/`.xml`, `.osm.gz`/`.xml.gz`; null when unknown. */
export function osmFormatOf(path: string): OsmFormat | null {
  const name = basename(path).toLowerCase();
  if (name.endsWith('.pbf')) return 'pbf';
  if (name.endsWith('.osm.gz') || name.endsWith('.xml.gz')) return 'xml.gz';
  if (name.endsWith('.osm') || name.endsWith('.xml')) return 'xml';
  return null;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function checkFile(path: string): Promise<OsmFormat> {
  const format = osmFormatOf(path);
  if (format === null) throw new OsmImportError(path, 'unknown extension: expected .osm.pbf, .osm or .osm.gz');
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new OsmImportError(path, 'not a file');
    size = info.size;
  } catch (error) {
    if (error instanceof OsmImportError) throw error;
    throw new OsmImportError(path, `cannot read the file (${describe(error)})`);
  }
  if (size === 0) throw new OsmImportError(path, 'the file is empty');
  return format;
}

/** Runs osm-read over one XML or PBF file, settling once on the end of the document or the first error. */
function parseWithOsmRead(file: string, displayName: string, format: 'pbf' | 'xml', filter: OsmFilter): Promise<OsmExtract> {
  const extract: OsmExtract = { nodeIndex: new Map(), lng: [], lat: [], taggedNodes: [], ways: [] };
  const formatName = format === 'pbf' ? 'OSM PBF' : 'OSM XML';
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      reject(new OsmImportError(displayName, `not a readable ${formatName} file, corrupt or truncated (${describe(error)})`));
    };
    try {
      osmRead.parse({
        filePath: file,
        format,
        node(node) {
          const id = Number(node.id);
          const index = extract.lng.length;
          extract.nodeIndex.set(id, index);
          extract.lng.push(node.lon);
          extract.lat.push(node.lat);
          if (filter.keepNode(node.tags)) extract.taggedNodes.push({ id, index, tags: node.tags });
        },
        way(way) {
          if (filter.keepWay(way.tags)) extract.ways.push({ id: Number(way.id), tags: way.tags, refs: way.nodeRefs.map(Number) });
        },
        endDocument() {
          if (settled) return;
          settled = true;
          if (extract.lng.length === 0) reject(new OsmImportError(displayName, `holds no OSM nodes: not an ${formatName} extract, or corrupt`));
          else resolve(extract);
        },
        error: fail,
      });
    } catch (error) {
      fail(error);
    }
  });
}

/**
 * Reads an OpenStreetMap extract (`.osm.pbf`, `.osm` XML, or gzipped XML `.osm.gz`, which is unpacked to a
 * temporary file first) with the osm-read parser. Keeps every node's position and the nodes and ways `filter`
 * accepts. Throws an `OsmImportError` naming the file when it is missing, empty, of an unknown kind or corrupt.
 */
export async function readOsmExtract(path: string, filter: OsmFilter): Promise<OsmExtract> {
  const format = await checkFile(path);
  if (format !== 'xml.gz') return parseWithOsmRead(path, path, format, filter);
  let xml: Buffer;
  try {
    xml = await promisify(gunzip)(await readFile(path));
  } catch (error) {
    throw new OsmImportError(path, `not a valid gzip file (${describe(error)})`);
  }
  if (xml.length === 0) throw new OsmImportError(path, 'the file is empty once unzipped');
  const dir = await mkdtemp(join(tmpdir(), 'osm-import-'));
  try {
    const file = join(dir, 'extract.osm');
    await writeFile(file, xml);
    return await parseWithOsmRead(file, path, 'xml', filter);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
