import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CALL_LOG_COLUMNS } from '../shared/replay/callLogSchema.ts';
import { instantOfWallTime, isoWithOffset } from '../shared/time/zonedTime.ts';

/** A data file's cell (not a spreadsheet export: coordinates keep their minus sign). */
const cell = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

const USAGE = 'usage: npm run calls:montco -- <montco 911.csv> <out call log.csv>';

/**
 * [RL8] Turns the Montgomery County (PA) 911 call file (columns lat, lng, desc, zip, title, timeStamp, twp, addr, e;
 * times in the county's local time) into the replay's call-log CSV: one row per call, its title as the type (the
 * replay maps titles with fixtures/calls/montco/montco-type-map.json) and no unit columns, since the file has none:
 * the replay's simulated crews answer for them.
 */
function main(): void {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error(USAGE);
  const records = parse<Record<string, string>>(readFileSync(input, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true });
  const rows: string[][] = [[...CALL_LOG_COLUMNS]];
  let skipped = 0;
  records.forEach((record, index) => {
    const at = instantOfWallTime(record.timeStamp ?? '', 'America/New_York');
    if (at === null || !record.title || !record.lat || !record.lng) {
      skipped += 1;
      return;
    }
    rows.push([`MC${String(index + 2).padStart(7, '0')}`, isoWithOffset(at, 'America/New_York'), record.title, record.lat, record.lng, '', '', '', '', '', '', '', '']);
  });
  writeFileSync(output, `${rows.map((row) => row.map(cell).join(',')).join('\n')}\n`);
  console.log(`${rows.length - 1} calls written to ${output}${skipped ? `; ${skipped} rows without a time, title or place skipped` : ''}`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
