/** A road graph file that cannot be loaded: missing, truncated, corrupt or of another version. */
export class RoadGraphFileError extends Error {
  override readonly name = 'RoadGraphFileError';
  readonly file: string;

  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.file = file;
  }
}
