import fc from 'fast-check';

/**
 * fast-check arbitraries for hostile payloads: anything at all, and mutations of a valid payload
 * (a field anywhere in it replaced by a wrong-typed, huge, negative or odd unicode value, fields
 * removed, fields added, prototype keys).
 */

/** A value no field of the contract expects. */
export const strangeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 53), 0.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '\u202eevil', '\ud800', 'ﷺ'.repeat(50), '../../etc/passwd', '%00', '%2e%2e%2f', '__proto__', 'constructor', '<script>alert(1)</script>', "' OR 1=1 --", '=cmd|calc', '*', '\r\nSet-Cookie: x=1'),
  fc.constant('x'.repeat(70_000)),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 6 }),
  fc.object({ maxDepth: 2 }),
  fc.constantFrom({ $gt: '' }, [28.05], [28.05, -26.2, 0], [181, 0], [0, 90], ['28.05', '-26.2'], Array.from({ length: 20 }, (_, i) => `als-a${String(i).padStart(2, '0')}`)),
);

type Path = (string | number)[];

/** Every path to a value inside a payload, the payload's own fields first. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item] as [number, unknown]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

/** A deep copy of `value` with the value at `path` replaced (or removed, with `remove`). */
function withAt(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...(value as unknown[])];
    if (typeof head !== 'number') return copy;
    if (rest.length === 0 && remove) copy.splice(head, 1);
    else copy[head] = withAt(copy[head], rest, replacement, remove);
    return copy;
  }
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const key = String(head);
  if (rest.length === 0 && remove) delete copy[key];
  else copy[key] = withAt(copy[key], rest, replacement, remove);
  return copy;
}

/** Mutations of one valid payload. */
export function mutationsOf(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const keys = Object.keys(valid);
  const options: fc.Arbitrary<unknown>[] = [
    // Extra fields, possibly overriding real ones.
    fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...keys, 'role', 'userId', 'operatorId', 'agency', 'isAdmin')), strangeValue, { minKeys: 1, maxKeys: 3 }).map((extra) => ({ ...valid, ...extra })),
    // Prototype keys, as a JSON text would carry them.
    fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => {
      const fields = JSON.stringify(valid).slice(1, -1);
      return JSON.parse(`{"${key}":{"role":"administrator","polluted":true}${fields ? `,${fields}` : ''}}`) as unknown;
    }),
  ];
  if (paths.length > 0) {
    const path = fc.constantFrom(...paths);
    options.push(
      fc.tuple(path, strangeValue).map(([at, value]) => withAt(valid, at, value)),
      fc.tuple(path, strangeValue, path, strangeValue).map(([a, first, b, second]) => withAt(withAt(valid, a, first), b, second)),
      path.map((at) => withAt(valid, at, undefined, true)),
    );
  }
  if (keys.length > 0) options.push(fc.subarray(keys, { minLength: 1 }).map((drop) => Object.fromEntries(Object.entries(valid).filter(([key]) => !drop.includes(key)))));
  return fc.oneof(...options);
}

/** Hostile payloads for a command whose valid payload is `valid`: mostly mutations, some anything at all. */
export function hostilePayloads(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.anything(), weight: 2 },
    { arbitrary: fc.object(), weight: 1 },
    { arbitrary: mutationsOf(valid), weight: 6 },
    { arbitrary: fc.constant(valid), weight: 1 },
  );
}
