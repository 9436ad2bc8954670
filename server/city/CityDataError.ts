/** A city fixture file that is missing, unreadable or invalid; `file` is the path, `record` names the bad record (null for the whole file). */
export class CityDataError extends Error {
  override readonly name = 'CityDataError';
  readonly file: string;
  readonly record: string | null;

  constructor(file: string, record: string | null, detail: string) {
    super(record === null ? `${file}: ${detail}` : `${file}: ${record}: ${detail}`);
    this.file = file;
    this.record = record;
  }
}
