/**
 * Strongly connected components of a CSR digraph (iterative Tarjan). Returns each node's component number;
 * numbers are arbitrary but equal within a component.
 */
export function stronglyConnected(nodeCount: number, firstEdge: Uint32Array, edgeTarget: Uint32Array): Int32Array {
  const index = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const component = new Int32Array(nodeCount).fill(-1);
  const onStack = new Uint8Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  const callNode = new Int32Array(nodeCount);
  const callEdge = new Int32Array(nodeCount);
  let stackSize = 0;
  let nextIndex = 0;
  let nextComponent = 0;
  for (let root = 0; root < nodeCount; root += 1) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = firstEdge[root] ?? 0;
    index[root] = low[root] = nextIndex++;
    stack[stackSize++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth] ?? 0;
      const e = callEdge[depth] ?? 0;
      if (e < (firstEdge[v + 1] ?? 0)) {
        callEdge[depth] = e + 1;
        const w = edgeTarget[e] ?? 0;
        if (index[w] === -1) {
          index[w] = low[w] = nextIndex++;
          stack[stackSize++] = w;
          onStack[w] = 1;
          depth += 1;
          callNode[depth] = w;
          callEdge[depth] = firstEdge[w] ?? 0;
        } else if (onStack[w] === 1) {
          low[v] = Math.min(low[v] ?? 0, index[w] ?? 0);
        }
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--stackSize] ?? 0;
          onStack[w] = 0;
          component[w] = nextComponent;
        } while (w !== v);
        nextComponent += 1;
      }
      depth -= 1;
      if (depth >= 0) {
        const parent = callNode[depth] ?? 0;
        low[parent] = Math.min(low[parent] ?? 0, low[v] ?? 0);
      }
    }
  }
  return component;
}
