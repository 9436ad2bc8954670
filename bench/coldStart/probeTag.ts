/** The key of the cold-start probe's JSON lines on the server's stderr. */
export const PROBE_TAG = 'coldStartProbe';
