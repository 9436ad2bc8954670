import { performance } from 'node:perf_hooks';
import type { RoadGraph } from '../../server/routing/graph/RoadGraph.ts';
import type { PgCluster } from './pgCluster.ts';

/** pgRouting ids are 1-based here: graph node v is vertex v + 1, graph edge e is edge e + 1. */
const vertexId = (node: number): number => node + 1;

/** Loads the graph's directed edges into `edges(id, source, target, cost, reverse_cost)`, cost in seconds; returns the ms taken. */
export function loadEdges(cluster: PgCluster, graph: RoadGraph): number {
  const rows: string[] = [];
  for (let u = 0; u < graph.nodeCount; u += 1) {
    for (let e = graph.firstEdge[u] ?? 0, end = graph.firstEdge[u + 1] ?? 0; e < end; e += 1) {
      rows.push(`${e + 1},${vertexId(u)},${vertexId(graph.edgeTarget[e] ?? 0)},${(graph.edgeTimeMs[e] ?? 0) / 1000},-1`);
    }
  }
  const start = performance.now();
  cluster.psql(
    [
      'CREATE TABLE edges (id bigint PRIMARY KEY, source bigint NOT NULL, target bigint NOT NULL, cost double precision NOT NULL, reverse_cost double precision NOT NULL);',
      'COPY edges (id, source, target, cost, reverse_cost) FROM STDIN WITH (FORMAT csv);',
      ...rows,
      '\\.',
      'ANALYZE edges;',
      '',
    ].join('\n'),
  );
  const count = Number(cluster.psql('SELECT count(*) FROM edges;').trim());
  if (count !== graph.edgeCount) throw new Error(`pgRouting: loaded ${count} edges of ${graph.edgeCount}`);
  return performance.now() - start;
}

/** One timed pgr_dijkstra: server-side milliseconds and the total travel time (seconds), null when no path came back. */
export type PgAnswer = { ms: number; seconds: number | null };

/**
 * Runs `pgr_dijkstra` (directed, the whole edges table as its edge SQL, as pgRouting is normally called) for each
 * node pair, timed inside the server with clock_timestamp() around each call, so no client round trip is counted.
 * The first `warmup` pairs are run and dropped.
 */
export function timePgrDijkstra(cluster: PgCluster, pairs: readonly (readonly [number, number])[], warmup: number): { answers: PgAnswer[]; elapsedMs: number } {
  const rows = pairs.map(([s, t], i) => `${i},${vertexId(s)},${vertexId(t)}`);
  const out = cluster.psql(
    [
      'CREATE TABLE pairs (i int PRIMARY KEY, s bigint NOT NULL, t bigint NOT NULL);',
      'COPY pairs (i, s, t) FROM STDIN WITH (FORMAT csv);',
      ...rows,
      '\\.',
      `CREATE FUNCTION bench_pgr(first_i int, last_i int) RETURNS TABLE (i int, ms double precision, cost double precision, elapsed_ms double precision) LANGUAGE plpgsql AS $$
DECLARE
  r record;
  t0 timestamptz;
  started timestamptz := clock_timestamp();
BEGIN
  FOR r IN SELECT p.i, p.s, p.t FROM pairs p WHERE p.i >= first_i AND p.i < last_i ORDER BY p.i LOOP
    t0 := clock_timestamp();
    SELECT d.agg_cost INTO cost FROM pgr_dijkstra('SELECT id, source, target, cost, reverse_cost FROM edges', r.s, r.t, directed => true) d WHERE d.edge = -1;
    ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    i := r.i;
    elapsed_ms := NULL;
    RETURN NEXT;
  END LOOP;
  i := -1; ms := NULL; cost := NULL;
  elapsed_ms := extract(epoch FROM clock_timestamp() - started) * 1000;
  RETURN NEXT;
END $$;`,
      // Warm-up: the first pairs, results dropped (the timed run below repeats from `warmup`).
      `SELECT count(*) FROM bench_pgr(0, ${warmup});`,
      `COPY (SELECT i, ms, cost, elapsed_ms FROM bench_pgr(${warmup}, ${pairs.length})) TO STDOUT WITH (FORMAT csv);`,
      '',
    ].join('\n'),
  );
  const answers: PgAnswer[] = [];
  let elapsedMs = Number.NaN;
  for (const line of out.split('\n')) {
    const [i, ms, cost, elapsed] = line.trim().split(',');
    if (i === undefined || ms === undefined || cost === undefined) continue;
    if (i === '-1') {
      elapsedMs = Number(elapsed);
      continue;
    }
    answers.push({ ms: Number(ms), seconds: cost === '' ? null : Number(cost) });
  }
  if (answers.length !== pairs.length - warmup) throw new Error(`pgRouting: ${answers.length} answers for ${pairs.length - warmup} timed pairs`);
  return { answers, elapsedMs };
}
