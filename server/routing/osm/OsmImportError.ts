/** A road-network import that cannot go on: the message names the file and what is wrong with it. */
export class OsmImportError extends Error {
  override readonly name = 'OsmImportError';
  readonly file: string;

  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.file = file;
  }
}
