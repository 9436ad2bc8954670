import { CityDataError } from './CityDataError.ts';
import { WARD_REGION_CSV_HEADER, WardRegionRowSchema, type WardRegionRow } from './fixtureSchemas.ts';
import { formatZodError } from './formatZodIssue.ts';

/** A validated row and its 1-based line number in the file. */
export type WardRegionLine = WardRegionRow & { line: number };

/** Parses coj_ward_to_region_APPROX.csv (plain comma-separated, no quoting); errors name the 1-based line and its ward. */
export function parseWardRegionCsv(file: string, text: string): WardRegionLine[] {
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.trim() ?? '';
  if (header !== WARD_REGION_CSV_HEADER) {
    throw new CityDataError(file, 'line 1', `expected header "${WARD_REGION_CSV_HEADER}", found "${header}"`);
  }
  const rows: WardRegionLine[] = [];
  lines.forEach((line, index) => {
    if (index === 0 || line.trim() === '') return;
    const cells = line.split(',').map((cell) => cell.trim());
    const record = `line ${index + 1} (ward ${cells[0] ?? '?'})`;
    if (cells.length !== 4) throw new CityDataError(file, record, `expected 4 columns, found ${cells.length}`);
    const result = WardRegionRowSchema.safeParse({
      ward: cells[0],
      ward_pcode: cells[1],
      region_approx: cells[2],
      method: cells[3],
    });
    if (!result.success) throw new CityDataError(file, record, formatZodError(result.error));
    rows.push({ ...result.data, line: index + 1 });
  });
  return rows;
}
