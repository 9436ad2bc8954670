import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoadGraph } from '../../server/routing/graph/roadGraphFile.ts';
import { roadLines } from '../../server/routing/roadLines.ts';

describe('[RO11] road lines for the map', () => {
  it('[RO11] draw every road segment of the Andorra graph exactly once, joined into chains', () => {
    const graph = loadRoadGraph(resolve(import.meta.dirname, '../../fixtures/andorra/roads.bin'));
    const lines = roadLines(graph);
    const segments = new Set<string>();
    let drawn = 0;
    for (const line of lines) {
      expect(line.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < line.length; i += 1) {
        const key = [JSON.stringify(line[i - 1]), JSON.stringify(line[i])].sort().join('|');
        segments.add(key);
        drawn += 1;
      }
    }
    expect(drawn).toBe(segments.size);
    // Chains join through-nodes: far fewer lines than segments.
    expect(lines.length).toBeLessThan(drawn / 3);
    // Every undirected edge of the graph is drawn.
    const undirected = new Set<string>();
    for (let v = 0; v < graph.nodeCount; v += 1) {
      for (let e = graph.firstEdge[v] ?? 0; e < (graph.firstEdge[v + 1] ?? 0); e += 1) {
        const w = graph.edgeTarget[e] ?? v;
        if (w !== v) undirected.add(v < w ? `${v}:${w}` : `${w}:${v}`);
      }
    }
    expect(drawn).toBe(undirected.size);
  });
});
