import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real Johannesburg city pack. */
export const JOBURG_DIR = fileURLToPath(new URL('../../fixtures/joburg', import.meta.url));

/** A scratch copy of the Johannesburg pack in the OS temp dir, for writing broken variants. */
export type CityPackCopy = {
  dir: string;
  readJson(file: string): unknown;
  writeJson(file: string, value: unknown): void;
  readText(file: string): string;
  writeText(file: string, text: string): void;
  remove(file: string): void;
  dispose(): void;
};

/** Copies the real pack into a fresh temp directory. */
export function copyCityPack(): CityPackCopy {
  const dir = mkdtempSync(join(tmpdir(), 'ec-city-'));
  cpSync(JOBURG_DIR, dir, { recursive: true });
  return {
    dir,
    readJson: (file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown,
    writeJson: (file, value) => writeFileSync(join(dir, file), JSON.stringify(value)),
    readText: (file) => readFileSync(join(dir, file), 'utf8'),
    writeText: (file, text) => writeFileSync(join(dir, file), text),
    remove: (file) => rmSync(join(dir, file)),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
