import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { CityDataError } from './CityDataError.ts';

/** A fixture file's text and the path used to name it in errors (relative to the working directory when inside it). */
export type FixtureText = { file: string; text: string };

/** The path shown in error messages for `fileName` in `dir`. */
export function fixtureDisplayPath(dir: string, fileName: string): string {
  const path = join(dir, fileName);
  const fromCwd = relative(process.cwd(), path);
  return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd;
}

/** Reads a UTF-8 fixture file; throws CityDataError when it is missing or unreadable. */
export function readFixtureText(dir: string, fileName: string): FixtureText {
  const file = fixtureDisplayPath(dir, fileName);
  try {
    return { file, text: readFileSync(join(dir, fileName), 'utf8') };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new CityDataError(file, null, code === 'ENOENT' ? 'file not found' : `cannot read: ${String(error)}`);
  }
}

/** Reads and parses a JSON fixture file; throws CityDataError when it is missing or not JSON. */
export function readFixtureJson(dir: string, fileName: string): { file: string; json: unknown } {
  const { file, text } = readFixtureText(dir, fileName);
  try {
    return { file, json: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CityDataError(file, null, `invalid JSON: ${reason}`);
  }
}
