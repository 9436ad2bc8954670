/**
 * The V8 old-space limit the server is deployed with (`--max-old-space-size`, set by scripts/start.sh and the
 * Dockerfile; see docs/scaling.md, "Memory"), so that the benchmarks measure the server as it runs.
 */
export const SERVER_HEAP_LIMIT_MB = 384;
