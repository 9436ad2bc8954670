import { mkdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bbox } from '@turf/turf';
import { z } from 'zod';
import { AreaGeometrySchema, type AreaGeometry } from '../../../shared/city/citySchema.ts';
import type { GazetteerEntry } from '../../../shared/city/gazetteer.ts';
import type { BBox } from '../../../shared/geo/gridSpec.ts';
import { readOsmExtract } from '../../routing/osm/readOsmExtract.ts';
import { OsmImportError } from '../../routing/osm/OsmImportError.ts';
import { writeGazetteerFile } from '../gazetteerFile.ts';
import { extractGazetteer } from './extractGazetteer.ts';
import { isGazetteerNode, isGazetteerWay } from './gazetteerTags.ts';

/** How far past the outline's bounding box entries are kept, degrees (about 2 km): a caller may be just over the line. */
export const WITHIN_MARGIN_DEGREES = 0.02;

export type GazetteerImportReport = {
  source: string;
  /** Entries extracted, and kept within the area. */
  extracted: number;
  kept: number;
  bytes: number;
  timings: { read: number; extract: number; write: number };
};

const Outlined = z.object({ geometry: AreaGeometrySchema });
/** What `--within` reads: a FeatureCollection or Feature of (Multi)Polygons, or a bare (Multi)Polygon. */
const AreaFileSchema = z.union([z.object({ type: z.literal('FeatureCollection'), features: z.array(Outlined).min(1) }), Outlined, AreaGeometrySchema]);

function geometriesOf(area: z.infer<typeof AreaFileSchema>): AreaGeometry[] {
  if ('features' in area) return area.features.map((feature) => feature.geometry);
  return 'geometry' in area ? [area.geometry] : [area];
}

/** The bounding box of a GeoJSON outline file, widened by the margin. */
export function areaBoxOf(file: string): BBox {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new OsmImportError(file, `--within needs a readable GeoJSON file (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = AreaFileSchema.safeParse(json);
  if (!parsed.success) throw new OsmImportError(file, '--within needs a GeoJSON FeatureCollection, Feature or geometry of Polygons or MultiPolygons');
  const boxes = geometriesOf(parsed.data).map((geometry) => bbox(geometry));
  const m = WITHIN_MARGIN_DEGREES;
  return [
    Math.min(...boxes.map((b) => b[0])) - m,
    Math.min(...boxes.map((b) => b[1])) - m,
    Math.max(...boxes.map((b) => b[2])) + m,
    Math.max(...boxes.map((b) => b[3])) + m,
  ];
}

const inside = (box: BBox, entry: GazetteerEntry): boolean => {
  const [lng, lat] = entry.position;
  return lng >= box[0] && lng <= box[2] && lat >= box[1] && lat <= box[3];
};

/**
 * [LO6] Writes only `gazetteer.json` into `outDir` from an extract: for a city pack with its own data (Johannesburg)
 * that takes its streets, intersections, places, points of interest and addresses from a province's extract.
 * `within` keeps the entries inside a box (areaBoxOf), so a province's extract gives one city's gazetteer.
 */
export async function importGazetteer(path: string, outDir: string, within: BBox | null = null): Promise<GazetteerImportReport> {
  const t0 = performance.now();
  const extract = await readOsmExtract(path, { keepNode: isGazetteerNode, keepWay: isGazetteerWay });
  const t1 = performance.now();
  const entries = extractGazetteer(extract);
  const kept = within === null ? entries : entries.filter((entry) => inside(within, entry));
  const t2 = performance.now();
  mkdirSync(outDir, { recursive: true });
  const source = basename(path);
  const bytes = writeGazetteerFile(outDir, source, kept);
  return { source, extracted: entries.length, kept: kept.length, bytes, timings: { read: t1 - t0, extract: t2 - t1, write: performance.now() - t2 } };
}
