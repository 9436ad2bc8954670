import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { importExtract } from '../../server/routing/importExtract.ts';
import { decodeRoadGraph, loadRoadGraph } from '../../server/routing/graph/roadGraphFile.ts';
import { RoadGraphFileError } from '../../server/routing/graph/RoadGraphFileError.ts';
import { OsmImportError } from '../../server/routing/osm/OsmImportError.ts';

const dir = mkdtempSync(join(tmpdir(), 'osm-errors-'));
const out = join(dir, 'out');
const ANDORRA = resolve(import.meta.dirname, '../../fixtures/osm/andorra.osm.pbf');
const ROADS = resolve(import.meta.dirname, '../../fixtures/monaco/roads.bin');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function importError(path: string): Promise<string> {
  const error: unknown = await importExtract(path, out).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OsmImportError);
  return error instanceof Error ? error.message : '';
}

describe('import errors [RO8]', () => {
  it('names a missing file', async () => {
    expect(await importError(join(dir, 'nowhere.osm.pbf'))).toMatch(/nowhere\.osm\.pbf: cannot read the file/);
  });

  it('names an empty file', async () => {
    expect(await importError(file('empty.osm.pbf', ''))).toMatch(/empty\.osm\.pbf: the file is empty/);
    expect(await importError(file('empty.osm', ''))).toMatch(/the file is empty/);
  });

  it('refuses an unknown extension', async () => {
    expect(await importError(file('roads.geojson', '{}'))).toMatch(/unknown extension/);
  });

  it('names a corrupt or truncated PBF file', async () => {
    expect(await importError(file('noise.osm.pbf', Buffer.from('this is not a protocol buffer at all'.repeat(20))))).toMatch(/not a readable OSM PBF file/);
    const truncated = readFileSync(ANDORRA).subarray(0, 100_000);
    expect(await importError(file('truncated.osm.pbf', truncated))).toMatch(/truncated\.osm\.pbf: not a readable OSM PBF file/);
  });

  it('names a corrupt gzip or a file with no OSM data', async () => {
    expect(await importError(file('bad.osm.gz', 'not gzip'))).toMatch(/not a valid gzip file/);
    expect(await importError(file('html.osm.gz', gzipSync('<html><body>404</body></html>')))).toMatch(/holds no OSM nodes/);
    expect(await importError(file('empty-inside.osm.gz', gzipSync('')))).toMatch(/empty once unzipped/);
  });

  it('[RO4] refuses a road graph file that is missing, foreign, truncated or altered', () => {
    const good = readFileSync(ROADS);
    expect(() => loadRoadGraph(join(dir, 'missing.bin'))).toThrow(RoadGraphFileError);
    expect(() => decodeRoadGraph(Buffer.from('hello world, not a graph at all...................................'), 'x.bin')).toThrow(/bad magic/);
    expect(() => decodeRoadGraph(good.subarray(0, good.length - 8), 'x.bin')).toThrow(/truncated/);
    expect(() => decodeRoadGraph(Buffer.alloc(10), 'x.bin')).toThrow(/too short/);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] = (flipped[flipped.length - 100] ?? 0) ^ 0xff;
    expect(() => decodeRoadGraph(flipped, 'x.bin')).toThrow(/checksum mismatch/);
    const newer = Buffer.from(good);
    newer.writeUInt32LE(99, 8);
    expect(() => decodeRoadGraph(newer, 'x.bin')).toThrow(/version 99/);
    const copy = join(dir, 'copy.bin');
    copyFileSync(ROADS, copy);
    expect(loadRoadGraph(copy).nodeCount).toBe(2_812);
  });
});
