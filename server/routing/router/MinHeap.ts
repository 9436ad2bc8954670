/**
 * A binary min-heap of (key, node) pairs in typed arrays. No decrease-key: searches push again and skip stale
 * pops, which is faster in JavaScript than keeping positions up to date.
 */
export class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  /** The smallest key, or Infinity when empty. */
  peekKey(): number {
    return this.size === 0 ? Infinity : (this.keys[0] ?? Infinity);
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const nodes = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = keys[parent] ?? 0;
      if (parentKey <= key) break;
      keys[i] = parentKey;
      nodes[i] = nodes[parent] ?? 0;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes the smallest entry and returns its node; `lastKey` then holds its key. Call only when size > 0. */
  pop(): number {
    const keys = this.keys;
    const nodes = this.nodes;
    const top = nodes[0] ?? 0;
    this.lastKey = keys[0] ?? 0;
    const size = --this.size;
    if (size > 0) {
      const key = keys[size] ?? 0;
      const node = nodes[size] ?? 0;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && (keys[child + 1] ?? 0) < (keys[child] ?? 0)) child += 1;
        if ((keys[child] ?? 0) >= key) break;
        keys[i] = keys[child] ?? 0;
        nodes[i] = nodes[child] ?? 0;
        i = child;
      }
      keys[i] = key;
      nodes[i] = node;
    }
    return top;
  }

  lastKey = 0;

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const nodes = new Int32Array(this.nodes.length * 2);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}
