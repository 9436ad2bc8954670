/**
 * [HI3] One CSV cell. A cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * carriage return) is prefixed with a quote so it shows as text; quotes, commas and line breaks are quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text, a header row first. */
export function csvTable(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}
