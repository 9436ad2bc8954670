import { PerformanceObserver, performance, type PerformanceEntry } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Redis } from 'ioredis';

/** Where the slow queries of a timed loop came from: this process's garbage collector, Redis's own execution, or neither. */
export interface QueryTail {
  /** Queries slower than `slowMs`. */
  slowMs: number;
  slow: number;
  /** Of those, the ones a garbage collection of this process overlapped. */
  slowDuringGc: number;
  /** Garbage collections in the loop: how many, and the longest (ms). */
  gcPauses: number;
  gcMaxMs: number;
  /** Commands Redis itself took longer than `slowMs` to execute (its SLOWLOG), and the longest (ms). */
  redisSlow: number;
  redisSlowMaxMs: number;
}

/** A timed loop's queries, each with its start (performance.now()) and duration. */
export interface TimedQuery {
  startMs: number;
  ms: number;
}

/**
 * Watches a timed loop of queries to say what its tail was made of: this process's garbage collections (a
 * PerformanceObserver of `gc` entries) and Redis's own slow executions (SLOWLOG over `slowMs`).
 */
export async function watchQueryTail(redis: Redis, slowMs: number): Promise<(queries: readonly TimedQuery[]) => Promise<QueryTail>> {
  const collections: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => collections.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const [, threshold] = (await redis.call('CONFIG', 'GET', 'slowlog-log-slower-than')) as [string, string];
  await redis.call('CONFIG', 'SET', 'slowlog-log-slower-than', String(Math.round(slowMs * 1000)));
  await redis.call('SLOWLOG', 'RESET');
  const watchedFrom = performance.now();
  return async (queries) => {
    // Entries are delivered asynchronously: a turn of the event loop lets the last of them arrive.
    await nextTurn();
    observer.disconnect();
    const pauses = collections.filter((entry) => entry.startTime >= watchedFrom);
    const slow = queries.filter((query) => query.ms > slowMs);
    const overlaps = (query: TimedQuery): boolean => pauses.some((gc) => gc.startTime < query.startMs + query.ms && gc.startTime + gc.duration > query.startMs);
    const log = (await redis.call('SLOWLOG', 'GET', '1000')) as [number, number, number, ...unknown[]][];
    await redis.call('CONFIG', 'SET', 'slowlog-log-slower-than', threshold);
    const redisMs = log.map(([, , micros]) => micros / 1000);
    return {
      slowMs,
      slow: slow.length,
      slowDuringGc: slow.filter(overlaps).length,
      gcPauses: pauses.length,
      gcMaxMs: Math.max(0, ...pauses.map((gc) => gc.duration)),
      redisSlow: redisMs.length,
      redisSlowMaxMs: Math.max(0, ...redisMs),
    };
  };
}

/** `12 of 2,000 queries over 0.5 ms: 3 during a garbage collection (8 in all, longest 2.1 ms); Redis executed 0 commands over 0.5 ms`. */
export function queryTailText(tail: QueryTail, queries: number): string {
  return (
    `${tail.slow.toLocaleString('en-US')} of ${queries.toLocaleString('en-US')} queries over ${tail.slowMs} ms: ${tail.slowDuringGc} during a garbage-collection pause of this process ` +
    `as V8 reports them (${tail.gcPauses} in the loop, longest ${tail.gcMaxMs.toFixed(1)} ms; the steps of incremental marking between them are not reported); Redis executed ${tail.redisSlow} commands over ${tail.slowMs} ms${tail.redisSlow > 0 ? ` (longest ${tail.redisSlowMaxMs.toFixed(2)} ms)` : ''}`
  );
}
