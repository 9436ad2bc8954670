import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../server/city/buildGazetteer.ts';
import { CityDataError } from '../../server/city/CityDataError.ts';
import { GAZETTEER_FILE, writeGazetteerFile } from '../../server/city/gazetteerFile.ts';
import { loadCity } from '../../server/city/loadCity.ts';
import { buildGazetteerIndex, searchGazetteer, type GazetteerEntry } from '../../shared/city/gazetteer.ts';
import { copyCityPack, type CityPackCopy } from './cityPackCopy.ts';

/** Made-up entries for a scratch copy of the pack (no real place is given invented coordinates). */
const SAMPLE: GazetteerEntry[] = [
  { id: 'street-w1', name: 'Sample Street', kind: 'street', detail: 'Sampleton, Johannesburg', position: [28.04, -26.19] },
  { id: 'junction-n2', name: 'Sample Street & Trial Road', kind: 'intersection', detail: 'Sampleton, Johannesburg', position: [28.041, -26.19] },
  { id: 'address-n3', name: '7 Sample Street', kind: 'address', detail: '', position: [28.0405, -26.19] },
];

type FileJson = { format: string; entries: Record<string, unknown>[] };

function loadError(pack: CityPackCopy): CityDataError {
  try {
    loadCity(pack.dir);
  } catch (error) {
    if (error instanceof CityDataError) return error;
    throw error;
  }
  throw new Error('loadCity did not throw');
}

let pack: CityPackCopy;
beforeEach(() => {
  pack = copyCityPack();
  writeGazetteerFile(pack.dir, 'gauteng-latest.osm.pbf', SAMPLE);
});
afterEach(() => pack.dispose());

describe('gazetteer.json in the Johannesburg (municipal) pack', () => {
  it('[LO6] is read when present: its entries join the facilities, wards and regions, and its credit the map', () => {
    const city = loadCity(pack.dir);
    expect(city.gazetteer).toEqual(SAMPLE);
    expect(city.attribution).toContain('Streets, places and addresses: © OpenStreetMap contributors, ODbL 1.0 (gauteng-latest.osm.pbf)');
    const entries = buildGazetteer(city);
    expect(entries.filter((e) => e.kind === 'ward')).toHaveLength(135);
    expect(entries.filter((e) => e.kind === 'police_station')).toHaveLength(43);
    const index = buildGazetteerIndex(entries);
    expect(searchGazetteer(index, 'sample & trial')[0]?.id).toBe('junction-n2');
    expect(searchGazetteer(index, 'sample st 7')[0]?.id).toBe('address-n3');
  });

  it('[LO6] is optional: without it the pack has no extra entries and the usual credits', () => {
    pack.remove(GAZETTEER_FILE);
    const city = loadCity(pack.dir);
    expect(city.gazetteer).toEqual([]);
    expect(city.attribution.join(' ')).not.toContain('OpenStreetMap');
  });

  it('[LO6] a bad entry stops start-up naming the file, the entry and the field', () => {
    const file = pack.readJson(GAZETTEER_FILE) as FileJson;
    const entry = file.entries[1];
    if (entry === undefined) throw new Error('sample has no entry #1');
    entry.p = [28.041, 'south'];
    pack.writeJson(GAZETTEER_FILE, file);
    const error = loadError(pack);
    expect(error.record).toBe('entry #1 (junction-n2)');
    expect(error.message).toMatch(/gazetteer\.json: entry #1 \(junction-n2\): p\[1\]: expected number, received string$/);
  });

  it('[LO6] an unknown kind, a duplicate id, a wrong format and bad JSON are refused with the file named', () => {
    const file = pack.readJson(GAZETTEER_FILE) as FileJson;
    pack.writeJson(GAZETTEER_FILE, { ...file, entries: [{ ...file.entries[0], k: 'castle' }] });
    expect(loadError(pack).message).toMatch(/gazetteer\.json: entry #0 \(street-w1\): k: /);
    pack.writeJson(GAZETTEER_FILE, { ...file, entries: [file.entries[0], file.entries[1], { ...file.entries[2], i: 'street-w1' }] });
    expect(loadError(pack).message).toMatch(/gazetteer\.json: entry #2 \(street-w1\): duplicate id "street-w1"$/);
    pack.writeJson(GAZETTEER_FILE, { ...file, format: 'gazetteer/0' });
    expect(loadError(pack).message).toMatch(/gazetteer\.json: format: /);
    pack.writeText(GAZETTEER_FILE, '{"format": "gazetteer/1", "entries": [');
    expect(loadError(pack).message).toMatch(/gazetteer\.json: invalid JSON: /);
  });
});
