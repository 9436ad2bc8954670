/**
 * The V8 options the server is deployed with (`NODE_OPTIONS` in scripts/start.sh and the Dockerfile; see
 * docs/scaling.md, "Memory"), so that the benchmarks measure the server as it runs: the old space capped, and a young
 * generation large enough that a burst's short-lived objects die young instead of being promoted.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-old-space-size=384', '--max-semi-space-size=64'];
