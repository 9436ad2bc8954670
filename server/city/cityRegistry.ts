/**
 * [OP1] Each city: its pack, and the tag of its Redis keys. Each keeps its own data folder
 * (`<DATA_DIR>/<city>/redis`) and its own keys, so two cities started from one folder, or sharing one Redis
 * through REDIS_URL, never mix.
 */
export const CITIES = {
  joburg: { dir: 'fixtures/joburg', keyTag: 'jhb' },
  andorra: { dir: 'fixtures/andorra', keyTag: 'and' },
  monaco: { dir: 'fixtures/monaco', keyTag: 'mco' },
} as const;
