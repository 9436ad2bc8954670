import type { z } from 'zod';
import { CityDataError } from './CityDataError.ts';
import { formatZodError } from './formatZodIssue.ts';

/** Names a raw record in messages, e.g. `feature #12 (ward 13)`; `index` is 0-based. */
export type RecordLabeller = (raw: unknown, index: number) => string;

/** Validates a whole file's top-level shape; throws CityDataError naming the file. */
export function parseFixtureEnvelope<S extends z.ZodType>(file: string, schema: S, json: unknown): z.output<S> {
  const result = schema.safeParse(json);
  if (!result.success) throw new CityDataError(file, null, formatZodError(result.error));
  return result.data;
}

/** Validates every record with `schema`; throws CityDataError naming the file, the record and the first issue. */
export function parseFixtureRecords<S extends z.ZodType>(
  file: string,
  records: readonly unknown[],
  schema: S,
  label: RecordLabeller,
): z.output<S>[] {
  return records.map((raw, index) => {
    const result = schema.safeParse(raw);
    if (!result.success) throw new CityDataError(file, label(raw, index), formatZodError(result.error));
    return result.data;
  });
}

/** Reads `object[key1][key2]…` from an unvalidated value, or undefined. */
function pick(value: unknown, keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A labeller `<noun> #<index>` followed by `(<prefix><value>)` from the first of `keyPaths` that holds a non-empty string or a number. */
export function labelBy(noun: string, keyPaths: readonly (readonly string[])[], prefix = ''): RecordLabeller {
  return (raw, index) => {
    const value = keyPaths.map((keys) => pick(raw, keys)).find((v) => (typeof v === 'string' && v !== '') || typeof v === 'number');
    const shown = typeof value === 'string' || typeof value === 'number' ? ` (${prefix}${value})` : '';
    return `${noun} #${index}${shown}`;
  };
}
