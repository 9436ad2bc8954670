import { readFileSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import type { ContractionHierarchy, RoadGraph } from './RoadGraph.ts';
import { RoadGraphFileError } from './RoadGraphFileError.ts';

/** The first 8 bytes of every road graph file. */
export const ROAD_GRAPH_MAGIC = 'CADROADS';
/** Bumped whenever the layout changes; older files must be imported again. */
export const ROAD_GRAPH_VERSION = 1;
/** Header bytes: magic, version, node / edge / CH section / CH edge counts, flags, payload length, payload CRC-32. */
const HEADER_BYTES = 48;

type Counts = { nodes: number; edges: number; sections: number; chEdges: number };

type ArrayKind = typeof Float64Array | typeof Float32Array | typeof Uint32Array | typeof Int32Array;

/** The arrays in file order, each with its length from the counts. Every array starts on an 8-byte boundary. */
function layout(c: Counts): [keyof RoadGraph | keyof ContractionHierarchy, ArrayKind, number][] {
  return [
    ['lng', Float64Array, c.nodes],
    ['lat', Float64Array, c.nodes],
    ['osmNodeId', Float64Array, c.nodes],
    ['firstEdge', Uint32Array, c.nodes + 1],
    ['edgeTarget', Uint32Array, c.edges],
    ['edgeTimeMs', Uint32Array, c.edges],
    ['edgeMeters', Float32Array, c.edges],
    ['rank', Uint32Array, c.nodes],
    ['sectionStart', Uint32Array, 2 * c.nodes + 1],
    ['sectionNode', Uint32Array, c.sections],
    ['sectionTimeMs', Uint32Array, c.sections],
    ['sectionEdge', Uint32Array, c.sections],
    ['edgeChildA', Int32Array, c.chEdges],
    ['edgeChildB', Int32Array, c.chEdges],
  ];
}

const align8 = (bytes: number): number => Math.ceil(bytes / 8) * 8;

function payloadBytes(c: Counts): number {
  return layout(c).reduce((sum, [, kind, length]) => sum + align8(length * kind.BYTES_PER_ELEMENT), 0);
}

/** The graph (with its contraction hierarchy) as one buffer: header, then the typed arrays little-endian. */
export function encodeRoadGraph(graph: RoadGraph): Buffer {
  const ch = graph.ch;
  if (ch === null) throw new Error('encodeRoadGraph: the graph has no contraction hierarchy (run contractGraph first)');
  const counts: Counts = { nodes: graph.nodeCount, edges: graph.edgeCount, sections: ch.sectionNode.length, chEdges: ch.edgeChildA.length };
  const size = payloadBytes(counts);
  const buffer = Buffer.alloc(HEADER_BYTES + size);
  const arrays = new Map<string, Float64Array | Float32Array | Uint32Array | Int32Array>();
  for (const [name, value] of Object.entries({ ...graph, ...ch })) {
    if (value instanceof Float64Array || value instanceof Float32Array || value instanceof Uint32Array || value instanceof Int32Array) arrays.set(name, value);
  }
  let at = HEADER_BYTES;
  for (const [name, , length] of layout(counts)) {
    const array = arrays.get(name);
    if (array === undefined || array.length !== length) throw new Error(`encodeRoadGraph: ${name} has ${array?.length} entries, expected ${length}`);
    buffer.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += align8(array.byteLength);
  }
  buffer.write(ROAD_GRAPH_MAGIC, 0, 'latin1');
  [ROAD_GRAPH_VERSION, counts.nodes, counts.edges, counts.sections, counts.chEdges, 1, size].forEach((value, i) => buffer.writeUInt32LE(value, 8 + 4 * i));
  buffer.writeUInt32LE(crc32(buffer.subarray(HEADER_BYTES)), 36);
  return buffer;
}

function check(file: string, ok: boolean, detail: string): void {
  if (!ok) throw new RoadGraphFileError(file, detail);
}

function isMonotonic(starts: Uint32Array, last: number): boolean {
  for (let i = 1; i < starts.length; i += 1) if ((starts[i] ?? 0) < (starts[i - 1] ?? 0)) return false;
  return starts[0] === 0 && starts[starts.length - 1] === last;
}

function allBelow(values: Uint32Array, limit: number): boolean {
  for (const v of values) if (v >= limit) return false;
  return true;
}

function validate(file: string, g: RoadGraph, ch: ContractionHierarchy): void {
  check(file, isMonotonic(g.firstEdge, g.edgeCount), 'edge offsets are not in order: corrupt file');
  check(file, allBelow(g.edgeTarget, g.nodeCount), 'an edge points past the last node: corrupt file');
  check(file, allBelow(ch.rank, g.nodeCount), 'a node rank is out of range: corrupt file');
  check(file, isMonotonic(ch.sectionStart, ch.sectionNode.length), 'hierarchy offsets are not in order: corrupt file');
  check(file, allBelow(ch.sectionNode, g.nodeCount), 'a hierarchy edge points past the last node: corrupt file');
  check(file, allBelow(ch.sectionEdge, ch.edgeChildA.length), 'a hierarchy edge id is out of range: corrupt file');
  for (let e = 0; e < ch.edgeChildA.length; e += 1) {
    const a = ch.edgeChildA[e] ?? 0;
    const b = ch.edgeChildB[e] ?? 0;
    const ok = a < 0 ? -1 - a < g.edgeCount && b === -1 : a < e && b >= 0 && b < e;
    check(file, ok, `hierarchy edge ${e} has bad children: corrupt file`);
  }
}

/** Reads a road graph file from a buffer; throws a RoadGraphFileError (naming `file`) when it is not a valid one. */
export function decodeRoadGraph(input: Buffer, file = 'road graph'): RoadGraph {
  check(file, endianness() === 'LE', 'road graph files are little-endian; this machine is not');
  check(file, input.length >= HEADER_BYTES, `too short for a road graph file (${input.length} bytes)`);
  check(file, input.toString('latin1', 0, 8) === ROAD_GRAPH_MAGIC, 'not a road graph file (bad magic): import the city again');
  const version = input.readUInt32LE(8);
  check(file, version === ROAD_GRAPH_VERSION, `file format version ${version}, this server reads ${ROAD_GRAPH_VERSION}: import the city again`);
  const counts: Counts = { nodes: input.readUInt32LE(12), edges: input.readUInt32LE(16), sections: input.readUInt32LE(20), chEdges: input.readUInt32LE(24) };
  const size = input.readUInt32LE(32);
  check(file, size === payloadBytes(counts), 'header counts do not match the payload size: corrupt file');
  check(file, input.length === HEADER_BYTES + size, `truncated or padded: ${input.length} bytes, expected ${HEADER_BYTES + size}`);
  check(file, crc32(input.subarray(HEADER_BYTES)) === input.readUInt32LE(36), 'checksum mismatch: corrupt file');
  // Typed arrays need aligned offsets: copy once when the buffer does not start on an 8-byte boundary.
  const bytes = input.byteOffset % 8 === 0 ? input : Buffer.from(input);
  const memory = bytes.buffer;
  if (!(memory instanceof ArrayBuffer)) throw new RoadGraphFileError(file, 'shared memory buffers are not supported');
  const arrays = new Map<string, Float64Array | Float32Array | Uint32Array | Int32Array>();
  let at = bytes.byteOffset + HEADER_BYTES;
  for (const [name, Kind, length] of layout(counts)) {
    arrays.set(name, new Kind(memory, at, length));
    at += align8(length * Kind.BYTES_PER_ELEMENT);
  }
  const get = <T>(name: string, kind: abstract new (...args: never[]) => T): T => {
    const array = arrays.get(name);
    if (!(array instanceof kind)) throw new RoadGraphFileError(file, `missing ${name}`);
    return array;
  };
  const ch: ContractionHierarchy = {
    rank: get('rank', Uint32Array),
    sectionStart: get('sectionStart', Uint32Array),
    sectionNode: get('sectionNode', Uint32Array),
    sectionTimeMs: get('sectionTimeMs', Uint32Array),
    sectionEdge: get('sectionEdge', Uint32Array),
    edgeChildA: get('edgeChildA', Int32Array),
    edgeChildB: get('edgeChildB', Int32Array),
  };
  const graph: RoadGraph = {
    nodeCount: counts.nodes,
    edgeCount: counts.edges,
    lng: get('lng', Float64Array),
    lat: get('lat', Float64Array),
    osmNodeId: get('osmNodeId', Float64Array),
    firstEdge: get('firstEdge', Uint32Array),
    edgeTarget: get('edgeTarget', Uint32Array),
    edgeTimeMs: get('edgeTimeMs', Uint32Array),
    edgeMeters: get('edgeMeters', Float32Array),
    ch,
  };
  validate(file, graph, ch);
  return graph;
}

/** Writes the graph file (see encodeRoadGraph). */
export function writeRoadGraph(path: string, graph: RoadGraph): number {
  const buffer = encodeRoadGraph(graph);
  writeFileSync(path, buffer);
  return buffer.length;
}

/** Loads a road graph file written by writeRoadGraph, checking header, sizes, checksum and every index [RO4]. */
export function loadRoadGraph(path: string): RoadGraph {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    throw new RoadGraphFileError(path, `cannot read the road graph (${error instanceof Error ? error.message : String(error)})`);
  }
  return decodeRoadGraph(buffer, path);
}
