/** A markdown table of `header` and `rows`, as docs/benchmarks.md and docs/soak.md show figures. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** A whole number with thousands separators; a figure that is not a number is a dash. */
export const int = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—');

/** One decimal; a figure that is not a number is a dash. */
export const f1 = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : '—');

/** Three decimals (ms figures below a millisecond). */
export const f3 = (value: number): string => value.toFixed(3);
