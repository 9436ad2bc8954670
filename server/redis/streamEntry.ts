/** A Redis stream entry as ioredis gives it: its id, then its fields and values in turn. */
export type StreamEntry = [id: string, fields: string[]];

/** Fields and values in turn (a stream entry's, or a hash's as HGETALL gives it inside a script) as a record. */
export function recordOfFields(fields: readonly unknown[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) record[String(fields[i])] = String(fields[i + 1]);
  return record;
}
