import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { GazetteerKindSchema, type GazetteerEntry } from '../../shared/city/gazetteer.ts';
import { LngLatSchema } from '../../shared/geo/position.ts';
import { CityDataError } from './CityDataError.ts';
import { labelBy, parseFixtureEnvelope, parseFixtureRecords } from './parseFixtureRecords.ts';
import { readFixtureJson } from './readFixtureFile.ts';

/** A city pack's searchable streets, intersections, places, points of interest and addresses (either kind of pack). */
export const GAZETTEER_FILE = 'gazetteer.json';

/** One entry as stored, with short keys (a province's file holds hundreds of thousands): id, kind, name, detail, [lng, lat]. */
export const GazetteerFileEntrySchema = z.strictObject({
  i: z.string().min(1),
  k: GazetteerKindSchema,
  n: z.string().min(1),
  /** Left out when empty. */
  d: z.string().optional(),
  p: LngLatSchema,
});
export type GazetteerFileEntry = z.infer<typeof GazetteerFileEntrySchema>;

export const GazetteerFileSchema = z.object({
  format: z.literal('gazetteer/1'),
  /** The extract the entries come from. */
  source: z.string().min(1),
  /** The credit shown with the map, e.g. "Streets and places: © OpenStreetMap contributors, ODbL 1.0 (andorra.osm.pbf)". */
  attribution: z.string().min(1),
  entries: z.array(z.unknown()),
});

/** The credit line for a gazetteer imported from `source`. */
export const gazetteerAttribution = (source: string): string => `Streets, places and addresses: © OpenStreetMap contributors, ODbL 1.0 (${source})`;

const toFileEntry = (entry: GazetteerEntry): GazetteerFileEntry => ({ i: entry.id, k: entry.kind, n: entry.name, ...(entry.detail === '' ? {} : { d: entry.detail }), p: entry.position });

/** Writes `gazetteer.json` into `dir`, one entry a line (compact, and a new import reads as a small diff); returns its size in bytes. */
export function writeGazetteerFile(dir: string, source: string, entries: readonly GazetteerEntry[]): number {
  const head = JSON.stringify({ format: 'gazetteer/1', source, attribution: gazetteerAttribution(source) }).slice(0, -1);
  const lines = entries.map((entry) => JSON.stringify(toFileEntry(entry)));
  const text = `${head},"entries":[\n${lines.join(',\n')}\n]}\n`;
  writeFileSync(join(dir, GAZETTEER_FILE), text);
  return Buffer.byteLength(text);
}

/** A pack's gazetteer: its entries and the credit line to show with the map. */
export type PackGazetteer = { entries: GazetteerEntry[]; attribution: string | null };

/**
 * [LO6] Reads `gazetteer.json` of a city pack when there is one (none: no entries): every entry validated, ids
 * unique; throws CityDataError naming the file and the entry.
 */
export function loadGazetteerFile(dir: string): PackGazetteer {
  if (!existsSync(join(dir, GAZETTEER_FILE))) return { entries: [], attribution: null };
  const { file, json } = readFixtureJson(dir, GAZETTEER_FILE);
  const { entries: raw, attribution } = parseFixtureEnvelope(file, GazetteerFileSchema, json);
  const label = labelBy('entry', [['i'], ['n']]);
  const stored = parseFixtureRecords(file, raw, GazetteerFileEntrySchema, label);
  const ids = new Set<string>();
  const entries = stored.map((entry, index): GazetteerEntry => {
    if (ids.has(entry.i)) throw new CityDataError(file, label(entry, index), `duplicate id "${entry.i}"`);
    ids.add(entry.i);
    return { id: entry.i, name: entry.n, kind: entry.k, detail: entry.d ?? '', position: entry.p };
  });
  return { entries, attribution };
}
