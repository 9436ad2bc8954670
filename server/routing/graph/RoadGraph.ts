/**
 * A contraction hierarchy over a road graph. Each CH edge (an original edge or a shortcut) is listed once, at its
 * lower-ranked endpoint `v`: upward out-edges `v → w` at positions [sectionStart[2v], sectionStart[2v+1]) and
 * upward in-edges `w → v` at [sectionStart[2v+1], sectionStart[2v+2]), `w` being `sectionNode`.
 */
export type ContractionHierarchy = {
  /** Contraction order of each node: higher is more important. */
  rank: Uint32Array;
  /** 2 × nodeCount + 1 section bounds. */
  sectionStart: Uint32Array;
  /** The higher-ranked endpoint of each listed edge. */
  sectionNode: Uint32Array;
  /** Travel time of each listed edge, milliseconds. */
  sectionTimeMs: Uint32Array;
  /** The CH edge id of each listed edge (for unpacking). */
  sectionEdge: Uint32Array;
  /** Per CH edge id: its first half (a CH edge id), or `-1 - e` for original edge `e`. */
  edgeChildA: Int32Array;
  /** Per CH edge id: its second half (a CH edge id), or -1 for an original edge. */
  edgeChildB: Int32Array;
};

/**
 * The directed road graph in compressed sparse rows: the out-edges of node `v` are `firstEdge[v]` to
 * `firstEdge[v + 1] - 1`. Only nodes used by drivable ways (in the largest strongly connected part, when the
 * import keeps only that) are present; every node of a way is kept, so an edge is one straight segment.
 */
export type RoadGraph = {
  nodeCount: number;
  edgeCount: number;
  /** Node positions, degrees. */
  lng: Float64Array;
  lat: Float64Array;
  /** The OSM id of each node. */
  osmNodeId: Float64Array;
  firstEdge: Uint32Array;
  edgeTarget: Uint32Array;
  /** Emergency-profile travel time of each edge, milliseconds (integers, so sums are exact). */
  edgeTimeMs: Uint32Array;
  /** Length of each edge, metres. */
  edgeMeters: Float32Array;
  /** Null for a graph built without preprocessing (tests of small graphs); the importer always adds it. */
  ch: ContractionHierarchy | null;
};

/** The edge `from → to` (the fastest, if the import left parallels), or -1. */
export function findEdge(graph: RoadGraph, from: number, to: number): number {
  let best = -1;
  for (let e = graph.firstEdge[from] ?? 0, end = graph.firstEdge[from + 1] ?? 0; e < end; e += 1) {
    if (graph.edgeTarget[e] === to && (best === -1 || (graph.edgeTimeMs[e] ?? 0) < (graph.edgeTimeMs[best] ?? 0))) best = e;
  }
  return best;
}
